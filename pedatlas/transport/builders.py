"""Figures and tables of the critical-transport page: query results -> DataFrames / figures (pure).

Text comes in through `t` (a key -> text function), as in every feature's builders.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pedatlas import charts, figure_layout, map_traces
from pedatlas.geometry import circle_points
from pedatlas.i18n import Text
from pedatlas.metrics.accessibility import haversine_km
from pedatlas.tables import Column

BAND_KM = (50, 100, 200)


BAND_COLORS = ("#1a9850", "#fdae61", "#d73027")


ROUTE_BREAKS = (1, 2, 5, 10, 20)  # lower bounds of the trip classes


ROUTE_COLORS = ("#c6dbef", "#6baed6", "#3182bd", "#08519c", "#08306b")


@dataclass(frozen=True)
class PublishedTransport:
    """A centre's transport figures for one year as a report gave them: measure -> (low, high),
    high None for 'over N'; key names the report's text (transport_report_<key>_<measure>)."""

    centre: str
    year: int
    key: str
    figures: dict[str, tuple[float, float | None]]


# 江西省儿童医院 in 2024 (docs: DOMAIN.md, the 江西省儿童医疗联盟 row): 468 transport trips, 407 of
# them critical newborns, over 100,000 km in all, reaching 70余家 (70-79) institutions.
PUBLISHED_TRANSPORT = (
    PublishedTransport(
        "江西省儿童医院",
        2024,
        "JX",
        {
            "trips": (468, 468),
            "critical_newborns": (407, 407),
            "total_km": (100_000, None),
            "origins": (70, 79),
        },
    ),
)
REPORT_COLUMNS = [
    Column("measure", "transport_report_col_measure", keep=True),
    Column("data", "transport_report_col_data", "integer", keep=True),
    Column("published", "transport_report_col_published", keep=True),
    Column("matches", "transport_report_col_matches", keep=True),
]


def published_for(centre_name: str, year: int) -> PublishedTransport | None:
    """The report about this centre in this year, if there is one."""
    return next(
        (p for p in PUBLISHED_TRANSPORT if p.centre == centre_name and p.year == year), None
    )


def figure_matches(value: float, bounds: tuple[float, float | None]) -> bool:
    """Whether a figure from the data agrees with a published one (low <= value <= high)."""
    low, high = bounds
    return value >= low and (high is None or value <= high)


def report_comparison(summary, published: PublishedTransport, t: Text) -> pd.DataFrame:
    """One row per published figure: the data's value (raw), the report's words, whether they agree."""
    rows = []
    for measure, bounds in published.figures.items():
        value = summary[measure]
        rows.append(
            {
                "measure": t(f"transport_report_{measure}"),
                "data": value,
                "published": t(f"transport_report_{published.key}_{measure}"),
                "matches": t(
                    "transport_report_yes"
                    if figure_matches(value, bounds)
                    else "transport_report_no"
                ),
            }
        )
    return pd.DataFrame(rows)


def transport_monthly_table(monthly: pd.DataFrame) -> pd.DataFrame:
    """Months 1-12: trips of newborns and of children, critical trips, km, and the critical share."""
    months = pd.Index(range(1, 13), name="month")
    by_patient = (
        monthly.pivot_table(index="month", columns="patient", values="trips", aggfunc="sum")
        .reindex(index=months, columns=["newborn", "child"])
        .fillna(0)
        .astype("int64")
    )
    by_patient.columns.name = None
    critical = monthly.loc[monthly["critical"].astype(bool)].groupby("month")["trips"].sum()
    table = by_patient.assign(
        trips=by_patient.sum(axis=1),
        critical=critical.reindex(months).fillna(0).astype("int64"),
        km=monthly.groupby("month")["km"].sum().reindex(months).fillna(0.0),
    )
    table["critical_share"] = table["critical"] / table["trips"].replace(0, np.nan)
    return table.reset_index()


def transport_monthly_figure(table: pd.DataFrame, t: Text, lang: str = "zh") -> go.Figure:
    """Stacked monthly trips (newborn / child) with the critical share as a line on a second axis."""
    bars = [
        (t(f"transport_patient_{patient}"), table[patient], color)
        for patient, color in (("newborn", "#de2d26"), ("child", "#fc9272"))
    ]
    figure = charts.months_stacked_with_line(
        table["month"],
        bars,
        (t("transport_critical_share"), table["critical_share"] * 100),
        (t("referrals_month"), t("transport_trips")),
        height=380,
        lang=lang,
    )
    figure.update_yaxes(title_text="%", secondary_y=True, range=[0, 105], dtick=20)
    return figure


