"""Equity page builders: inequality by year, accessibility, coverage and shortage (query rows in, tables and figures out).

Everything here is a pure function of query results; the cached accessibility over all of China
lives in equity/panels.py, which runs the queries.
"""

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pedatlas import figure_layout, fmt, map_traces, trends
from pedatlas.metrics import accessibility as acc
from pedatlas.metrics import shortage
from pedatlas.metrics.equity import (
    gini_coefficient,
    lorenz_curve,
    per_capita,
    theil_decomposition,
    theil_index,
)
from pedatlas.state import param_choices
from pedatlas.tables import Column

SECTIONS = param_choices("equity", "section")
RESOURCES = param_choices("equity", "resource")
METHODS = param_choices("equity", "method")
CATCHMENTS_KM = param_choices("equity", "catchment")
SHORTAGE_TOP = param_choices("equity", "top")
COVERAGE_KM = (50, 100, 200)
SITE_TYPES = ("tertiary_centre", "nicu", "member")
GAUSS_SIGMA_SHARE = 0.5  # sigma = half the catchment (the benchmark's 50 km for 100 km)
UNIT_KEYS = {"province": "province_adcode", "city": "city_adcode", "county": "adcode"}
GROUP_OF_SCOPE = {"national": "province_adcode", "province": "city_adcode"}
LINE_COLOR, EQUAL_COLOR = "#0868ac", "#999999"
BETWEEN_COLOR, WITHIN_COLOR = "#e34a33", "#fdcc8a"
FORMULAS = {
    "lorenz": r"X_k=\sum_{i\le k} n_i,\quad Y_k=\sum_{i\le k} w_i,\quad"
    r"\text{units sorted by } S_i/P_i\ \uparrow,\quad w_i=\frac{S_i}{\sum S},\ n_i=\frac{P_i}{\sum P}",
    "gini": r"G = 1-\sum_{k}(X_k-X_{k-1})(Y_k+Y_{k-1})",
    "theil": r"T=\sum_i w_i\ln\frac{w_i}{n_i}",
    "theil_parts": r"T_{between}=\sum_g W_g\ln\frac{W_g}{N_g},\quad"
    r"T_{within}=\sum_g W_g\,T_g=\sum_i w_i\ln\frac{w_i/n_i}{W_g/N_g},\quad T=T_{between}+T_{within}",
    "2sfca": r"R_j=\frac{S_j}{\sum_{k:\,d_{kj}\le d_0}P_k},\qquad A_i=\sum_{j:\,d_{ij}\le d_0}R_j",
    "e2sfca": r"R_j=\frac{S_j}{\sum_{k:\,d_{kj}\le d_0}W(d_{kj})P_k},\qquad"
    r"A_i=\sum_{j:\,d_{ij}\le d_0}W(d_{ij})R_j",
    "step": r"W(d)=\begin{cases}1.00 & 0\le d\le d_0/3\\0.68 & d_0/3<d\le 2d_0/3\\"
    r"0.22 & 2d_0/3<d\le d_0\end{cases}",
    "gauss": r"W(d)=e^{-d^2/(2\sigma^2)},\quad \sigma=d_0/2",
    "normalized": r"\hat A_i=\frac{A_i}{\bar A},\qquad \bar A=\frac{\sum_i P_iA_i}{\sum_i P_i}"
    r"\ \ (\text{all counties of China})",
    "coverage": r"\mathrm{share}(t)=\frac{\sum_{i:\,d_i\le t}P_i}{\sum_i P_i}",
}


def with_children(rows: pd.DataFrame) -> pd.DataFrame:
    """County rows that have children on record (the unit of every per-child measure)."""
    return rows[rows["children"].fillna(0) > 0]


def year_rows(rows: pd.DataFrame, year: int) -> pd.DataFrame:
    """The county rows of one year with children on record."""
    return with_children(rows[rows["year"] == year]).reset_index(drop=True)


def unit_totals(rows: pd.DataFrame, level: str, resource: str, names: dict) -> pd.DataFrame:
    """Children and resource per unit of level (province, city or county) from county rows."""
    key = UNIT_KEYS[level]
    totals = (
        with_children(rows)
        .groupby(key, sort=True)
        .agg(children=("children", "sum"), resource=(resource, "sum"))
        .reset_index()
        .rename(columns={key: "adcode"})
    )
    # County names come with the rows; province and city names from names (region_list).
    known = dict(zip(rows["adcode"], rows["name"], strict=True)) | names
    totals.insert(1, "name", totals["adcode"].map(known))
    return totals


