"""Figures and tables of the referral and transport pages: query results -> DataFrames / plotly figures.

Everything here is pure: text comes in through `t` (a key -> text function) so the builders stay
free of Streamlit and can be tested on literal frames.
"""

import json
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely
from plotly.subplots import make_subplots
from scipy.spatial import cKDTree

from pedatlas import maps
from pedatlas.metrics.accessibility import haversine_km

Text = Callable[[str], str]
DIRECTIONS = ("up", "down", "lateral")
DIRECTION_COLORS = {"up": "#e6550d", "down": "#3182bd", "lateral": "#a1a1a1"}
CARE_LEVELS = ("primary", "county", "city", "provincial", "national")
CARE_LEVEL_COLORS = {
    "primary": "#8c564b", "county": "#2ca02c", "city": "#1f77b4", "provincial": "#9467bd",
    "national": "#d62728",
}  # fmt: skip
CORRIDOR_KINDS = ("within", "cross", "beijing", "shanghai")
CORRIDOR_COLORS = {
    "within": "#4c78a8",
    "cross": "#f58518",
    "beijing": "#d62728",
    "shanghai": "#9c27b0",
}
NET_COLORS = ["#b2182b", "#ef8a62", "#f7f7f7", "#67a9cf", "#2166ac"]
AREA_PALETTE = [
    "#8dd3c7", "#fdb462", "#bebada", "#fb8072", "#80b1d3", "#b3de69", "#fccde5", "#ffffb3",
    "#bc80bd", "#ccebc5",
]  # fmt: skip
BASE_COLOR = "#f4f4f4"
BORDER_LINE = "#6b6b6b"
BAND_KM = (50, 100, 200)
BAND_COLORS = ("#1a9850", "#fdae61", "#d73027")
ROUTE_BREAKS = (1, 2, 5, 10, 20)  # lower bounds of the trip classes
ROUTE_COLORS = ("#c6dbef", "#6baed6", "#3182bd", "#08519c", "#08306b")
EARTH_RADIUS_KM = 6371.0088


# ---------------------------------------------------------------- referrals: volumes and shares


def monthly_directions(monthly: pd.DataFrame) -> pd.DataFrame:
    """Months 1-12 x (up, down, lateral) referral counts plus the down/up ratio of each month."""
    table = (
        monthly.pivot_table(index="month", columns="direction", values="referrals", aggfunc="sum")
        .reindex(index=range(1, 13), columns=list(DIRECTIONS))
        .fillna(0)
        .astype("int64")
    )
    table.columns.name = None
    table["down_up_ratio"] = table["down"] / table["up"].replace(0, np.nan)
    return table.rename_axis("month").reset_index()


def direction_totals(monthly: pd.DataFrame) -> dict:
    """Referrals per direction over the year, all of them, and the down/up ratio."""
    totals = {d: int(monthly.loc[monthly["direction"] == d, "referrals"].sum()) for d in DIRECTIONS}
    totals["all"] = sum(totals[d] for d in DIRECTIONS)
    totals["down_up_ratio"] = totals["down"] / totals["up"] if totals["up"] else float("nan")
    return totals


def monthly_figure(table: pd.DataFrame, t: Text) -> go.Figure:
    """Stacked monthly bars by direction with the down/up ratio as a line on a second axis."""
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for direction in DIRECTIONS:
        figure.add_trace(
            go.Bar(x=table["month"], y=table[direction], name=t(f"referrals_dir_{direction}"),
                   marker_color=DIRECTION_COLORS[direction]),
            secondary_y=False,
        )  # fmt: skip
    figure.add_trace(
        go.Scatter(x=table["month"], y=table["down_up_ratio"], name=t("referrals_ratio"),
                   mode="lines+markers", line={"color": "#222", "width": 2}),
        secondary_y=True,
    )  # fmt: skip
    figure.update_layout(
        barmode="stack", height=360, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": 1.12}, xaxis={"dtick": 1, "title": t("referrals_month")},
    )  # fmt: skip
    figure.update_yaxes(title_text=t("referrals_count"), secondary_y=False)
    figure.update_yaxes(
        title_text=t("referrals_ratio"), secondary_y=True, rangemode="tozero", tickformat=".2f"
    )
    return figure


