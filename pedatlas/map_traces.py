"""Map traces shared by every map: DataFrames + GeoJSON -> plotly geo traces, no tiles or internet.

Geo traces draw our own boundary layers with every base layer hidden; plotly still asks for a
world topojson, which the app serves as an empty stub from static/ (see PLOTLY_CONFIG).
"""

from collections.abc import Callable, Sequence
from functools import partial

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pedatlas import classify, figure_layout, i18n
from pedatlas.i18n import Text, bracketed

PLOTLY_CONFIG = {
    "topojsonURL": "app/static/",
    "displaylogo": False,
    # Save-as-PNG and reset only: a full toolbar covered chart titles and legends on phones.
    "modeBarButtonsToRemove": [
        "select2d",
        "lasso2d",
        "zoomInGeo",
        "zoomOutGeo",
        "hoverClosestGeo",
        "pan2d",
        "zoom2d",
        "zoomIn2d",
        "zoomOut2d",
        "autoScale2d",
        "toggleSpikelines",
        "hoverClosestCartesian",
        "hoverCompareCartesian",
    ],
}
NO_DATA_COLOR = "#d9d9d9"
CONTEXT_COLOR = "#ececec"
BORDER_COLOR = "#ffffff"
GOOD_PALETTE = ["#f0f9e8", "#bae4bc", "#7bccc4", "#43a2ca", "#0868ac"]  # more is better
BAD_PALETTE = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]  # more is worse
KIND_COLORS = {
    "儿童医院": "#d62728",
    "妇幼保健院": "#e377c2",
    "综合医院": "#1f77b4",
    "专科医院": "#9467bd",
    "社区卫生服务中心": "#2ca02c",
    "乡镇卫生院": "#8c564b",
    "民营医院": "#7f7f7f",
}
BASE_COLOR = "#f4f4f4"  # flat background regions under flow maps
BORDER_LINE = "#6b6b6b"  # administrative borders drawn over a map


def palette(classes: int, more_is_better: bool = True) -> list[str]:
    """classes colours from light to dark."""
    colors = GOOD_PALETTE if more_is_better else BAD_PALETTE
    picks: np.ndarray | list[int] = (
        np.linspace(0, len(colors) - 1, classes).round().astype(int) if classes else []
    )
    return [colors[i] for i in picks]


def geojson_source(features: dict | str) -> dict | str:
    """What a trace's geojson should be: the collection's URL when it has one, else itself.

    Collections from pedatlas.data carry the URL where the app serves the same GeoJSON (a
    foreign member "url", allowed by RFC 7946): the figure then holds a short link instead of
    megabytes of shapes that plotly copied, validated and serialised again on every rerun.
    """
    if isinstance(features, str):  # already a URL or a registered asset name
        return features
    return features.get("url") or features


def _area_trace(
    features, locations, color, name, hover, showlegend=True, line_width=0.4
) -> go.Choropleth:
    return go.Choropleth(
        geojson=geojson_source(features),
        locations=list(locations),
        z=np.ones(len(locations)),
        featureidkey="id",
        colorscale=[[0, color], [1, color]],
        showscale=False,
        name=name,
        showlegend=showlegend,
        hovertext=list(hover),
        hoverinfo="text",
        marker_line_color=BORDER_COLOR,
        marker_line_width=line_width,
        legendgroup=name,
    )


def stepped_colorscale(colors: list[str]) -> list[list]:
    """A colorscale of hard steps: integer z = i gets colors[i] exactly (zmin 0, zmax n-1)."""
    count = len(colors)
    scale = []
    for index, color in enumerate(colors):
        scale += [[index / count, color], [(index + 1) / count, color]]
    return scale


def text_array(values) -> np.ndarray:
    """Texts (ids, hover) as a numpy string array: plotly checks a list item by item (15 ms for
    the 2,848 counties of a national map) but takes an array at once. None becomes "" (no
    text), not "None"."""
    return np.array(["" if value is None else value for value in values], dtype=str)


def class_trace(
    features, frame: pd.DataFrame, classes: np.ndarray, colors, hover, flagged_color=None
) -> go.Choropleth:
    """All regions in ONE trace (the GeoJSON is sent once), coloured by class; -1 = no data.

    Flagged regions (class -2, e.g. small populations) take flagged_color, a step after the classes.
    """
    classes = np.asarray(classes)
    flagged = classes == classify.FLAGGED
    steps = [NO_DATA_COLOR, *colors] + ([flagged_color] if flagged.any() and flagged_color else [])
    z = (
        np.where(flagged, len(colors) + 1, classes + 1)
        if len(steps) > len(colors) + 1
        else classes + 1
    )
    return go.Choropleth(
        geojson=geojson_source(features),
        locations=text_array(frame["adcode"]),
        z=z,
        featureidkey="id",
        zmin=0,
        zmax=max(len(steps) - 1, 1),
        colorscale=stepped_colorscale(steps),
        showscale=False,
        hovertext=text_array(hover),
        hoverinfo="text",
        marker_line_color=BORDER_COLOR,
        marker_line_width=0.4,
        showlegend=False,
        name="",
    )