def band_traces(
    centres: pd.DataFrame, t: Text, bands: Sequence[float] = BAND_KM
) -> list[go.Scattergeo]:
    """One dashed ring trace per distance band, around every centre."""
    traces = []
    for radius, color in zip(bands, BAND_COLORS, strict=False):
        lon, lat = [], []
        for c_lon, c_lat in zip(centres["lon"], centres["lat"], strict=True):
            ring_lon, ring_lat = circle_points(c_lon, c_lat, radius)
            lon.extend([*ring_lon.tolist(), None])
            lat.extend([*ring_lat.tolist(), None])
        line = {"color": color, "width": 1.4, "dash": "dash"}
        traces.append(
            map_traces.path_trace(lon, lat, t("transport_band_ring", km=int(radius)), line)
        )
    return traces


def nearest_centres(counties: pd.DataFrame, centres: pd.DataFrame) -> pd.DataFrame:
    """counties with the id and great-circle km of their nearest centre."""
    if centres.empty or counties.empty:
        return counties.assign(centre_id=pd.Series(dtype=object), distance_km=np.nan)
    km = haversine_km(
        counties["lon"].to_numpy()[:, None],
        counties["lat"].to_numpy()[:, None],
        centres["lon"].to_numpy()[None, :],
        centres["lat"].to_numpy()[None, :],
    )
    nearest = km.argmin(axis=1)
    return counties.assign(
        centre_id=centres["hospital_id"].to_numpy()[nearest],
        distance_km=km[np.arange(len(counties)), nearest],
    )


def band_index(distance_km: pd.Series, bands: Sequence[float] = BAND_KM) -> np.ndarray:
    """0 for <= the first band (inclusive), 1 for the next ... len(bands) for beyond the last."""
    return np.searchsorted(
        np.asarray(bands, dtype=float), distance_km.to_numpy(dtype=float), side="left"
    )


BAND_COLUMNS = [
    Column("band", "transport_col_band", keep=True),
    Column("children", "col_children", "integer", keep=True),
    Column("children_share", "transport_col_children_share", "percent", keep=True),
    Column("counties", "referrals_col_counties", "integer", keep=True),
]
# The unusual trips: the sending hospital pinned, minutes per km (the order) next, the trip's
# distance and time, where it went, who, how it ended, which fences it crossed, the ids.
OUTLIER_COLUMNS = [
    Column("from_name", "transport_out_from_name", keep=True),
    Column("minutes_per_km", "transport_out_minutes_per_km", "decimal", 2, keep=True),
    Column("distance_km", "transport_out_distance_km", "decimal", 1, keep=True),
    Column("duration_min", "transport_out_duration_min", "decimal", 0, keep=True),
    Column("to_name", "transport_out_to_name"),
    Column("dispatched_at", "transport_out_dispatched_at", "datetime", keep=True),
    Column("patient", "transport_out_patient"),
    Column("outcome", "transport_out_outcome"),
    *(
        Column(key, f"transport_out_{key}", "check", keep=True)
        for key in ("critical", "long_route", "long_time", "slow_pace")
    ),
    *(
        Column(key, f"transport_out_{key}", keep=True)
        for key in ("transfer_id", "from_hospital_id", "to_hospital_id")
    ),
]
BEYOND_COLUMNS = [
    Column("name", "transport_col_county", keep=True),
    Column("distance_km", "transport_col_distance", "decimal", 1, keep=True),
    Column("city_name", "transport_col_city"),
    Column("children", "col_children", "integer"),
    Column("centre", "transport_col_centre"),
    Column("adcode", "col_adcode"),
]


def band_summary(banded: pd.DataFrame, t: Text, bands: Sequence[float] = BAND_KM) -> pd.DataFrame:
    """Per band: counties, children and the share of the children (raw: 0.4 is 40%)."""
    index = band_index(banded["distance_km"], bands)
    edges = [0, *bands]
    labels = [
        t("transport_band_within", low=int(edges[i]), high=int(edges[i + 1]))
        for i in range(len(bands))
    ]
    labels.append(t("transport_band_beyond", km=int(bands[-1])))
    children = banded["children"].astype(float).to_numpy()
    total = children.sum()
    rows = []
    for number, label in enumerate(labels):
        chosen = index == number
        kids = children[chosen].sum()
        rows.append((label, int(chosen.sum()), int(kids), kids / total if total else np.nan))
    return pd.DataFrame(rows, columns=["band", "counties", "children", "children_share"])