NAN_PARTS = {"theil": np.nan, "county_theil": np.nan, "between": np.nan, "within": np.nan}
NAN_SHARES = {"between_share": np.nan, "within_share": np.nan}


def year_inequality(frame: pd.DataFrame, resource: str, level: str, group_key: str | None) -> dict:
    """Gini and Theil T over the same units of level, and Theil T over counties split by group_key.

    Gini and Theil of one row describe the same units, so they can be read (and compared) together;
    the decomposition needs units nested in groups, so it is over counties and labelled so.
    """
    units = unit_totals(frame, level, resource, {})
    total = float(units["resource"].sum())
    record = {"units": len(units), "resource": total, "gini": np.nan} | NAN_PARTS | NAN_SHARES
    if total <= 0:
        return record
    record["gini"] = gini_coefficient(units["resource"], units["children"])
    record["theil"] = theil_index(units["resource"], units["children"])
    groups = frame[group_key] if group_key else np.zeros(len(frame))
    parts = theil_decomposition(frame[resource], frame["children"], groups)
    record["county_theil"] = parts.total
    if group_key:
        record |= {"between": parts.between, "within": parts.within}
        record |= {"between_share": parts.between_share, "within_share": parts.within_share}
    return record


def inequality_by_year(
    rows: pd.DataFrame, resource: str, level: str, group_key: str | None
) -> pd.DataFrame:
    """year_inequality for every year of the county rows."""
    records = [
        {"year": int(year)} | year_inequality(frame, resource, level, group_key)
        for year, frame in with_children(rows).groupby("year", sort=True)
    ]
    return pd.DataFrame(records)


# The inequality by year as shown: the year pinned, Gini next, raw values (the grid rounds them).
INEQUALITY_COLUMNS = [
    Column("year", "equity_col_year", "year", keep=True),
    Column("gini", "equity_col_gini", "decimal", 3, keep=True),
    Column("theil", "equity_col_theil", "decimal", 4),
    Column("county_theil", "equity_col_county_theil", "decimal", 4),
    Column("between", "equity_col_between", "decimal", 4),
    Column("within", "equity_col_within", "decimal", 4),
    Column("between_share", "equity_col_between_share", "percent"),
    Column("within_share", "equity_col_within_share", "percent"),
    Column("units", "equity_col_units", "integer"),
    Column("resource", "equity_col_resource", "integer"),
]


def trend_direction(trend: pd.DataFrame) -> tuple[str | None, dict] | None:
    """('closing'|'widening'|'flat', values) of Gini and Theil T together (trends.direction), or None.

    values: first/last Gini and Theil with their years, and whether the two measures disagree.
    """
    valid = trend.dropna(subset=["gini"])
    if len(valid) < 2:
        return None
    gini, theil = trends.direction(valid["gini"]), trends.direction(valid["theil"])
    first, last = valid.iloc[0], valid.iloc[-1]
    values = {
        "first": fmt.rate(first["gini"], 3),
        "last": fmt.rate(last["gini"], 3),
        "theil_first": fmt.rate(first["theil"], 4),
        "theil_last": fmt.rate(last["theil"], 4),
        "first_year": int(first["year"]),
        "last_year": int(last["year"]),
        "disagree": trends.measures_disagree(gini, theil),
    }
    return trends.agreed_direction(gini, theil), values


def _chart_layout(figure: go.Figure, title: str, height: int = 420, **axes) -> go.Figure:
    figure_layout.update_layout(
        figure,
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        title=title,
        legend={"orientation": "h", "y": -0.2},
        font={"family": "Noto Sans CJK SC, sans-serif"},
        **axes,
    )
    return figure