def legend_entries(
    labels, colors, counts, no_data_label: str, missing: int, paren: Callable[[object], str]
) -> list[go.Scattergeo]:
    """Legend swatches: one empty marker trace per class saying what its colour means.

    paren puts a count in brackets the way the language does ('（12）', ' (12)'; i18n.bracketed).
    """
    entries = [
        (f"{label}{paren(count)}", color)
        for label, color, count in zip(labels, colors, counts, strict=True)
    ]
    if missing:
        entries.append((f"{no_data_label}{paren(missing)}", NO_DATA_COLOR))
    return [
        go.Scattergeo(
            lon=[None],
            lat=[None],
            mode="markers",
            name=name,
            showlegend=True,
            hoverinfo="skip",
            marker={
                "symbol": "square",
                "size": 13,
                "color": color,
                "line": {"width": 0.5, "color": "#999"},
            },
        )
        for name, color in entries
    ]


def context_trace(features, label: str, colon: str) -> go.Choropleth:
    """Taiwan, Hong Kong and Macau drawn in grey: on the map, outside the statistics.

    colon joins a name to the label ('：' or ': ', i18n.colon)."""
    ids = [feature["id"] for feature in features["features"]]
    names = [f"{feature['properties']['name']}{colon}{label}" for feature in features["features"]]
    return _area_trace(features, ids, CONTEXT_COLOR, label, np.array(names), showlegend=False)


def outline_parts(geometry: dict) -> list:
    """The coordinate lists to draw for a GeoJSON geometry: lines as they are, polygons' exteriors."""
    kind, coordinates = geometry["type"], geometry["coordinates"]
    if kind == "LineString":
        return [coordinates]
    if kind == "MultiLineString":
        return coordinates
    if kind == "Polygon":
        return coordinates[:1]
    return [polygon[0] for polygon in coordinates]  # MultiPolygon


def line_trace(
    features: dict, name: str = "", color: str = "#555", width: float = 1.2
) -> go.Scattergeo:
    """Line features (the South China Sea line) or polygon outlines (borders) as one line trace."""
    lon, lat = [], []
    for feature in features["features"]:
        for part in outline_parts(feature["geometry"]):
            lon.extend([point[0] for point in part] + [None])
            lat.extend([point[1] for point in part] + [None])
    return path_trace(lon, lat, name, {"color": color, "width": width}, showlegend=False)


def coordinates(values: Sequence) -> np.ndarray:
    """Longitudes or latitudes of a line trace as float32 (a metre at China's longitudes), None
    as NaN, which breaks the line as None does. plotly checks a list point by point (0.8 s for a
    national trace of 30,000 points) and an array at once; float32 keeps the figure's JSON as
    small as the list's text."""
    return np.asarray(values, dtype=np.float32)


def path_trace(
    lon: Sequence, lat: Sequence, name: str, line: dict, showlegend: bool = True
) -> go.Scattergeo:
    """Lines through the points (None between two lines), without hover: rings, links, borders."""
    return go.Scattergeo(
        lon=coordinates(lon),
        lat=coordinates(lat),
        mode="lines",
        line=line,
        name=name,
        hoverinfo="skip",
        showlegend=showlegend,
    )


def border_trace(features: dict) -> go.Scattergeo:
    """Administrative borders over a map (the exteriors of polygon features)."""
    return line_trace(features, color=BORDER_LINE, width=0.6)


def base_trace(features: dict, name: str = "") -> go.Choropleth:
    """Regions drawn in a flat light grey with white borders (the background of flow maps)."""
    ids = [feature["id"] for feature in features["features"]]
    names = [feature["properties"].get("name", "") for feature in features["features"]]
    return go.Choropleth(
        geojson=geojson_source(features),
        locations=ids,
        z=np.zeros(len(ids)),
        featureidkey="id",
        colorscale=[[0, BASE_COLOR], [1, BASE_COLOR]],
        showscale=False,
        hovertext=names,
        hoverinfo="text",
        marker_line_color="#c8c8c8",
        marker_line_width=0.5,
        showlegend=False,
        name=name,
    )


def background(features: dict | None, context: dict | None, sea_line: dict | None, t: Text) -> list:
    """Base regions (if given) plus, on national maps, Taiwan/Hong Kong/Macau and the South China Sea line."""
    traces = []
    if context is not None and context["features"]:
        traces.append(context_trace(context, t("context_regions"), t("punct_colon")))
    if features is not None:
        traces.append(base_trace(features))
    if sea_line is not None and sea_line["features"]:
        traces.append(line_trace(sea_line, t("sea_line")))
    return traces


def hospital_trace(hospitals: pd.DataFrame, hover: pd.Series, name_of_kind) -> list[go.Scattergeo]:
    """Hospitals as markers, one trace per kind, sized by pediatric beds."""
    traces = []
    for kind, group in hospitals.groupby("kind", sort=True):
        size = 4 + np.sqrt(group["ped_beds"].clip(lower=0).astype(float)) * 0.9
        traces.append(
            go.Scattergeo(
                lon=group["lon"],
                lat=group["lat"],
                mode="markers",
                name=name_of_kind(kind),
                marker={
                    "size": size.clip(upper=28),
                    "color": KIND_COLORS.get(kind, "#333"),
                    "line": {"width": 0.5, "color": "#fff"},
                    "opacity": 0.85,
                },
                hovertext=hover.loc[group.index],
                hoverinfo="text",
                customdata=group["hospital_id"],
            )
        )
    return traces


