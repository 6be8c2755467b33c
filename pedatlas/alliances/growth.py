"""Growth playback: alliance hospitals joining and counties covered, year by year, as plotly frames.

A hospital counts in a year when its membership is active at the year's end (joined on or before
31 December, not left by then), as in the alliance queries. A county is covered in a year when at
least one such hospital lies in it. Frames play in the browser with no server round trip.
"""

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pedatlas import figure_layout, map_traces

BASE_COLOR = "#eeeeee"
EARLIER_COLOR = "#4292c6"  # covered in an earlier year
NEW_COLOR = "#fd8d3c"  # newly covered this year
HOSPITAL_COLOR = "#08306b"
FRAME_MS = 1500  # 13 years play in about 20 s: time to talk over it in the first minute


def active_at_year_end(members: pd.DataFrame, year: int) -> pd.Series:
    """Memberships active on 31 December of year."""
    end = pd.Timestamp(year, 12, 31)
    joined = pd.to_datetime(members["joined_on"])
    left = pd.to_datetime(members["left_on"])
    return (joined <= end) & (left.isna() | (left > end))


def county_coverage(members: pd.DataFrame, years) -> pd.DataFrame:
    """(year, adcode, hospitals, first_year): counties with active alliance hospitals each year.

    first_year is the first of the given years in which the county was covered.
    """
    rows = []
    for year in years:
        active = members[active_at_year_end(members, year)]
        counts = active.groupby("county_adcode")["hospital_id"].nunique()
        rows += [(year, adcode, int(n)) for adcode, n in counts.items()]
    coverage = pd.DataFrame(rows, columns=["year", "adcode", "hospitals"])
    coverage["first_year"] = coverage.groupby("adcode")["year"].transform("min")
    return coverage.sort_values(["year", "adcode"]).reset_index(drop=True)


def growth_summary(members: pd.DataFrame, counties: pd.DataFrame, years) -> pd.DataFrame:
    """Per year: alliances and hospitals active, memberships joined, counties and children covered."""
    children = counties.set_index("adcode")["children"].astype(float)
    total = float(children.sum())
    joined_year = pd.to_datetime(members["joined_on"]).dt.year
    rows = []
    for year in years:
        active = members[active_at_year_end(members, year)]
        covered = active["county_adcode"].unique()
        reached = float(children.reindex(covered).fillna(0).sum())
        rows.append(
            {
                "year": year,
                "alliances": active["alliance_id"].nunique(),
                "hospitals": active["hospital_id"].nunique(),
                "joined": int((joined_year == year).sum()),
                "counties_covered": len(covered),
                "children_covered": reached,
                "coverage_share": reached / total if total else np.nan,
            }
        )
    return pd.DataFrame(rows)


def _covered_values(coverage: pd.DataFrame, year: int, names: dict, labels: dict) -> dict:
    """Locations, class (1 = newly covered) and hover of the counties covered in year."""
    now = coverage[coverage["year"] == year]
    hover = [
        f"<b>{names.get(adcode, adcode)}</b><br>{labels['hospitals']}{labels['colon']}{count}"
        for adcode, count in zip(now["adcode"], now["hospitals"], strict=True)
    ]
    new = (now["first_year"] == year).astype(int)
    return {"locations": list(now["adcode"]), "z": list(new), "hovertext": hover}


def _covered_trace(features, values: dict) -> go.Choropleth:
    return go.Choropleth(
        geojson=features,
        featureidkey="id",
        zmin=0,
        zmax=1,
        colorscale=map_traces.stepped_colorscale([EARLIER_COLOR, NEW_COLOR]),
        showscale=False,
        hoverinfo="text",
        marker_line_color=map_traces.BORDER_COLOR,
        marker_line_width=0.4,
        showlegend=False,
        name="",
        **values,
    )


def _hospital_trace(members: pd.DataFrame, year: int, label: str, size: float) -> go.Scattergeo:
    active = members[active_at_year_end(members, year)].drop_duplicates("hospital_id")
    return go.Scattergeo(
        lon=list(active["lon"]),
        lat=list(active["lat"]),
        mode="markers",
        name=label,
        marker={"size": size, "color": HOSPITAL_COLOR, "line": {"width": 0.4, "color": "#fff"}},
        hoverinfo="skip",
        showlegend=True,
    )


