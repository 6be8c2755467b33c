"""Figures and tables of the referrals page: query results -> DataFrames / plotly figures (pure).

Text comes in through `t` (a key -> text function) so the builders stay free of Streamlit and can
be tested on literal frames.
"""

from collections.abc import Sequence
from functools import partial

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pedatlas import charts, figure_layout, fmt, geometry, i18n, map_traces
from pedatlas.i18n import Text
from pedatlas.tables import Column, counts
from pedatlas.tiers import DIRECTIONS

DIRECTION_COLORS = {"up": "#e6550d", "down": "#3182bd", "lateral": "#a1a1a1"}


CARE_LEVELS = ("primary", "county", "city", "provincial", "national")


CARE_LEVEL_COLORS = {
    "primary": "#8c564b",
    "county": "#2ca02c",
    "city": "#1f77b4",
    "provincial": "#9467bd",
    "national": "#d62728",
}


CORRIDOR_COLORS = {
    "within": "#4c78a8",
    "cross": "#f58518",
    "beijing": "#d62728",
    "shanghai": "#9c27b0",
}


NET_COLORS = ["#b2182b", "#ef8a62", "#f7f7f7", "#67a9cf", "#2166ac"]


AREA_PALETTE = [
    "#8dd3c7",
    "#fdb462",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#b3de69",
    "#fccde5",
    "#ffffb3",
    "#bc80bd",
    "#ccebc5",
]


# ---------------------------------------------------------------- volumes and shares


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
    totals: dict[str, float] = {
        d: int(monthly.loc[monthly["direction"] == d, "referrals"].sum()) for d in DIRECTIONS
    }
    totals["all"] = sum(totals[d] for d in DIRECTIONS)
    totals["down_up_ratio"] = totals["down"] / totals["up"] if totals["up"] else float("nan")
    return totals


def monthly_figure(table: pd.DataFrame, t: Text, lang: str = "zh") -> go.Figure:
    """Stacked monthly bars by direction with the down/up ratio as a line on a second axis."""
    bars = [(t(f"referrals_dir_{d}"), table[d], DIRECTION_COLORS[d]) for d in DIRECTIONS]
    figure = charts.months_stacked_with_line(
        table["month"],
        bars,
        (t("referrals_ratio"), table["down_up_ratio"]),
        (t("referrals_month"), t("referrals_count")),
        height=400,
        lang=lang,
    )
    figure.update_yaxes(
        title_text=t("referrals_ratio"), secondary_y=True, rangemode="tozero", tickformat=".2f"
    )
    return figure


SHARE_COLUMNS = [
    Column("direction", "referrals_col_direction", keep=True),
    Column("referrals", "referrals_col_referrals", "integer", keep=True),
    *(
        Column(share, f"referrals_col_{share}", "percent", keep=True)
        for share in ("same_alliance", "same_county", "same_province")
    ),
]


def share_table(shares: pd.DataFrame, t: Text) -> pd.DataFrame:
    """Per direction and in total: referrals and the shares (0-1) kept inside an alliance, the
    county, the province (SHARE_COLUMNS shows them as %)."""
    rows = shares.set_index("direction").reindex(list(DIRECTIONS)).fillna(0)
    rows.loc["all"] = rows.sum()
    counts = rows["referrals"].astype("int64")
    table = pd.DataFrame(
        {
            "direction": [t(f"referrals_dir_{d}") for d in rows.index],
            "referrals": counts.to_numpy(),
        }
    )
    for column in ("same_alliance", "same_county", "same_province"):
        table[column] = (rows[column] / counts.replace(0, np.nan)).to_numpy()
    return table


def share_totals(shares: pd.DataFrame) -> dict:
    """Shares (0-1) of all referrals kept inside an alliance, the county and the province."""
    total = shares["referrals"].sum()
    return {
        column: (shares[column].sum() / total if total else float("nan"))
        for column in ("same_alliance", "same_county", "same_province")
    }


# ---------------------------------------------------------------- flow map


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


CORRIDOR_COLUMNS = [
    Column("corridor", "referrals_col_corridor", keep=True),
    Column("referrals", "referrals_col_referrals", "integer", keep=True),
    Column("up", "referrals_dir_up", "integer"),
    Column("down", "referrals_dir_down", "integer"),
    Column("kind", "referrals_col_kind"),
    Column("from", "referrals_col_from"),
    Column("to", "referrals_col_to"),
]