def site_markers(sites: pd.DataFrame, name: str, marker: dict, hover) -> go.Scattergeo:
    """Hospitals (lon, lat, hospital_id) as one marker trace; a click gives the hospital_id."""
    return go.Scattergeo(
        lon=sites["lon"],
        lat=sites["lat"],
        mode="markers",
        name=name,
        marker=marker,
        hovertext=hover,
        hoverinfo="text",
        customdata=sites["hospital_id"],
    )


def geo_layout(figure: go.Figure, height: int = 620, legend_title: str = "") -> go.Figure:
    """Hide every base layer and fit the view to our own shapes."""
    figure_layout.update_layout(
        figure,
        geo={
            "visible": False,
            "fitbounds": "locations",
            "projection": {"type": "mercator"},
            "bgcolor": "rgba(0,0,0,0)",
        },
        height=height,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        clickmode="event+select",
        # Below the map, not beside it: on a 390 px phone a legend beside the map left it
        # ~140 px wide; below, the map takes the full width at every screen size.
        legend={
            "title": {"text": legend_title, "side": "top"},
            "orientation": "h",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.85)",
        },
        paper_bgcolor="rgba(0,0,0,0)",
        font={"family": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"},
    )
    return figure


def drawn_units(layers: dict) -> pd.DataFrame:
    """adcode, name of the units a county map draws: layers["names"] when the page sends the
    shapes by URL (no polygons needed on the server), else read from layers["counties"]."""
    if "names" in layers:
        return layers["names"][["adcode", "name"]].reset_index(drop=True)
    return pd.DataFrame(
        [(f["id"], f["properties"]["name"]) for f in layers["counties"]["features"]],
        columns=["adcode", "name"],
    )


def choropleth_figure(
    features,
    frame,
    classes,
    labels,
    colors,
    hover,
    texts: dict,
    context=None,
    sea_line=None,
    flagged: tuple[str, str] | None = None,
):
    """The full map: one class-coloured trace, context areas, the sea line, a legend of classes.

    flagged = (legend label, colour) of regions drawn outside the classes (class -2), if any.
    texts: context, sea_line, no_data, legend (labels) and lang (the punctuation around them).
    """
    figure = go.Figure()
    lang = texts["lang"]
    if context is not None and context["features"]:
        figure.add_trace(context_trace(context, texts["context"], i18n.colon(lang)))
    flagged_color = flagged[1] if flagged else None
    figure.add_trace(class_trace(features, frame, classes, colors, hover, flagged_color))
    if sea_line is not None and sea_line["features"]:
        figure.add_trace(line_trace(sea_line, texts["sea_line"]))
    counts = classify.class_counts(classes, len(labels))
    missing = int((classes == -1).sum())
    paren = partial(bracketed, lang=lang)
    entries = legend_entries(labels, colors, counts, texts["no_data"], missing, paren)
    if flagged:
        count = int((np.asarray(classes) == classify.FLAGGED).sum())
        entries += legend_entries([flagged[0]], [flagged[1]], [count], "", 0, paren)
    for entry in entries:
        figure.add_trace(entry)
    return geo_layout(figure, legend_title=texts["legend"])


def county_layer_figure(
    layers: dict,
    frame,
    classes,
    labels,
    colors,
    hover,
    t,
    lang: str,
    legend: str,
    no_data: str = "",
):
    """choropleth_figure on a page's county layers (by URL when the page serves one: big layers
    are slow to embed), with their context areas and sea line and the usual texts."""
    texts = {
        "context": t("context_regions"),
        "sea_line": t("sea_line"),
        "no_data": no_data or t("no_data"),
        "legend": legend,
        "lang": lang,
    }
    return choropleth_figure(
        layers.get("counties_url") or layers["counties"],
        frame,
        classes,
        labels,
        colors,
        hover,
        texts,
        layers.get("context"),
        layers.get("sea_line"),
    )


def measure_classes(values: pd.Series, scheme: str, target: float | None, formatter):
    """(class index per region, legend labels, bins) for one measure (repaired classes, see classify)."""
    classes = classify.classify_values(values, scheme, target, formatter)
    return classes.index, classes.labels, classes.bins


def region_hover(
    frame: pd.DataFrame,
    metric_label: str,
    metric_text: pd.Series,
    children_text: pd.Series,
    children_label: str,
    lang: str,
) -> np.ndarray:
    """Hover lines: region name, the measure, the children."""
    colon = i18n.colon(lang)
    return np.array(
        [
            f"<b>{name}</b><br>{metric_label}{colon}{value}<br>{children_label}{colon}{kids}"
            for name, value, kids in zip(frame["name"], metric_text, children_text, strict=True)
        ]
    )