def _swatch(name: str, color: str) -> go.Scattergeo:
    return go.Scattergeo(
        lon=[None],
        lat=[None],
        mode="markers",
        name=name,
        hoverinfo="skip",
        marker={"symbol": "square", "size": 13, "color": color},
    )


def _controls(years, labels: dict, frame_ms: int) -> dict:
    play = {
        "frame": {"duration": frame_ms, "redraw": True},
        "fromcurrent": True,
        "transition": {"duration": 0},
    }
    pause = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"}
    buttons = [
        {"label": labels["play"], "method": "animate", "args": [None, play]},
        {"label": labels["pause"], "method": "animate", "args": [[None], pause]},
    ]
    steps = [
        {
            "label": str(y),
            "method": "animate",
            "args": [[str(y)], {"mode": "immediate", "frame": {"duration": 0, "redraw": True}}],
        }
        for y in years
    ]
    return {
        "updatemenus": [
            {
                "type": "buttons",
                "buttons": buttons,
                "direction": "left",
                "x": 0.0,
                "y": 0.0,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 30},
            }
        ],
        "sliders": [
            {
                "steps": steps,
                "active": 0,
                "x": 0.18,
                "len": 0.8,
                "y": 0.0,
                "yanchor": "top",
                "currentvalue": {"prefix": f"{labels['year']}{labels['colon']}"},
            }
        ],
    }


def growth_animation(
    features,
    counties: pd.DataFrame,
    members: pd.DataFrame,
    years,
    labels: dict,
    frame_title: Callable[[dict], str],
    marker_size: float = 5,
    frame_ms: int = FRAME_MS,
    context=None,
    sea_line=None,
) -> go.Figure:
    """The scope's counties, those covered each year (new ones highlighted) and the hospitals.

    Frames carry only what changes (covered counties, hospitals, title); the boundary layer is
    sent once with the first year's traces.
    """
    years = [int(y) for y in years]
    coverage = county_coverage(members, years)
    rows = growth_summary(members, counties, years).set_index("year", drop=False).to_dict("index")
    names = dict(zip(counties["adcode"], counties["name"], strict=True))
    figure = go.Figure()
    if context is not None and context["features"]:
        figure.add_trace(map_traces.context_trace(context, labels["context"], labels["colon"]))
    figure.add_trace(_base_trace(features, counties))
    covered_at = len(figure.data)
    first = years[0]
    figure.add_trace(_covered_trace(features, _covered_values(coverage, first, names, labels)))
    figure.add_trace(_hospital_trace(members, first, labels["hospitals"], marker_size))
    if sea_line is not None and sea_line["features"]:
        figure.add_trace(map_traces.line_trace(sea_line, labels["sea_line"]))
    figure.add_traces(
        [_swatch(labels["new"], NEW_COLOR), _swatch(labels["earlier"], EARLIER_COLOR)]
    )
    figure.frames = [
        go.Frame(
            name=str(year),
            traces=[covered_at, covered_at + 1],
            layout={"title": {"text": frame_title(rows[year])}},
            data=[
                go.Choropleth(**_covered_values(coverage, year, names, labels)),
                _hospital_trace(members, year, labels["hospitals"], marker_size),
            ],
        )
        for year in years
    ]
    map_traces.geo_layout(figure, height=640, legend_title="")
    figure_layout.update_layout(
        figure,
        title={"text": frame_title(rows[first]), "x": 0.01, "y": 0.98},
        margin={"l": 0, "r": 0, "t": 50, "b": 90},
        **_controls(years, labels, frame_ms),
    )
    return figure


def _base_trace(features, counties: pd.DataFrame) -> go.Choropleth:
    return go.Choropleth(
        geojson=features,
        locations=list(counties["adcode"]),
        z=np.zeros(len(counties)),
        featureidkey="id",
        colorscale=[[0, BASE_COLOR], [1, BASE_COLOR]],
        showscale=False,
        hovertext=list(counties["name"]),
        hoverinfo="text",
        marker_line_color=map_traces.BORDER_COLOR,
        marker_line_width=0.3,
        showlegend=False,
        name="",
    )