def lorenz_figure(units: pd.DataFrame, title: str, t: Callable) -> go.Figure:
    """Lorenz curve of the units with the line of equality; hover names the unit at each step."""
    curve = lorenz_curve(units["resource"], units["children"])
    order = np.argsort(
        per_capita(units["resource"].to_numpy(float), units["children"].to_numpy(float)),
        kind="stable",
    )
    names = [""] + list(units["name"].fillna(units["adcode"]).to_numpy()[order])
    x_label, y_label = t("equity_lorenz_x"), t("equity_lorenz_y")
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=[0, 1],
            y=[0, 1],
            mode="lines",
            name=t("equity_lorenz_equality"),
            line={"color": EQUAL_COLOR, "dash": "dash"},
            hoverinfo="skip",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=curve["cum_population_share"],
            y=curve["cum_resource_share"],
            text=names,
            name=t("equity_lorenz_curve"),
            mode="lines+markers" if len(units) <= 60 else "lines",
            fill="tonexty",
            line={"color": LINE_COLOR, "width": 2.5},
            marker={"size": 5},
            hovertemplate=f"%{{text}}<br>{x_label} %{{x:.1%}}<br>{y_label} %{{y:.1%}}<extra></extra>",
        )
    )
    return _chart_layout(
        figure,
        title,
        xaxis={"title": x_label, "tickformat": ".0%", "range": [0, 1], "constrain": "domain"},
        yaxis={"title": y_label, "tickformat": ".0%", "range": [0, 1], "scaleanchor": "x"},
    )


LABEL_HEADROOM = 1.2  # the y axis runs 20% above the top point: room for its label over it


def gini_trend_figure(trend: pd.DataFrame, t: Callable) -> go.Figure:
    """Gini per year as a line with labelled points.

    A label sits above its point, and plotly's autorange leaves no room for text: the top point's
    label was cut by the plot area (clipped at the axis), worst with the projector's larger type.
    The axis gets headroom above the top point and labels are not clipped at the axis.
    """
    figure = go.Figure(
        go.Scatter(
            x=trend["year"],
            y=trend["gini"],
            mode="lines+markers+text",
            name="Gini",
            text=[fmt.rate(v, 3) for v in trend["gini"]],
            textposition="top center",
            cliponaxis=False,
            line={"color": LINE_COLOR, "width": 2.5},
        )
    )
    top = trend["gini"].max()
    yaxis: dict = {"title": "Gini", "rangemode": "tozero"}
    if pd.notna(top) and top > 0:
        yaxis["range"] = [0, float(top) * LABEL_HEADROOM]
    return _chart_layout(
        figure,
        t("equity_gini_trend_title"),
        xaxis={"title": t("equity_year_label"), "dtick": 1},
        yaxis=yaxis,
    )


def theil_figure(trend: pd.DataFrame, group: str | None, t: Callable) -> go.Figure:
    """Theil T per year: stacked between- and within-group parts (the total alone without groups)."""
    figure = go.Figure()
    if group:
        for part, color in (("between", BETWEEN_COLOR), ("within", WITHIN_COLOR)):
            figure.add_trace(
                go.Bar(
                    x=trend["year"],
                    y=trend[part],
                    name=t(f"equity_theil_{part}", group=group),
                    marker_color=color,
                    text=[fmt.percent(s) for s in trend[f"{part}_share"]],
                    textposition="inside",
                )
            )
        title = t("equity_theil_title", group=group)
    else:
        figure.add_trace(
            go.Bar(
                x=trend["year"],
                y=trend["county_theil"],
                name=t("equity_theil_total"),
                marker_color=BETWEEN_COLOR,
            )
        )
        title = t("equity_theil_title_total")
    figure_layout.update_layout(figure, barmode="stack")
    return _chart_layout(
        figure,
        title,
        380,
        xaxis={"title": t("equity_year_label"), "dtick": 1},
        yaxis={"title": "Theil T"},
    )


def decay_for(method: str, catchment_km: float) -> acc.DistanceDecay | None:
    """The E2SFCA distance-decay weights of a method (None for plain 2SFCA)."""
    if method == "e2sfca_step":
        return acc.luo_qi_step_decay(catchment_km)
    if method == "e2sfca_gauss":
        return acc.gaussian_decay(catchment_km * GAUSS_SIGMA_SHARE)
    return None