def share_table(shares: pd.DataFrame, t: Text) -> pd.DataFrame:
    """Per direction and in total: referrals and the % kept inside an alliance, the county, the province."""
    rows = shares.set_index("direction").reindex(list(DIRECTIONS)).fillna(0)
    rows.loc["all"] = rows.sum()
    counts = rows["referrals"].astype("int64")
    table = pd.DataFrame(
        {
            t("referrals_col_direction"): [t(f"referrals_dir_{d}") for d in rows.index],
            t("referrals_col_referrals"): counts.to_numpy(),
        }
    )
    for column in ("same_alliance", "same_county", "same_province"):
        share = rows[column] / counts.replace(0, np.nan)
        table[t(f"referrals_col_{column}")] = (share * 100).round(1).to_numpy()
    return table


def share_totals(shares: pd.DataFrame) -> dict:
    """Shares (0-1) of all referrals kept inside an alliance, the county and the province."""
    total = shares["referrals"].sum()
    return {
        column: (shares[column].sum() / total if total else float("nan"))
        for column in ("same_alliance", "same_county", "same_province")
    }


# ---------------------------------------------------------------- referrals: flow map


def corridor_kind(from_province: str, to_province: str) -> str:
    """'within' one province, cross-province to 'beijing' / 'shanghai', or other 'cross'."""
    if from_province == to_province:
        return "within"
    return {"110000": "beijing", "310000": "shanghai"}.get(to_province, "cross")


def corridor_widths(referrals: pd.Series) -> np.ndarray:
    """Line widths from 1 to 9 px, proportional to the square root of the volume."""
    values = np.sqrt(referrals.astype(float).to_numpy())
    top = values.max() if values.size else 1.0
    return 1.0 + 8.0 * values / (top or 1.0)


def corridor_table(corridors: pd.DataFrame, t: Text) -> pd.DataFrame:
    """The corridors as shown: from, to, kind, referrals (up and down)."""
    kinds = [corridor_kind(a, b) for a, b in zip(corridors["from_province"], corridors["to_province"], strict=True)]  # fmt: skip
    return pd.DataFrame(
        {
            t("referrals_col_from"): corridors["from_name"].to_numpy(),
            t("referrals_col_to"): corridors["to_name"].to_numpy(),
            t("referrals_col_kind"): [t(f"referrals_kind_{kind}") for kind in kinds],
            t("referrals_col_referrals"): corridors["referrals"].astype("int64").to_numpy(),
            t("referrals_dir_up"): corridors["up"].astype("int64").to_numpy(),
            t("referrals_dir_down"): corridors["down"].astype("int64").to_numpy(),
        }
    )


def base_trace(features: dict, name: str = "") -> go.Choropleth:
    """Regions drawn in a flat light grey with white borders (the background of flow maps)."""
    ids = [feature["id"] for feature in features["features"]]
    names = [feature["properties"].get("name", "") for feature in features["features"]]
    return go.Choropleth(
        geojson=features, locations=ids, z=np.zeros(len(ids)), featureidkey="id",
        colorscale=[[0, BASE_COLOR], [1, BASE_COLOR]], showscale=False, hovertext=names,
        hoverinfo="text", marker_line_color="#c8c8c8", marker_line_width=0.5, showlegend=False,
        name=name,
    )  # fmt: skip


def background(features: dict | None, context: dict | None, sea_line: dict | None, t: Text) -> list:
    """Base regions (if given) plus, on national maps, Taiwan/Hong Kong/Macau and the South China Sea line."""
    traces = []
    if context is not None and context["features"]:
        traces.append(maps.context_trace(context, t("context_regions")))
    if features is not None:
        traces.append(base_trace(features))
    if sea_line is not None and sea_line["features"]:
        traces.append(maps.line_trace(sea_line, t("sea_line")))
    return traces


