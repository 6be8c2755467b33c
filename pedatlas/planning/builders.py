"""Planning page builders: a maximal-covering scenario for new sites and its before/after measures.

A scenario adds k sites of one kind in a province or city:

- members: new alliance members chosen among secondary general and MCH hospitals of the region
  that are not yet members; existing sites = active members of any alliance that year.
- nicu: new NICU sites chosen among the region's secondary general and MCH hospitals without
  NICU beds; existing sites = hospitals with NICU beds that year.

Demand = children (pop_0_14) at the region's county points. Existing sites anywhere in China
within the service radius of a county stay fixed. Children covered = children of counties within
the radius (inclusive, great-circle) of an open site; MCLP maximises it (solve_mclp recomputes it,
since spopt's own percentage counts locations, not children). The naive pick takes the k
candidates with the most pediatric beds (greedy_largest_sites).

Accessibility = E2SFCA with Luo & Qi step weights and catchment = service radius, computed over
all of China; supply = NICU beds at NICU sites, or pediatric physicians at alliance members. Each
new site is assumed to bring a typical capacity: the median of the region's existing sites
(of all of China's if the region has none). The region's accessibility is the child-weighted mean
over its counties, per 1,000 children; Gini and Theil T are computed over the region's counties
with the supply each county receives (Aᵢ × Pᵢ, which adds up to the total supply) against its
children.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pedatlas import map_traces
from pedatlas.equity.builders import in_scope, with_children
from pedatlas.metrics import accessibility as acc
from pedatlas.metrics import drive_time
from pedatlas.metrics.equity import gini_coefficient, theil_index
from pedatlas.metrics.planning import covered_weight, greedy_largest_sites, solve_mclp
from pedatlas.state import param_choices
from pedatlas.tables import Column, counts

ADDS = param_choices("planning", "add")
KS = param_choices("planning", "k")
RADII_KM = param_choices("planning", "radius_km")
CAPACITY = {"members": "physicians", "nicu": "nicu_beds"}
PLANS = ("before", "optimized", "naive")
MEASURES = (
    "children_covered",
    "coverage_share",
    "gini",
    "theil",
    "access_per_1000",
    "nicu_within_60",
    "nicu_within_120",
)
NICU_BANDS_MIN = (
    60,
    120,
)  # drive-time bands reported for NICU scenarios (equity page: time to care)
COVER_COLORS = ("#fdcc8a", "#bae4bc", "#238b45")  # not covered, covered before, newly covered


@dataclass(frozen=True)
class SiteInputs:
    """The region's demand, the fixed and candidate site columns, and their distances."""

    demand: pd.DataFrame  # region counties with children
    columns: pd.DataFrame  # fixed sites first, then candidates
    distance_km: np.ndarray  # demand x columns
    fixed: np.ndarray  # column indices of existing sites within reach
    candidates: np.ndarray  # column indices of candidates


@dataclass(frozen=True)
class Plan:
    """Chosen new sites (column indices) of the optimization and of the naive pick, and coverage."""

    optimized: np.ndarray
    naive: np.ndarray
    covered_before: float
    covered_optimized: float
    covered_naive: float


def existing_sites(hospitals: pd.DataFrame, add: str) -> pd.DataFrame:
    """Sites of the scenario's kind that already exist in the hospitals' year (all of China)."""
    mask = hospitals["member"].astype(bool) if add == "members" else hospitals["nicu_beds"] > 0
    sites = hospitals[mask]
    return sites.assign(capacity=sites[CAPACITY[add]].astype(float))