def accessibility_scores(
    counties: pd.DataFrame, hospitals: pd.DataFrame, resource: str, method: str, catchment_km: float
) -> pd.DataFrame:
    """Accessibility per county: supply per 1,000 children and the index (1.0 = national mean)."""
    demand = with_children(counties).reset_index(drop=True)
    supply = hospitals[hospitals[resource] > 0]
    result = demand[["adcode", "name", "province_adcode", "city_adcode", "children"]].copy()
    if supply.empty:
        return result.assign(access_per_1000=0.0, access_index=np.nan)
    distance = acc.catchment_distance_matrix_km(
        demand["lon"], demand["lat"], supply["lon"], supply["lat"], catchment_km
    )
    decay = decay_for(method, catchment_km)
    if decay is None:
        scores = acc.two_step_fca(supply[resource], demand["children"], distance, catchment_km)
    else:
        scores = acc.enhanced_two_step_fca(
            supply[resource], demand["children"], distance, catchment_km, decay
        )
    result["access_per_1000"] = scores * 1000.0
    total = float(np.sum(scores * demand["children"].to_numpy(float)))
    result["access_index"] = (
        acc.normalized_to_mean(scores, demand["children"]) if total > 0 else np.nan
    )
    return result


def in_scope(frame: pd.DataFrame, region: str) -> pd.DataFrame:
    """County rows inside the scope ('' = all)."""
    if not region:
        return frame
    return frame[(frame["province_adcode"] == region) | (frame["city_adcode"] == region)]


ACCESS_COLUMNS = [
    Column("name", "equity_col_county", keep=True),
    Column("access_index", "equity_col_access_index", "decimal", 3, keep=True),
    Column("rank", "equity_col_rank", "integer", keep=True),
    Column("city", "equity_col_city"),
    Column("province", "equity_col_province"),
    Column("children", "equity_col_children", "integer"),
    Column("access_per_1000", "equity_col_access_per_1000", "decimal", 4),
    Column("adcode", "equity_col_adcode"),
]


def access_ranking(scores: pd.DataFrame, names: dict) -> pd.DataFrame:
    """The ranking, least accessible first (rank 1 = lowest index), raw values (ACCESS_COLUMNS)."""
    ranked = scores.sort_values(["access_index", "adcode"], na_position="first").reset_index(
        drop=True
    )
    return pd.DataFrame(
        {
            "name": ranked["name"],
            "access_index": ranked["access_index"],
            "rank": np.arange(1, len(ranked) + 1),
            "city": ranked["city_adcode"].map(names),
            "province": ranked["province_adcode"].map(names),
            "children": ranked["children"].astype("int64"),
            "access_per_1000": ranked["access_per_1000"],
            "adcode": ranked["adcode"],
        }
    )


def site_mask(hospitals: pd.DataFrame, site_type: str) -> pd.Series:
    """Which hospitals count as a site of this type in the query's year."""
    if site_type == "tertiary_centre":
        return hospitals["tertiary_centre"].astype(bool)
    if site_type == "nicu":
        return hospitals["nicu_beds"] > 0
    if site_type == "member":
        return hospitals["member"].astype(bool)
    if site_type == "capable":
        return (hospitals["nicu_beds"] > 0) | (hospitals["picu_beds"] > 0)
    raise ValueError(site_type)


def nearest_site_km(counties: pd.DataFrame, hospitals: pd.DataFrame, site_type: str) -> np.ndarray:
    """Great-circle km from each county point to the nearest site of a type (inf when none)."""
    sites = hospitals[site_mask(hospitals, site_type)]
    if sites.empty:
        return np.full(len(counties), np.inf)
    return acc.nearest_distance_km(counties["lon"], counties["lat"], sites["lon"], sites["lat"])


def coverage_shares(counties: pd.DataFrame, hospitals: pd.DataFrame, region: str) -> pd.DataFrame:
    """Per site type: sites in the scope and the share of the scope's children within 50/100/200 km."""
    demand = with_children(in_scope(counties, region))
    local = set(demand["adcode"])
    records = []
    for site_type in SITE_TYPES:
        record = {
            "site_type": site_type,
            "sites": int(
                (site_mask(hospitals, site_type) & hospitals["county_adcode"].isin(local)).sum()
            ),
        }
        if demand.empty:
            record |= {f"within_{km}": np.nan for km in COVERAGE_KM}
        else:
            distance = nearest_site_km(demand, hospitals, site_type)
            shares = acc.share_within_distance(demand["children"], distance, COVERAGE_KM)
            record |= {f"within_{km}": shares[km] for km in COVERAGE_KM}
        records.append(record)
    return pd.DataFrame(records)