def corridor_figure(corridors: pd.DataFrame, base: Sequence, t: Text) -> go.Figure:
    """Corridors as lines (width = volume, colour = within / cross-province / to Beijing / to Shanghai)."""
    figure = go.Figure(list(base))
    widths = corridor_widths(corridors["referrals"])
    shown = set()
    for row, width in zip(corridors.itertuples(index=False), widths, strict=True):
        kind = corridor_kind(row.from_province, row.to_province)
        figure.add_trace(
            go.Scattergeo(
                lon=[row.from_lon, row.to_lon], lat=[row.from_lat, row.to_lat], mode="lines",
                line={"width": float(width), "color": CORRIDOR_COLORS[kind]}, opacity=0.75,
                name=t(f"referrals_kind_{kind}"), legendgroup=kind, showlegend=kind not in shown,
                hoverinfo="skip",
            )
        )  # fmt: skip
        shown.add(kind)
    if not corridors.empty:
        hover = [
            f"<b>{a} → {b}</b><br>{t('referrals_col_referrals')}: {n:,}"
            for a, b, n in zip(corridors["from_name"], corridors["to_name"], corridors["referrals"], strict=True)
        ]  # fmt: skip
        figure.add_trace(
            go.Scattergeo(
                lon=(corridors["from_lon"] * 0.4 + corridors["to_lon"] * 0.6).to_numpy(),
                lat=(corridors["from_lat"] * 0.4 + corridors["to_lat"] * 0.6).to_numpy(),
                mode="markers", marker={"size": 5, "color": "#333", "symbol": "triangle-up"},
                hovertext=hover, hoverinfo="text", showlegend=False, name="",
            )
        )  # fmt: skip
    return maps.geo_layout(figure, height=560, legend_title=t("referrals_corridor_legend"))