def route_class(trips: pd.Series) -> np.ndarray:
    """Class of each route by trips: 1, 2-4, 5-9, 10-19, 20+ (0 ... 4)."""
    return np.searchsorted(np.asarray(ROUTE_BREAKS), trips.to_numpy(), side="right") - 1


def route_figure(
    routes: pd.DataFrame, centres: pd.DataFrame, base: Sequence, rings: Sequence, t: Text
) -> go.Figure:
    """Routes origin -> centre as lines coloured and sized by trips, distance rings, centres on top."""
    figure = go.Figure([*base, *rings])
    classes = route_class(routes["trips"])
    edges = [*ROUTE_BREAKS, None]
    for number in sorted(set(classes.tolist())):
        chosen = routes.loc[classes == number]
        lon, lat = [], []
        for row in chosen.itertuples(index=False):
            lon.extend([row.from_lon, row.to_lon, None])
            lat.extend([row.from_lat, row.to_lat, None])
        low, high = edges[number], edges[number + 1]
        label = (
            f"{low}+" if high is None else (f"{low}" if high - 1 == low else f"{low}–{high - 1}")
        )
        figure.add_trace(
            go.Scattergeo(
                lon=map_traces.coordinates(lon),
                lat=map_traces.coordinates(lat),
                mode="lines",
                hoverinfo="skip",
                opacity=0.8,
                line={"color": ROUTE_COLORS[number], "width": 0.8 + 0.7 * number},
                name=t("transport_route_class", trips=label),
            )
        )
    if not routes.empty:
        origins = routes.groupby(
            ["from_hospital_id", "from_name", "from_lon", "from_lat"], as_index=False
        )["trips"].sum()
        figure.add_trace(
            go.Scattergeo(
                lon=origins["from_lon"],
                lat=origins["from_lat"],
                mode="markers",
                name=t("transport_origins"),
                marker={
                    "size": 4 + np.sqrt(origins["trips"].astype(float)),
                    "color": "#fd8d3c",
                    "line": {"width": 0.4, "color": "#fff"},
                },
                hovertext=[
                    f"<b>{n}</b><br>{t('transport_trips')}: {k:,}"
                    for n, k in zip(origins["from_name"], origins["trips"], strict=True)
                ],
                hoverinfo="text",
            )
        )
    if not centres.empty:
        marker = {
            "size": 11,
            "color": "#b30000",
            "symbol": "star",
            "line": {"width": 0.8, "color": "#fff"},
        }
        name = t("transport_centres")
        figure.add_trace(map_traces.site_markers(centres, name, marker, centres["name"]))
    return map_traces.geo_layout(figure, height=600, legend_title=t("transport_map_legend"))


def histogram_figure(
    bins: pd.DataFrame, measure: str, width: float, title: str, color: str
) -> go.Figure:
    """Bars of trips per bin [start, start + width) for one measure of transport_histogram."""
    rows = bins.loc[bins["measure"] == measure]
    figure = go.Figure(
        go.Bar(
            x=rows["bin_start"] + width / 2,
            y=rows["trips"],
            width=width * 0.95,
            marker_color=color,
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    figure_layout.update_layout(
        figure,
        height=300,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        title=title,
        bargap=0.02,
        yaxis={"title": ""},
    )
    return figure


def box_figure(spread: pd.DataFrame, measure: str, title: str, color: str) -> go.Figure:
    """A box plot from the quartiles and the Tukey fences of transport/spread (whiskers end at the data)."""
    row = spread.loc[spread["measure"] == measure]
    if row.empty:
        return go.Figure()
    row = row.iloc[0]
    upper = min(float(row["upper_fence"]), float(row["maximum"]))
    lower = max(float(row["lower_fence"]), float(row["minimum"]))
    figure = go.Figure(
        go.Box(
            q1=[row["q1"]],
            median=[row["median"]],
            q3=[row["q3"]],
            lowerfence=[lower],
            upperfence=[upper],
            x=[title],
            marker_color=color,
            name=title,
            boxpoints=False,
        )
    )
    figure_layout.update_layout(
        figure,
        height=300,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        showlegend=False,
        title=title,
        xaxis={"showticklabels": False},
    )
    return figure