def coverage_figure(shares: pd.DataFrame, year: int, t: Callable) -> go.Figure:
    """Grouped bars: share of children within each distance, per site type."""
    figure = go.Figure()
    labels = [t(f"equity_site_{site}") for site in shares["site_type"]]
    for km, color in zip(COVERAGE_KM, ("#bae4bc", "#43a2ca", "#0868ac"), strict=True):
        values = shares[f"within_{km}"]
        figure.add_trace(
            go.Bar(
                x=labels,
                y=values,
                name=f"≤ {km} km",
                marker_color=color,
                text=[fmt.percent(v) for v in values],
                textposition="outside",
            )
        )
    figure_layout.update_layout(figure, barmode="group")
    return _chart_layout(
        figure,
        t("equity_coverage_title", year=year),
        380,
        yaxis={"tickformat": ".0%", "range": [0, 1.1], "title": t("equity_coverage_y")},
    )


def coverage_table(shares: pd.DataFrame, t: Callable) -> tuple[pd.DataFrame, list[Column]]:
    """The coverage table (site type in words, shares raw) and its columns: the site type pinned,
    the shares within each distance next (as %), the sites last."""
    table = shares.assign(site_type=[t(f"equity_site_{s}") for s in shares["site_type"]])
    within = [
        Column(f"within_{km}", "", "percent", keep=True, label=t("equity_col_within_km", km=km))
        for km in COVERAGE_KM
    ]
    columns = [
        Column("site_type", "equity_col_site_type", keep=True),
        *within,
        Column("sites", "equity_col_sites", "integer", keep=True),
    ]
    return table, columns


def shortage_ranking(
    counties: pd.DataFrame, hospitals: pd.DataFrame, region: str, count: int
) -> pd.DataFrame:
    """The count worst-served counties of the scope with every component and the score."""
    demand = with_children(in_scope(counties, region)).reset_index(drop=True)
    if demand.empty:
        return demand
    distance = nearest_site_km(demand, hospitals, "capable")
    return shortage.worst_served(
        shortage.shortage_scores(demand.assign(distance_km=distance)), count
    )


def shortage_reason(row: pd.Series, t: Callable) -> str:
    """Why a county is listed: each component that scored, with its value and points."""
    values = {
        "ratio": t("equity_reason_no_physician")
        if row["physicians"] <= 0
        else fmt.integer(row["children_per_physician"]),
        "distance": fmt.km(row["distance_km"]),
        "child_share": fmt.percent(row["child_share"]),
        "rural_share": fmt.percent(row["rural_share"]),
    }
    return t("punct_semicolon").join(
        t(f"equity_reason_{c}", value=values[c], points=int(row[f"{c}_points"]))
        for c in shortage.scored_components(row)
    )


# The shortage list as shown: county pinned, its score next, then why (tables.Column).
SHORTAGE_COLUMNS = [
    Column("name", "equity_col_county", keep=True),
    Column("score", "equity_col_score", "integer", keep=True),
    Column("rank", "equity_col_rank", "integer", keep=True),
    Column("reasons", "equity_col_reasons", keep=True),
    Column("city", "equity_col_city"),
    Column("province", "equity_col_province"),
    Column("children", "equity_col_children", "integer"),
    Column("physicians", "equity_col_physicians", "integer"),
    Column("children_per_physician", "equity_col_children_per_physician", "decimal", 0),
    Column("ratio_points", "equity_col_ratio_points", "integer"),
    Column("distance_km", "equity_col_distance_km", "decimal", 1),
    Column("distance_points", "equity_col_distance_points", "integer"),
    Column("child_share", "equity_col_child_share", "percent"),
    Column("child_share_points", "equity_col_child_share_points", "integer"),
    Column("rural_share", "equity_col_rural_share", "percent"),
    Column("rural_share_points", "equity_col_rural_share_points", "integer"),
    Column("adcode", "equity_col_adcode"),
]