def site_inputs(
    counties: pd.DataFrame,
    hospitals: pd.DataFrame,
    candidates: pd.DataFrame,
    region: str,
    add: str,
    radius_km: float,
) -> SiteInputs:
    """Demand counties of the region, fixed sites within the radius of one, and the candidates."""
    demand = with_children(in_scope(counties, region)).reset_index(drop=True)
    existing = existing_sites(hospitals, add)
    reach = acc.catchment_distance_matrix_km(
        demand["lon"], demand["lat"], existing["lon"], existing["lat"], radius_km
    )
    fixed = existing.iloc[np.unique(sparse_columns(reach))]
    fixed = fixed.assign(role="existing")[["hospital_id", "name", "lon", "lat", "role"]]
    extra = candidates.assign(role="candidate")
    columns = pd.concat([fixed, extra], ignore_index=True)
    distance = acc.distance_matrix_km(demand["lon"], demand["lat"], columns["lon"], columns["lat"])
    return SiteInputs(
        demand, columns, distance, np.arange(len(fixed)), np.arange(len(fixed), len(columns))
    )


def sparse_columns(matrix) -> np.ndarray:
    """Column index of every stored entry of a sparse matrix."""
    return matrix.tocoo().col


def solve_plan(inputs: SiteInputs, k: int, radius_km: float) -> Plan:
    """MCLP's k new sites (weighted by children, existing sites fixed) and the naive largest k."""
    weight = inputs.demand["children"].to_numpy(float)
    k = min(k, len(inputs.candidates))
    if k == 0:
        before = covered_weight(weight, inputs.distance_km, radius_km, inputs.fixed)
        empty = np.array([], dtype=np.intp)
        return Plan(empty, empty, before, before, before)
    result = solve_mclp(weight, inputs.distance_km, radius_km, k, inputs.fixed)
    beds = inputs.columns["beds"].fillna(0).to_numpy(float)
    naive = greedy_largest_sites(beds, k, inputs.fixed)
    naive_cover = covered_weight(weight, inputs.distance_km, radius_km, [*inputs.fixed, *naive])
    return Plan(
        result.new_sites,
        naive,
        result.covered_weight_before,
        result.covered_weight_after,
        naive_cover,
    )


def typical_capacity(hospitals: pd.DataFrame, add: str, region_counties: set) -> float:
    """Median capacity of the region's existing sites (all of China's when the region has none)."""
    existing = existing_sites(hospitals, add)
    local = existing[existing["county_adcode"].isin(region_counties)]
    return float((local if not local.empty else existing)["capacity"].median())


def region_access(
    counties: pd.DataFrame, supply: pd.DataFrame, region_codes: pd.Series, radius_km: float
) -> dict:
    """Child-weighted mean E2SFCA (per 1,000 children), Gini and Theil of the region's counties."""
    demand = with_children(counties).reset_index(drop=True)
    distance = acc.catchment_distance_matrix_km(
        demand["lon"], demand["lat"], supply["lon"], supply["lat"], radius_km
    )
    scores = acc.enhanced_two_step_fca(supply["capacity"], demand["children"], distance, radius_km)
    inside = demand["adcode"].isin(set(region_codes)).to_numpy()
    children = demand["children"].to_numpy(float)[inside]
    received = scores[inside] * children
    measures = {"access_per_1000": float(received.sum() / children.sum() * 1000.0)}
    if received.sum() <= 0:
        return measures | {"gini": np.nan, "theil": np.nan}
    return measures | {
        "gini": gini_coefficient(received, children),
        "theil": theil_index(received, children),
    }


def nicu_drive_shares(
    demand: pd.DataFrame, sites: pd.DataFrame, detour: pd.Series, pooled: float
) -> dict[str, float]:
    """Share of the region's children within 60 and 120 minutes' drive of a NICU site (the
    equity page's time-to-care model: detour fitted per province, speeds by road class)."""
    factor = demand["province_adcode"].map(detour).fillna(pooled).to_numpy(float)
    minutes = drive_time.nearest_drive_minutes(
        demand["lon"], demand["lat"], factor, sites["lon"], sites["lat"]
    )
    shares = drive_time.shares_within(demand["children"], minutes, NICU_BANDS_MIN)
    return {f"nicu_within_{band}": shares[band] for band in NICU_BANDS_MIN}