def corridor_table(corridors: pd.DataFrame, t: Text) -> pd.DataFrame:
    """The corridors as shown: 'from → to', referrals (up and down), kind, from, to."""
    kinds = [
        corridor_kind(a, b)
        for a, b in zip(corridors["from_province"], corridors["to_province"], strict=True)
    ]
    return pd.DataFrame(
        {
            "corridor": (corridors["from_name"] + " → " + corridors["to_name"]).to_numpy(),
            "referrals": corridors["referrals"].astype("int64").to_numpy(),
            "up": corridors["up"].astype("int64").to_numpy(),
            "down": corridors["down"].astype("int64").to_numpy(),
            "kind": [t(f"referrals_kind_{kind}") for kind in kinds],
            "from": corridors["from_name"].to_numpy(),
            "to": corridors["to_name"].to_numpy(),
        }
    )


def corridor_figure(corridors: pd.DataFrame, base: Sequence, t: Text) -> go.Figure:
    """Corridors as lines (width = volume, colour = within / cross-province / to Beijing / to Shanghai)."""
    figure = go.Figure(list(base))
    widths = corridor_widths(corridors["referrals"])
    shown = set()
    for row, width in zip(corridors.itertuples(index=False), widths, strict=True):
        kind = corridor_kind(row.from_province, row.to_province)
        figure.add_trace(
            go.Scattergeo(
                lon=[row.from_lon, row.to_lon],
                lat=[row.from_lat, row.to_lat],
                mode="lines",
                line={"width": float(width), "color": CORRIDOR_COLORS[kind]},
                opacity=0.75,
                name=t(f"referrals_kind_{kind}"),
                legendgroup=kind,
                showlegend=kind not in shown,
                hoverinfo="skip",
            )
        )
        shown.add(kind)
    if not corridors.empty:
        hover = [
            f"<b>{a} → {b}</b><br>{t('referrals_col_referrals')}: {n:,}"
            for a, b, n in zip(
                corridors["from_name"], corridors["to_name"], corridors["referrals"], strict=True
            )
        ]
        figure.add_trace(
            go.Scattergeo(
                lon=(corridors["from_lon"] * 0.4 + corridors["to_lon"] * 0.6).to_numpy(),
                lat=(corridors["from_lat"] * 0.4 + corridors["to_lat"] * 0.6).to_numpy(),
                mode="markers",
                marker={"size": 5, "color": "#333", "symbol": "triangle-up"},
                hovertext=hover,
                hoverinfo="text",
                showlegend=False,
                name="",
            )
        )
    return map_traces.geo_layout(figure, height=560, legend_title=t("referrals_corridor_legend"))


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
        t(f"referrals_net_class_{k}") + t("punct_paren", text=f"{low:,.0f} ~ {high:,.0f}")
        for k, (low, high) in enumerate(ranges)
    ]
    used = sorted(set(classes.tolist()) - {-1})
    compact = np.array([used.index(c) if c in used else -1 for c in classes], dtype=int)
    hover = [
        f"<b>{n}</b><br>{t('referrals_col_received')}: {fmt.count(r)}<br>{t('referrals_col_sent')}: "
        f"{fmt.count(s)}<br>{t('referrals_col_net')}: {fmt.count(d, signed=True)}"
        for n, r, s, d in zip(
            frame["name"], frame["received"], frame["sent"], frame["net"], strict=True
        )
    ]
    colors = [NET_COLORS[k] for k in used]
    figure = go.Figure(list(extras))
    figure.add_trace(map_traces.class_trace(features, frame, compact, colors, hover))
    counts = [int((compact == k).sum()) for k in range(len(used))]
    for entry in map_traces.legend_entries(
        [labels[k] for k in used],
        colors,
        counts,
        t("no_data"),
        int((compact == -1).sum()),
        lambda count: t("punct_paren", text=count),
    ):
        figure.add_trace(entry)
    return map_traces.geo_layout(figure, height=520, legend_title=t("referrals_col_net"))


REGION_FLOW_COLUMNS = [
    Column("name", "referrals_col_region", keep=True),
    Column("net", "referrals_col_net", "integer", keep=True),
    *counts(
        ("sent", "referrals_col_sent"),
        ("received", "referrals_col_received"),
        ("internal", "referrals_col_internal"),
    ),
    Column("province", "referrals_col_province"),
    Column("adcode", "col_adcode"),
]


def region_flow_table(regions: pd.DataFrame, provinces: dict) -> pd.DataFrame:
    """Per region: net flow, sent out, received, kept inside and its province (a city's parent),
    biggest net outflow first."""
    table = regions.sort_values(["net", "adcode"]).reset_index(drop=True)
    return pd.DataFrame(
        {
            "name": table["name"],
            "net": table["net"].astype("int64"),
            "sent": table["sent"].astype("int64"),
            "received": table["received"].astype("int64"),
            "internal": table["internal"].astype("int64"),
            "province": table["province_adcode"].map(provinces),
            "adcode": table["adcode"],
        }
    )