def shortage_table(worst: pd.DataFrame, names: dict, t: Callable) -> pd.DataFrame:
    """The shortage list, raw values (shares as 0.31, SHORTAGE_COLUMNS formats them): rank, score,
    reasons, the parent regions and the components with their points."""
    return worst.assign(
        rank=np.arange(1, len(worst) + 1),
        city=worst["city_adcode"].map(names),
        province=worst["province_adcode"].map(names),
        reasons=[shortage_reason(row, t) for _, row in worst.iterrows()],
    ).reset_index(drop=True)


def _band_rows(bands, strict: bool, formatter, t: Callable) -> list[tuple[str, int]]:
    """(band label, points) rows from a (bound, points) table, highest band first."""
    rows, upper = [], None
    for bound, points in bands:
        low = ("> " if strict else "≥ ") + formatter(bound)
        label = (
            low
            if upper is None
            else f"{low}{t('equity_points_and')}{('≤ ' if strict else '< ')}{formatter(upper)}"
        )
        rows.append((label, points))
        upper = bound
    rows.append((("≤ " if strict else "< ") + formatter(upper), 0))
    return rows


def points_table_markdown(t: Callable) -> str:
    """The shortage point table (generated from the scoring constants) as a markdown table."""
    parts = {
        "ratio": [(t("equity_reason_no_physician"), shortage.NO_PHYSICIAN_POINTS)]
        + _band_rows(shortage.RATIO_BANDS, False, fmt.integer, t),
        "distance": _band_rows(shortage.DISTANCE_BANDS, True, lambda v: fmt.km(v), t),
        "child_share": _band_rows(
            shortage.CHILD_SHARE_BANDS, False, lambda v: fmt.percent(v, 0), t
        ),
        "rural_share": _band_rows(
            shortage.RURAL_SHARE_BANDS, False, lambda v: fmt.percent(v, 0), t
        ),
    }
    lines = [
        f"| {t('equity_points_component')} | {t('equity_points_band')} | {t('equity_points_points')} |",
        "|---|---|---:|",
    ]
    for component, rows in parts.items():
        for number, (label, points) in enumerate(rows):
            name = t(f"equity_component_{component}") if number == 0 else ""
            lines.append(f"| {name} | {label} | {points} |")
    return "\n".join(lines)


def access_summary(scores: pd.DataFrame) -> dict:
    """Child-weighted mean index, share of children below 0.5, counties with nothing in reach."""
    children = scores["children"].astype(float)
    return {
        "mean": float((scores["access_index"] * children).sum() / children.sum()),
        "below_half": float(children[scores["access_index"] < 0.5].sum() / children.sum()),
        "zero": int((scores["access_per_1000"] == 0).sum()),
    }


def access_hover(scores: pd.DataFrame, t: Callable, lang: str) -> np.ndarray:
    """Hover text per county: name, index, supply per 1,000 children, children."""
    colon = t("punct_colon")
    return np.array(
        [
            f"<b>{name}</b><br>{t('equity_col_access_index')}{colon}{fmt.rate(index)}"
            f"<br>{t('equity_col_access_per_1000')}{colon}{fmt.rate(per, 3)}"
            f"<br>{t('equity_col_children')}{colon}{fmt.big_number(kids, lang)}"
            for name, index, per, kids in zip(
                scores["name"],
                scores["access_index"],
                scores["access_per_1000"],
                scores["children"],
                strict=True,
            )
        ]
    )


def access_map(scores: pd.DataFrame, layers: dict, t: Callable, lang: str) -> go.Figure:
    """County choropleth of the index, classed around 1.0 (layers: counties, context, sea_line).

    Every drawn county is in the map; those without children on record show as no data.
    """
    drawn = map_traces.drawn_units(layers)
    measures = ["adcode", "access_index", "access_per_1000", "children"]
    scores = drawn.merge(scores[measures].astype({"children": float}), on="adcode", how="left")
    classes, labels, _ = map_traces.measure_classes(scores["access_index"], "target", 1.0, fmt.rate)
    return map_traces.county_layer_figure(
        layers,
        scores,
        classes,
        labels,
        map_traces.palette(len(labels)),
        access_hover(scores, t, lang),
        t,
        lang,
        t("equity_access_legend"),
    )