def plan_measures(
    counties: pd.DataFrame,
    hospitals: pd.DataFrame,
    inputs: SiteInputs,
    plan: Plan,
    add: str,
    radius_km: float,
    detour: pd.Series | None = None,
    pooled_detour: float = 1.33,
) -> pd.DataFrame:
    """Coverage, Gini, Theil, accessibility and NICU drive-time shares before and after each
    plan (rows = plans). detour: fitted road factor per province (time to care)."""
    total = float(inputs.demand["children"].sum())
    existing = existing_sites(hospitals, add)[["lon", "lat", "capacity"]]
    capacity = typical_capacity(hospitals, add, set(inputs.demand["adcode"]))
    covered = {
        "before": plan.covered_before,
        "optimized": plan.covered_optimized,
        "naive": plan.covered_naive,
    }
    chosen: dict[str, np.ndarray | list[int]] = {
        "before": [],
        "optimized": plan.optimized,
        "naive": plan.naive,
    }
    records = []
    for name in PLANS:
        new = inputs.columns.iloc[list(chosen[name])][["lon", "lat"]].assign(capacity=capacity)
        supply = pd.concat([existing, new], ignore_index=True)
        access = region_access(counties, supply, inputs.demand["adcode"], radius_km)
        nicu_sites = hospitals.loc[hospitals["nicu_beds"] > 0, ["lon", "lat"]]
        if add == "nicu":
            nicu_sites = pd.concat([nicu_sites, new[["lon", "lat"]]], ignore_index=True)
        access |= nicu_drive_shares(
            inputs.demand, nicu_sites, detour if detour is not None else pd.Series(), pooled_detour
        )
        records.append(
            {
                "plan": name,
                "sites_added": len(chosen[name]),
                "children_covered": covered[name],
                "coverage_share": covered[name] / total if total else np.nan,
                "new_site_capacity": capacity,
            }
            | access
        )
    return pd.DataFrame(records).set_index("plan")


def plan_scenario(
    counties: pd.DataFrame,
    hospitals: pd.DataFrame,
    candidates: pd.DataFrame,
    region: str,
    add: str,
    k: int,
    radius_km: float,
) -> tuple[SiteInputs, Plan, pd.DataFrame]:
    """The whole scenario from query results: inputs, chosen sites and measures."""
    inputs = site_inputs(counties, hospitals, candidates, region, add, radius_km)
    plan = solve_plan(inputs, k, radius_km)
    return inputs, plan, plan_measures(counties, hospitals, inputs, plan, add, radius_km)


def sites_table(inputs: SiteInputs, plan: Plan, radius_km: float, t: Callable) -> pd.DataFrame:
    """The chosen sites of both plans, with the children each reaches that were not covered."""
    weight = inputs.demand["children"].to_numpy(float)
    uncovered = ~(inputs.distance_km[:, inputs.fixed] <= radius_km).any(axis=1)
    rows = []
    for name in ("optimized", "naive"):
        for column in getattr(plan, name):
            site = inputs.columns.iloc[column]
            reach = uncovered & (inputs.distance_km[:, column] <= radius_km)
            rows.append(
                {
                    "hospital": site["name"],
                    "new_children": int(weight[reach].sum()),
                    "plan": t(f"planning_plan_{name}"),
                    "county": site["county_name"],
                    "city": site.get("city_name"),
                    "kind": t(f"kind_{site['kind']}"),
                    "beds": int(site["beds"]),
                    "physicians": int(site["physicians"]),
                    "hospital_id": site["hospital_id"],
                    "lon": site["lon"],
                    "lat": site["lat"],
                }
            )
    return pd.DataFrame(rows, columns=[column.key for column in SITE_COLUMNS])


# The chosen sites as shown: the hospital pinned, the children it newly reaches next.
SITE_COLUMNS = [
    Column("hospital", "planning_col_hospital", keep=True),
    Column("new_children", "planning_col_new_children", "integer", keep=True),
    Column("plan", "planning_col_plan", keep=True),
    Column("county", "planning_col_county"),
    Column("city", "planning_col_city"),
    Column("kind", "planning_col_kind"),
    *counts(("beds", "planning_col_beds"), ("physicians", "planning_col_physicians")),
    Column("hospital_id", "planning_col_hospital_id", keep=True),
    Column("lon", "planning_col_lon", "decimal", 4),
    Column("lat", "planning_col_lat", "decimal", 4),
]


