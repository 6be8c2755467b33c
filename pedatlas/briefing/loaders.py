"""Data the briefing sections need, one loader per key, each fetched through named queries.

A loader gets run(name, **params) -> DataFrame (the app passes its cached data.query, the CLI a
runner bound to one read-only connection) and the resolved scope. Loaders only fetch and
reshape; they decide nothing the reader sees.
"""

from collections.abc import Callable
from typing import Any

import pandas as pd

from pedatlas import geometry
from pedatlas.briefing.model import Scope
from pedatlas.scope import child_level

QueryRunner = Callable[..., pd.DataFrame]

# Query file names in one place (queries/ is being regrouped into folders).
QUERY = {
    "region_list": "common/region_list",
    "resource_years": "common/resource_years",
    "scope_summary": "overview/scope_summary",
    "targets": "common/targets",
    "region_resources": "resource_map/region_resources",
    "shapes": "common/shapes",
    "alliance_list": "alliances/list",
    "alliance_reach": "alliances/reach",
    "referral_shares": "referrals/shares",
    "transport_summary": "transport/summary",
    "equity_county_resources": "equity/county_resources",
    "build_info": "briefing/build_info",
    "equity_hospitals": "equity/hospitals",
    "detour_fits": "equity/detour_fits",
    "county_clusters": "equity/county_clusters",
    "county_neighbours": "equity/county_neighbours",
}


def run_named(run: QueryRunner, key: str, **params) -> pd.DataFrame:
    """Run the query registered under key."""
    return run(QUERY[key], **params)


def summaries(run: QueryRunner, scope: Scope) -> dict[int, pd.Series]:
    """scope_summary rows for the year, the previous year and the base year."""
    years = {scope.year, scope.base_year} | ({scope.previous_year} - {None})
    return {
        year: run_named(run, "scope_summary", year=year, scope=scope.region).iloc[0]
        for year in sorted(y for y in years if y is not None)
    }


def targets(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    return run_named(run, "targets")


def map_units(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """Resources per unit one level below the scope (provinces of China, cities of a province...)."""
    level = child_level(scope.level)
    return run_named(run, "region_resources", year=scope.year, level=level, scope=scope.region)


def base_units(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """map_units in the base year (for the change since then)."""
    level = child_level(scope.level)
    return run_named(run, "region_resources", year=scope.base_year, level=level, scope=scope.region)


def map_shapes(run: QueryRunner, scope: Scope) -> dict[str, dict]:
    """Boundaries of the map: the units, and for China the context areas and the sea line."""
    level = child_level(scope.level)
    layer = "county_fine" if level == "county" else level
    shapes = {"units": run_named(run, "shapes", layer=layer, scope=scope.region)}
    if scope.level == "national":
        shapes["context"] = run_named(run, "shapes", layer="context", scope="")
        shapes["sea_line"] = run_named(run, "shapes", layer="sea_line", scope="")
    return {name: geometry.feature_collection(frame) for name, frame in shapes.items()}


def counties(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """Every county of the scope with its resources in the year."""
    return run_named(run, "region_resources", year=scope.year, level="county", scope=scope.region)


def regions(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    return run_named(run, "region_list")


def alliances(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """Every alliance with its home region and its reach at the end of the year."""
    listed = run_named(run, "alliance_list")
    reach = run_named(run, "alliance_reach", year=scope.year)
    return listed.merge(reach, on="alliance_id", how="left")


def referral_shares(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    return run_named(
        run, "referral_shares", year=scope.year, scope=scope.region, alliance="", hospital=""
    )


def transport_summary(run: QueryRunner, scope: Scope) -> pd.Series:
    frame = run_named(run, "transport_summary", year=scope.year, scope=scope.region, centre="")
    return frame.iloc[0]


def county_years(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """Every county of the scope in every year (for equity indices now and in the base year)."""
    return run_named(run, "equity_county_resources", scope=scope.region)


def equity_hospitals(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """Every hospital of China with its resources in the year (care sites may lie outside a scope)."""
    return run_named(run, "equity_hospitals", year=scope.year)


def detour_fits(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """The road detour factors fitted on the recorded transfer routes (with the database)."""
    return run_named(run, "detour_fits")


def national_clusters(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """The stored national LISA of the shortage score for the year (empty below the nation: a
    province's or city's hot spots are computed over the scope itself)."""
    if scope.level != "national":
        return pd.DataFrame()
    return run_named(run, "county_clusters", year=scope.year, measure="shortage")


def county_shapes(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """County boundaries of the scope (contiguity for the hot spots)."""
    return run_named(run, "shapes", layer="county", scope=scope.region)


def county_features(run: QueryRunner, scope: Scope) -> dict:
    """The same counties as a FeatureCollection for the cluster map."""
    return geometry.feature_collection(county_shapes(run, scope))


def county_neighbours(run: QueryRunner, scope: Scope) -> pd.DataFrame:
    """The county contiguity of all China, computed when the database was built or imported."""
    return run_named(run, "county_neighbours")


def build_info(run: QueryRunner, scope: Scope) -> dict[str, str]:
    frame = run_named(run, "build_info")
    return dict(zip(frame["key"], frame["value"], strict=True))


LOADERS: dict[str, Callable[[QueryRunner, Scope], Any]] = {
    "summaries": summaries,
    "targets": targets,
    "map_units": map_units,
    "base_units": base_units,
    "map_shapes": map_shapes,
    "counties": counties,
    "regions": regions,
    "alliances": alliances,
    "referral_shares": referral_shares,
    "transport_summary": transport_summary,
    "county_years": county_years,
    "build_info": build_info,
    "equity_hospitals": equity_hospitals,
    "detour_fits": detour_fits,
    "national_clusters": national_clusters,
    "county_shapes": county_shapes,
    "county_features": county_features,
    "county_neighbours": county_neighbours,
}
