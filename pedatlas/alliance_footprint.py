"""The region an alliance's recruitment gap is measured over (pure).

An alliance whose members all lie in its home region (a province or a city) is measured over that
region. An alliance reaching beyond it (淮海经济区儿科联盟: home 徐州市, members in 11 cities of 4
provinces) is measured over its footprint: the home region plus every prefecture-level city that
holds one of its members. Counties of that region without a member are the gap.
"""

import pandas as pd


def gap_region(counties: pd.DataFrame) -> pd.Series:
    """Which counties (rows of alliance_map_counties) the gap is measured over."""
    member_cities = set(counties.loc[counties["members"] > 0, "city_adcode"])
    return counties["in_home"].astype(bool) | counties["city_adcode"].isin(member_cities)


def reaches_beyond_home(counties: pd.DataFrame) -> bool:
    """Whether any member lies outside the home region."""
    return bool(((counties["members"] > 0) & ~counties["in_home"].astype(bool)).any())


def region_summary(counties: pd.DataFrame) -> dict:
    """The gap region in numbers: kind ('home' or 'footprint'), its cities and provinces."""
    region = counties.loc[gap_region(counties)]
    return {
        "kind": "footprint" if reaches_beyond_home(counties) else "home",
        "cities": region["city_adcode"].nunique(),
        "provinces": region["province_adcode"].nunique(),
    }


def recruitment_gap(counties: pd.DataFrame) -> pd.DataFrame:
    """Counties of the gap region without a member, most children first."""
    gap = counties.loc[gap_region(counties) & (counties["members"] == 0)]
    gap = gap.sort_values(["children", "adcode"], ascending=[False, True], na_position="last")
    columns = ["adcode", "name", "city_name", "children", "children_per_km2"]
    return gap[columns].reset_index(drop=True)


def region_coverage(counties: pd.DataFrame) -> dict:
    """Counties of the gap region, those with a member, and the children in the gap."""
    region = counties.loc[gap_region(counties)]
    gap = region.loc[region["members"] == 0]
    return {
        "counties": len(region),
        "covered": int((region["members"] > 0).sum()),
        "gap": len(gap),
        "gap_children": int(gap["children"].fillna(0).sum()),
    }