MEASURE_KINDS = {
    "children_covered": ("integer", 0),
    "coverage_share": ("percent", 0),
    "gini": ("decimal", 4),
    "theil": ("decimal", 4),
    "access_per_1000": ("decimal", 3),
    "nicu_within_60": ("percent", 0),
    "nicu_within_120": ("percent", 0),
}


def summary_table(measures: pd.DataFrame, t: Callable) -> tuple[pd.DataFrame, list[Column]]:
    """Before / optimized / naive, one row per plan with its measures raw, and the columns: the
    plan pinned, the children covered next (t names the supply in the measures' labels). Every
    measure is kept, equal or not: the plans are compared."""
    table = measures[list(MEASURES)].reset_index(drop=True)
    table.insert(0, "plan", [t(f"planning_plan_{name}") for name in measures.index])
    columns = [Column("plan", "planning_col_plan", keep=True)] + [
        Column(m, "", kind, digits, keep=True, label=t(f"planning_measure_{m}"))
        for m, (kind, digits) in MEASURE_KINDS.items()
        if table[m].notna().any()  # the NICU bands only where NICU sites are planned
    ]
    return table, columns


SCENARIO_COLUMNS = [
    Column("item", "planning_col_item", keep=True),
    Column("value", "planning_col_value", keep=True),
]


def scenario_table(inputs: dict, t: Callable) -> pd.DataFrame:
    """The scenario's settings (scope, year, what is added, how many, radius, capacity, link):
    what reproduces it; its measures and sites are the two tables above."""
    return pd.DataFrame(
        {
            "item": [t(f"planning_input_{key}") for key in inputs],
            "value": [str(value) for value in inputs.values()],
        }
    )


def coverage_classes(inputs: SiteInputs, plan: Plan, radius_km: float) -> np.ndarray:
    """Per region county: 0 not covered, 1 covered before, 2 newly covered by the optimized plan."""
    before = (inputs.distance_km[:, inputs.fixed] <= radius_km).any(axis=1)
    open_sites = [*inputs.fixed, *plan.optimized]
    after = (inputs.distance_km[:, open_sites] <= radius_km).any(axis=1)
    return np.where(before, 1, np.where(after, 2, 0))


def plan_map(
    inputs: SiteInputs, plan: Plan, radius_km: float, features: dict, t: Callable, lang: str
) -> go.Figure:
    """County coverage choropleth with existing, optimized and naive sites on top."""
    classes = coverage_classes(inputs, plan, radius_km)
    labels = [t(f"planning_cover_{c}") for c in ("none", "before", "new")]
    hover = np.array(
        [f"<b>{n}</b><br>{labels[c]}" for n, c in zip(inputs.demand["name"], classes, strict=True)]
    )
    texts = {
        "no_data": t("no_data"),
        "legend": t("planning_map_legend", radius=radius_km),
        "lang": lang,
    }
    figure = map_traces.choropleth_figure(
        features, inputs.demand, classes, labels, list(COVER_COLORS), hover, texts
    )
    markers = (
        ("existing", inputs.columns.iloc[inputs.fixed], "#636363", "circle", 6),
        ("naive", inputs.columns.iloc[plan.naive], "#2171b5", "diamond", 13),
        ("optimized", inputs.columns.iloc[plan.optimized], "#d7301f", "star", 17),
    )
    for name, sites, color, symbol, size in markers:
        figure.add_trace(
            go.Scattergeo(
                lon=sites["lon"],
                lat=sites["lat"],
                mode="markers",
                name=t(f"planning_marker_{name}"),
                marker={
                    "color": color,
                    "symbol": symbol,
                    "size": size,
                    "line": {"width": 1, "color": "#fff"},
                },
                hovertext=sites["name"],
                hoverinfo="text",
            )
        )
    return map_traces.geo_layout(figure, legend_title=texts["legend"])