# ---------------------------------------------------------------- care levels


def sankey_figure(tiers: pd.DataFrame, t: Text) -> go.Figure:
    """Sankey from the sending care level (left) to the receiving one (right), links coloured by direction."""
    levels = [
        level for level in CARE_LEVELS if level in set(tiers["from_level"]) | set(tiers["to_level"])
    ]
    position = {level: i for i, level in enumerate(levels)}
    labels = [t(f"referrals_level_{level}") for level in levels]
    sums = tiers.groupby(["from_level", "to_level", "direction"], as_index=False)["referrals"].sum()
    colors = {
        "up": "rgba(230,85,13,0.45)",
        "down": "rgba(49,130,189,0.45)",
        "lateral": "rgba(150,150,150,0.45)",
    }
    sent = sums.groupby("from_level")["referrals"].sum().reindex(levels).fillna(0)
    received = sums.groupby("to_level")["referrals"].sum().reindex(levels).fillna(0)
    centres, pad = node_layout(
        [sent, received], SANKEY_HEIGHT - SANKEY_MARGIN["t"] - SANKEY_MARGIN["b"]
    )
    figure = go.Figure(
        go.Sankey(
            arrangement="fixed",
            node={
                "label": labels + labels,
                "pad": pad,
                "thickness": 16,
                "color": [CARE_LEVEL_COLORS[level] for level in levels] * 2,
                "x": [0.001] * len(levels) + [0.999] * len(levels),
                "y": centres[0] + centres[1],
            },
            link={
                "source": [position[v] for v in sums["from_level"]],
                "target": [len(levels) + position[v] for v in sums["to_level"]],
                "value": sums["referrals"].astype(int).tolist(),
                "color": [colors[d] for d in sums["direction"]],
                "label": [t(f"referrals_dir_{d}") for d in sums["direction"]],
            },
        )
    )
    figure_layout.update_layout(
        figure,
        height=SANKEY_HEIGHT,
        margin=SANKEY_MARGIN,
        font={"family": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"},
    )
    return figure


SANKEY_HEIGHT = 420
SANKEY_MARGIN = {"l": 10, "r": 10, "t": 30, "b": 10}
NODE_GAP = 14  # pixels between two nodes of a column
LABEL_SLOT = 14  # pixels a node takes at least: with the gap, 28 between label centres (a line
# of the projector's 18-pixel type is 26 tall)


def node_scale(values: np.ndarray, height: float, slot: float, gap: float) -> float:
    """Pixels per unit of value such that the nodes, each at least slot tall, and the gaps
    between them fill height (the largest scale that fits; found by halving, the sum grows with it).
    """
    if values.sum() <= 0:
        return 0.0
    low, high = 0.0, height / values.sum()
    for _ in range(60):
        middle = (low + high) / 2
        used = np.maximum(values * middle, slot).sum() + gap * (len(values) - 1)
        low, high = (middle, high) if used <= height else (low, middle)
    return low


def node_layout(
    columns: list[pd.Series], height: float, slot: float = LABEL_SLOT, gap: float = NODE_GAP
) -> tuple[list[list[float]], float]:
    """Vertical centres (0 = top) of each column's nodes, stacked in order, and plotly's node pad.

    A node is drawn as tall as its value (the same pixels per unit in every column), but takes at
    least slot pixels: a small node between two others keeps its label clear of theirs (labels are
    centred on their node; with proportional slots the projector's larger type ran the labels of
    the smallest care levels into each other). Plotly sizes nodes by (height - pads) / total: the
    pad returned makes that the scale used here, so drawn nodes fit the slots they were given.
    """
    arrays = [column.astype(float).to_numpy() for column in columns]
    scale = min(node_scale(values, height, slot, gap) for values in arrays)
    centres, pads = [], [gap]
    for values in arrays:
        sizes = np.maximum(values * scale, slot)
        tops = np.concatenate([[0.0], np.cumsum(sizes + gap)[:-1]])
        centres.append(np.clip((tops + sizes / 2) / height, 0.001, 0.999).round(4).tolist())
        if len(values) > 1:
            pads.append((height - scale * values.sum()) / (len(values) - 1))
    return centres, float(max(pads))


def tier_table(tiers: pd.DataFrame, t: Text) -> tuple[pd.DataFrame, list[Column]]:
    """Sending level x receiving level referral counts (rows from, columns to) and its columns:
    the sending level pinned, then one count per receiving level."""
    present = [
        level for level in CARE_LEVELS if level in set(tiers["from_level"]) | set(tiers["to_level"])
    ]
    grid = (
        tiers.pivot_table(index="from_level", columns="to_level", values="referrals", aggfunc="sum")
        .reindex(index=present, columns=present)
        .fillna(0)
        .astype("int64")
    )
    table = grid.reset_index(drop=True).rename_axis(columns=None)
    table.insert(0, "from_level", [t(f"referrals_level_{level}") for level in grid.index])
    columns = [Column("from_level", "referrals_col_from_to", keep=True)] + [
        Column(level, f"referrals_level_{level}", "integer", keep=True) for level in present
    ]
    return table, columns


# ---------------------------------------------------------------- service areas


def area_colours(counties: pd.DataFrame, area_column: str, palette_size: int = 10) -> pd.Series:
    """A colour number per county so that neighbouring areas differ (greedy colouring of areas).

    Areas are neighbours when one of their counties is among the 6 nearest counties of the other
    (representative points); colours are given to the areas with most neighbours first.
    """
    known = counties[area_column].notna().to_numpy()
    frame = counties.loc[known].reset_index(drop=True)
    areas = frame[area_column].to_numpy()
    links: dict[str, set] = {area: set() for area in pd.unique(areas)}
    for i, j in geometry.neighbour_pairs(frame["lon"].to_numpy(), frame["lat"].to_numpy()):
        if areas[i] != areas[j]:
            links[areas[i]].add(areas[j])
            links[areas[j]].add(areas[i])
    colour: dict[str, int] = {}
    for area in sorted(links, key=lambda a: (-len(links[a]), str(a))):
        taken = {colour[n] for n in links[area] if n in colour}
        colour[area] = next(c for c in range(len(links) + 1) if c not in taken) % palette_size
    return counties[area_column].map(colour)


def category_map(
    features: dict,
    frame: pd.DataFrame,
    colour: pd.Series,
    hover: Sequence[str],
    extras: Sequence,
    borders: dict | None,
    missing_label: str,
    lang: str,
) -> go.Figure:
    """Counties filled by a colour number in one trace (grey when none), administrative borders on top."""
    figure = go.Figure(list(extras))
    steps = [map_traces.NO_DATA_COLOR, *AREA_PALETTE]
    z = colour.fillna(-1).astype(int).to_numpy() + 1
    figure.add_trace(
        go.Choropleth(
            geojson=map_traces.geojson_source(features),
            locations=frame["adcode"].tolist(),
            featureidkey="id",
            z=z.tolist(),
            zmin=0,
            zmax=len(steps) - 1,
            colorscale=map_traces.stepped_colorscale(steps),
            showscale=False,
            hovertext=list(hover),
            hoverinfo="text",
            marker_line_color="#ffffff",
            marker_line_width=0.3,
            showlegend=False,
            name="",
        )
    )
    missing = int((z == 0).sum())
    if missing:
        for entry in map_traces.legend_entries(
            [], [], [], missing_label, missing, partial(i18n.bracketed, lang=lang)
        ):
            figure.add_trace(entry)
    if borders is not None and borders["features"]:
        figure.add_trace(map_traces.border_trace(borders))
    map_traces.geo_layout(figure, height=520)
    return figure_layout.update_layout(
        figure, legend={"orientation": "h", "x": 0.0, "y": 0.0, "xanchor": "left", "yanchor": "top"}
    )


def area_table(index: pd.DataFrame, areas: pd.DataFrame, counties: pd.DataFrame) -> pd.DataFrame:
    """Service areas with LI (0-1), counties, children, referrals, kept referrals, lowest LI first."""
    names = counties.drop_duplicates("city_adcode").set_index("city_adcode")["city_name"]
    kids = areas.merge(counties[["adcode", "children"]], left_on="county", right_on="adcode")
    children = kids.groupby("area")["children"].sum()
    table = index.sort_values(["localization_index", "area"]).reset_index(drop=True)
    return pd.DataFrame(
        {
            "name": table["area"].map(names).fillna(table["area"]),
            "li": table["localization_index"],
            "counties": table["counties"].astype("int64"),
            "children": table["area"].map(children).fillna(0).astype("int64"),
            "referrals": table["referrals"].astype("int64"),
            "kept": table["kept"].astype("int64"),
            "adcode": table["area"],
        }
    )


AREA_COLUMNS = [
    Column("name", "referrals_col_area", keep=True),
    Column("li", "referrals_col_li", "percent", keep=True),
    *counts(
        ("counties", "referrals_col_counties"),
        ("children", "col_children"),
        ("referrals", "referrals_col_referrals"),
        ("kept", "referrals_col_kept"),
    ),
    Column("adcode", "col_adcode"),
]
