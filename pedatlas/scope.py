"""Scopes and levels: national -> province -> city -> county, and which boundary layer draws what."""

import pandas as pd

LEVEL_ORDER = ("national", "province", "city", "county")


def scope_level(region: str, regions: pd.DataFrame) -> str:
    """'national', 'province' or 'city' for a scope code (province-administered counties count as cities)."""
    if not region:
        return "national"
    level = regions.loc[regions["adcode"] == region, "level"]
    if level.empty:
        return "national"
    return "province" if level.iloc[0] == "province" else "city"


def child_level(level: str) -> str:
    """The level one below (national -> province ... city -> county)."""
    return LEVEL_ORDER[min(LEVEL_ORDER.index(level) + 1, len(LEVEL_ORDER) - 1)]


def levels_below(level: str) -> tuple[str, ...]:
    """Map levels that can be drawn inside a scope of this level."""
    return LEVEL_ORDER[LEVEL_ORDER.index(level) + 1 :]


def boundary_layer(scope: str, level: str) -> str:
    """The stored shape layer for drawing level inside scope (finer counties on drill-down)."""
    if level == "county":
        return "county" if scope == "national" else "county_fine"
    return level


def parent_chain(region: str, regions: pd.DataFrame) -> list[tuple[str, str]]:
    """[(adcode, name), ...] from the country down to region, for the breadcrumb."""
    chain = []
    names = regions.set_index("adcode")
    code = region
    while code and code in names.index:
        chain.append((code, names.at[code, "name"]))
        parent = names.at[code, "parent_adcode"]
        code = parent if isinstance(parent, str) else ""
    return [("", "")] + chain[::-1]


def is_municipality(region: str, regions: pd.DataFrame) -> bool:
    """A province-level scope with a single prefecture-level unit (北京, 天津, 上海, 重庆).

    One level below such a scope is its districts: its one 'city' would draw as a single blob.
    """
    if scope_level(region, regions) != "province":
        return False
    return int((regions["parent_adcode"] == region).sum()) == 1


def levels_inside(region: str, regions: pd.DataFrame) -> tuple[str, ...]:
    """Map levels that can be drawn inside a scope, the first being 'one level below'.

    A municipality skips its single city level and goes straight to its districts.
    """
    if is_municipality(region, regions):
        return ("county",)
    return levels_below(scope_level(region, regions))


def level_below(region: str, regions: pd.DataFrame) -> str:
    """The level one below a scope (a municipality's districts, not its one city)."""
    return levels_inside(region, regions)[0]