def net_flow_classes(net: pd.Series) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Five classes: strong net outflow, outflow, balanced (0), inflow, strong inflow.

    'Strong' means beyond the median absolute net flow of the regions that are not balanced.
    Returns the class per region (-1 = no value) and the (low, high) range of each class.
    """
    values = net.astype(float).to_numpy()
    nonzero = np.abs(values[(values != 0) & ~np.isnan(values)])
    middle = float(np.median(nonzero)) if nonzero.size else 0.0
    classes = np.select(
        [np.isnan(values), values < -middle, values < 0, values == 0, values <= middle],
        [-1, 0, 1, 2, 3],
        4,
    )
    low, high = (float(np.nanmin(values)), float(np.nanmax(values))) if values.size else (0.0, 0.0)
    ranges = [(low, -middle), (-middle, 0.0), (0.0, 0.0), (0.0, middle), (middle, high)]
    return classes.astype(int), ranges


def net_flow_figure(regions: pd.DataFrame, features: dict, extras: Sequence, t: Text) -> go.Figure:
    """Choropleth of net flow (received - sent) per region, diverging red (outflow) to blue (inflow).

    Every feature is drawn in one trace; regions without referrals are grey (no data).
    """
    ids = [feature["id"] for feature in features["features"]]
    names = {
        feature["id"]: feature["properties"].get("name", "") for feature in features["features"]
    }
    frame = pd.DataFrame({"adcode": ids}).merge(regions, on="adcode", how="left")
    frame["name"] = frame["name"].fillna(frame["adcode"].map(names))
    classes, ranges = net_flow_classes(frame["net"])
    labels = [
        f"{t(f'referrals_net_class_{k}')}（{low:,.0f} ~ {high:,.0f}）"
        for k, (low, high) in enumerate(ranges)
    ]
    used = sorted(set(classes.tolist()) - {-1})
    compact = np.array([used.index(c) if c in used else -1 for c in classes], dtype=int)
    hover = [
        f"<b>{n}</b><br>{t('referrals_col_received')}: {fmt_count(r)}<br>{t('referrals_col_sent')}: "
        f"{fmt_count(s)}<br>{t('referrals_col_net')}: {fmt_count(d, signed=True)}"
        for n, r, s, d in zip(
            frame["name"], frame["received"], frame["sent"], frame["net"], strict=True
        )
    ]
    colors = [NET_COLORS[k] for k in used]
    figure = go.Figure(list(extras))
    figure.add_trace(maps.class_trace(features, frame, compact, colors, hover))
    counts = [int((compact == k).sum()) for k in range(len(used))]
    for entry in maps.legend_entries(
        [labels[k] for k in used], colors, counts, t("no_data"), int((compact == -1).sum())
    ):
        figure.add_trace(entry)
    return maps.geo_layout(figure, height=520, legend_title=t("referrals_col_net"))


def fmt_count(value, signed: bool = False) -> str:
    """A whole count with separators (a dash when missing)."""
    if value is None or pd.isna(value):
        return "—"
    return f"{int(value):+,}" if signed else f"{int(value):,}"


def region_flow_table(regions: pd.DataFrame, t: Text) -> pd.DataFrame:
    """Per region: sent out, received, kept inside and net flow, biggest net outflow first."""
    table = regions.sort_values(["net", "adcode"]).reset_index(drop=True)
    return pd.DataFrame(
        {
            t("referrals_col_region"): table["name"],
            t("col_adcode"): table["adcode"],
            t("referrals_col_sent"): table["sent"].astype("int64"),
            t("referrals_col_received"): table["received"].astype("int64"),
            t("referrals_col_internal"): table["internal"].astype("int64"),
            t("referrals_col_net"): table["net"].astype("int64"),
        }
    )


# ---------------------------------------------------------------- referrals: care levels


def sankey_figure(tiers: pd.DataFrame, t: Text) -> go.Figure:
    """Sankey from the sending care level (left) to the receiving one (right), links coloured by direction."""
    levels = [level for level in CARE_LEVELS if level in set(tiers["from_level"]) | set(tiers["to_level"])]  # fmt: skip
    position = {level: i for i, level in enumerate(levels)}
    labels = [t(f"referrals_level_{level}") for level in levels]
    sums = tiers.groupby(["from_level", "to_level", "direction"], as_index=False)["referrals"].sum()
    colors = {"up": "rgba(230,85,13,0.45)", "down": "rgba(49,130,189,0.45)", "lateral": "rgba(150,150,150,0.45)"}  # fmt: skip
    figure = go.Figure(
        go.Sankey(
            arrangement="fixed",
            node={"label": labels + labels, "pad": 14, "thickness": 16,
                  "color": [CARE_LEVEL_COLORS[level] for level in levels] * 2,
                  "x": [0.001] * len(levels) + [0.999] * len(levels),
                  "y": stacked_centres(sums.groupby("from_level")["referrals"].sum().reindex(levels).fillna(0))
                  + stacked_centres(sums.groupby("to_level")["referrals"].sum().reindex(levels).fillna(0))},
            link={"source": [position[v] for v in sums["from_level"]],
                  "target": [len(levels) + position[v] for v in sums["to_level"]],
                  "value": sums["referrals"].astype(int).tolist(),
                  "color": [colors[d] for d in sums["direction"]],
                  "label": [t(f"referrals_dir_{d}") for d in sums["direction"]]},
        )
    )  # fmt: skip
    figure.update_layout(height=420, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                         font={"family": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"})  # fmt: skip
    return figure


def stacked_centres(totals: pd.Series, gap: float = 0.04) -> list[float]:
    """Vertical centres (0 = top) of nodes stacked in order with heights proportional to totals."""
    values = totals.astype(float).to_numpy()
    room = max(1.0 - gap * (len(values) - 1), 0.1)
    heights = room * values / (values.sum() or 1.0)
    tops = np.concatenate([[0.0], np.cumsum(heights + gap)[:-1]])
    return np.clip(tops + heights / 2, 0.001, 0.999).round(4).tolist()


def tier_table(tiers: pd.DataFrame, t: Text) -> pd.DataFrame:
    """Sending level x receiving level referral counts (rows from, columns to)."""
    present = [level for level in CARE_LEVELS if level in set(tiers["from_level"]) | set(tiers["to_level"])]  # fmt: skip
    grid = (
        tiers.pivot_table(index="from_level", columns="to_level", values="referrals", aggfunc="sum")
        .reindex(index=present, columns=present)
        .fillna(0)
        .astype("int64")
    )
    grid.index = [t(f"referrals_level_{level}") for level in grid.index]
    grid.columns = [t(f"referrals_level_{level}") for level in grid.columns]
    return grid.rename_axis(t("referrals_col_from_to")).reset_index()


# ---------------------------------------------------------------- service areas


def neighbour_pairs(lon: np.ndarray, lat: np.ndarray, k: int = 6) -> np.ndarray:
    """Index pairs (i, j) of each point and its k nearest points (equirectangular distance)."""
    if len(lon) < 2:
        return np.empty((0, 2), dtype=int)
    scale = np.cos(np.radians(np.mean(lat)))
    points = np.column_stack([np.asarray(lon) * scale, np.asarray(lat)])
    count = min(k + 1, len(lon))
    _, nearest = cKDTree(points).query(points, k=count)
    pairs = [(i, j) for i, row in enumerate(nearest) for j in row[1:]]
    return np.array(pairs, dtype=int)


def area_colours(counties: pd.DataFrame, area_column: str, palette_size: int = 10) -> pd.Series:
    """A colour number per county so that neighbouring areas differ (greedy colouring of areas).

    Areas are neighbours when one of their counties is among the 6 nearest counties of the other
    (representative points); colours are given to the areas with most neighbours first.
    """
    known = counties[area_column].notna().to_numpy()
    frame = counties.loc[known].reset_index(drop=True)
    areas = frame[area_column].to_numpy()
    links: dict[str, set] = {area: set() for area in pd.unique(areas)}
    for i, j in neighbour_pairs(frame["lon"].to_numpy(), frame["lat"].to_numpy()):
        if areas[i] != areas[j]:
            links[areas[i]].add(areas[j])
            links[areas[j]].add(areas[i])
    colour: dict[str, int] = {}
    for area in sorted(links, key=lambda a: (-len(links[a]), str(a))):
        taken = {colour[n] for n in links[area] if n in colour}
        colour[area] = next(c for c in range(len(links) + 1) if c not in taken) % palette_size
    return counties[area_column].map(colour)


def dissolved_features(shapes: pd.DataFrame, groups: Mapping[str, str], tolerance: float) -> dict:
    """Shapes (adcode, geom_wkb) merged by group into a FeatureCollection (id = group; '' = no group).

    Merging a coverage and simplifying it as one keeps shared borders shared, so a national map of
    a few hundred areas weighs a fraction of its 2,848 counties.
    """
    geometries = shapely.from_wkb([bytes(blob) for blob in shapes["geom_wkb"]])
    keys = np.array([groups.get(adcode) or "" for adcode in shapes["adcode"]], dtype=object)
    names = sorted(set(keys.tolist()))
    merged = [shapely.coverage_union_all(geometries[keys == name]) for name in names]
    simplified = shapely.orient_polygons(
        shapely.coverage_simplify(merged, tolerance), exterior_cw=True
    )
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": name, "properties": {"name": name},
             "geometry": json.loads(shapely.to_geojson(geometry))}
            for name, geometry in zip(names, simplified, strict=True)
        ],
    }  # fmt: skip


def boundary_trace(features: dict, width: float = 0.6, color: str = BORDER_LINE) -> go.Scattergeo:
    """Outlines of polygon features as one line trace (administrative borders over a map)."""
    lon, lat = [], []
    for feature in features["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        for polygon in polygons:
            for ring in polygon[:1]:
                lon.extend([point[0] for point in ring] + [None])
                lat.extend([point[1] for point in ring] + [None])
    return go.Scattergeo(lon=lon, lat=lat, mode="lines", line={"color": color, "width": width},
                         hoverinfo="skip", showlegend=False, name="")  # fmt: skip


def category_map(
    features: dict, frame: pd.DataFrame, colour: pd.Series, hover: Sequence[str], extras: Sequence,
    borders: dict | None, missing_label: str,
) -> go.Figure:  # fmt: skip
    """Counties filled by a colour number in one trace (grey when none), administrative borders on top."""
    figure = go.Figure(list(extras))
    steps = [maps.NO_DATA_COLOR, *AREA_PALETTE]
    z = colour.fillna(-1).astype(int).to_numpy() + 1
    figure.add_trace(
        go.Choropleth(
            geojson=features, locations=frame["adcode"].tolist(), featureidkey="id", z=z.tolist(),
            zmin=0, zmax=len(steps) - 1, colorscale=maps.stepped_colorscale(steps), showscale=False,
            hovertext=list(hover), hoverinfo="text", marker_line_color="#ffffff",
            marker_line_width=0.3, showlegend=False, name="",
        )
    )  # fmt: skip
    missing = int((z == 0).sum())
    if missing:
        for entry in maps.legend_entries([], [], [], missing_label, missing):
            figure.add_trace(entry)
    if borders is not None and borders["features"]:
        figure.add_trace(boundary_trace(borders))
    maps.geo_layout(figure, height=520)
    return figure.update_layout(
        legend={"orientation": "h", "x": 0.0, "y": 0.0, "xanchor": "left", "yanchor": "top"}
    )


def area_table(
    index: pd.DataFrame, areas: pd.DataFrame, counties: pd.DataFrame, t: Text
) -> pd.DataFrame:
    """Service areas with counties, children, referrals, kept referrals and LI (%), lowest LI first."""
    names = counties.drop_duplicates("city_adcode").set_index("city_adcode")["city_name"]
    kids = areas.merge(counties[["adcode", "children"]], left_on="county", right_on="adcode")
    children = kids.groupby("area")["children"].sum()
    table = index.sort_values(["localization_index", "area"]).reset_index(drop=True)
    return pd.DataFrame(
        {
            t("referrals_col_area"): table["area"].map(names).fillna(table["area"]),
            t("col_adcode"): table["area"],
            t("referrals_col_counties"): table["counties"].astype("int64"),
            t("col_children"): table["area"].map(children).fillna(0).astype("int64"),
            t("referrals_col_referrals"): table["referrals"].astype("int64"),
            t("referrals_col_kept"): table["kept"].astype("int64"),
            t("referrals_col_li"): (table["localization_index"] * 100).round(1),
        }
    )


# ---------------------------------------------------------------- transport


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


def transport_monthly_figure(table: pd.DataFrame, t: Text) -> go.Figure:
    """Stacked monthly trips (newborn / child) with the critical share as a line on a second axis."""
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for patient, color in (("newborn", "#de2d26"), ("child", "#fc9272")):
        figure.add_trace(go.Bar(x=table["month"], y=table[patient], name=t(f"transport_patient_{patient}"),
                                marker_color=color), secondary_y=False)  # fmt: skip
    figure.add_trace(
        go.Scatter(x=table["month"], y=table["critical_share"] * 100, name=t("transport_critical_share"),
                   mode="lines+markers", line={"color": "#222", "width": 2}),
        secondary_y=True,
    )  # fmt: skip
    figure.update_layout(barmode="stack", height=340, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                         legend={"orientation": "h", "y": 1.14}, xaxis={"dtick": 1, "title": t("referrals_month")})  # fmt: skip
    figure.update_yaxes(title_text=t("transport_trips"), secondary_y=False)
    figure.update_yaxes(title_text="%", secondary_y=True, range=[0, 105], dtick=20)
    return figure


def circle_points(
    lon: float, lat: float, radius_km: float, steps: int = 72
) -> tuple[np.ndarray, np.ndarray]:
    """A closed great-circle ring of radius_km around (lon, lat): the destination points at every bearing."""
    bearing = np.radians(np.linspace(0.0, 360.0, steps + 1))
    phi, lam = np.radians(lat), np.radians(lon)
    delta = radius_km / EARTH_RADIUS_KM
    phi2 = np.arcsin(np.sin(phi) * np.cos(delta) + np.cos(phi) * np.sin(delta) * np.cos(bearing))
    lam2 = lam + np.arctan2(
        np.sin(bearing) * np.sin(delta) * np.cos(phi), np.cos(delta) - np.sin(phi) * np.sin(phi2)
    )
    return np.degrees(lam2), np.degrees(phi2)


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
        traces.append(go.Scattergeo(lon=lon, lat=lat, mode="lines", hoverinfo="skip",
                                    line={"color": color, "width": 1.4, "dash": "dash"},
                                    name=t("transport_band_ring").format(km=int(radius))))  # fmt: skip
    return traces


def nearest_centres(counties: pd.DataFrame, centres: pd.DataFrame) -> pd.DataFrame:
    """counties with the id and great-circle km of their nearest centre."""
    if centres.empty or counties.empty:
        return counties.assign(centre_id=pd.Series(dtype=object), distance_km=np.nan)
    km = haversine_km(
        counties["lon"].to_numpy()[:, None], counties["lat"].to_numpy()[:, None],
        centres["lon"].to_numpy()[None, :], centres["lat"].to_numpy()[None, :],
    )  # fmt: skip
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


def band_summary(banded: pd.DataFrame, t: Text, bands: Sequence[float] = BAND_KM) -> pd.DataFrame:
    """Per band: counties, children and the share of the children."""
    index = band_index(banded["distance_km"], bands)
    edges = [0, *bands]
    labels = [t("transport_band_within").format(low=int(edges[i]), high=int(edges[i + 1])) for i in range(len(bands))]  # fmt: skip
    labels.append(t("transport_band_beyond").format(km=int(bands[-1])))
    children = banded["children"].astype(float).to_numpy()
    total = children.sum()
    rows = []
    for number, label in enumerate(labels):
        chosen = index == number
        kids = children[chosen].sum()
        rows.append((label, int(chosen.sum()), int(kids), round(100 * kids / total, 1) if total else np.nan))  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=[t("transport_col_band"), t("referrals_col_counties"), t("col_children"), t("transport_col_children_share")],
    )  # fmt: skip


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
        figure.add_trace(go.Scattergeo(lon=lon, lat=lat, mode="lines", hoverinfo="skip", opacity=0.8,
                                       line={"color": ROUTE_COLORS[number], "width": 0.8 + 0.7 * number},
                                       name=t("transport_route_class").format(trips=label)))  # fmt: skip
    if not routes.empty:
        origins = routes.groupby(["from_hospital_id", "from_name", "from_lon", "from_lat"], as_index=False)["trips"].sum()  # fmt: skip
        figure.add_trace(go.Scattergeo(
            lon=origins["from_lon"], lat=origins["from_lat"], mode="markers", name=t("transport_origins"),
            marker={"size": 4 + np.sqrt(origins["trips"].astype(float)), "color": "#fd8d3c", "line": {"width": 0.4, "color": "#fff"}},
            hovertext=[f"<b>{n}</b><br>{t('transport_trips')}: {k:,}" for n, k in zip(origins["from_name"], origins["trips"], strict=True)],
            hoverinfo="text"))  # fmt: skip
    if not centres.empty:
        figure.add_trace(go.Scattergeo(
            lon=centres["lon"], lat=centres["lat"], mode="markers", name=t("transport_centres"),
            marker={"size": 11, "color": "#b30000", "symbol": "star", "line": {"width": 0.8, "color": "#fff"}},
            hovertext=centres["name"], hoverinfo="text", customdata=centres["hospital_id"]))  # fmt: skip
    return maps.geo_layout(figure, height=600, legend_title=t("transport_map_legend"))


def histogram_figure(
    bins: pd.DataFrame, measure: str, width: float, title: str, color: str
) -> go.Figure:
    """Bars of trips per bin [start, start + width) for one measure of transport_histogram."""
    rows = bins.loc[bins["measure"] == measure]
    figure = go.Figure(go.Bar(x=rows["bin_start"] + width / 2, y=rows["trips"], width=width * 0.95,
                              marker_color=color, hovertemplate="%{x}: %{y}<extra></extra>"))  # fmt: skip
    figure.update_layout(height=300, margin={"l": 10, "r": 10, "t": 40, "b": 10}, title=title,
                         bargap=0.02, yaxis={"title": ""})  # fmt: skip
    return figure


def box_figure(spread: pd.DataFrame, measure: str, title: str, color: str) -> go.Figure:
    """A box plot drawn from the quartiles and the upper Tukey fence of transport_spread."""
    row = spread.loc[spread["measure"] == measure]
    if row.empty:
        return go.Figure()
    row = row.iloc[0]
    upper = min(float(row["upper_fence"]), float(row["maximum"]))
    lower = max(
        float(row["q1"]) - 1.5 * (float(row["q3"]) - float(row["q1"])), float(row["minimum"])
    )
    figure = go.Figure(go.Box(
        q1=[row["q1"]], median=[row["median"]], q3=[row["q3"]], lowerfence=[lower], upperfence=[upper],
        x=[title], marker_color=color, name=title, boxpoints=False,
    ))  # fmt: skip
    figure.update_layout(height=300, margin={"l": 10, "r": 10, "t": 40, "b": 10}, showlegend=False,
                         title=title, xaxis={"showticklabels": False})  # fmt: skip
    return figure
