"""The census crosswalk: explicit table, zone folding, apportioning (hand-computed cases)."""

import numpy as np
import pandas as pd
import pytest

from pedatlas.build import census


def test_apportion_adds_up_exactly_by_largest_remainder():
    # 10 split 1:1:1 -> 3.33 each; the first largest remainder gets the extra one.
    assert census._apportion(10, np.array([1 / 3, 1 / 3, 1 / 3])).tolist() == [4, 3, 3]
    # 7 x (.5, .25, .25) = 3.5, 1.75, 1.75: floors 3, 1, 1; the two extra go to the .75 remainders.
    assert census._apportion(7, np.array([0.5, 0.25, 0.25])).tolist() == [3, 2, 2]


@pytest.mark.parametrize(
    ("code", "zone"), [("130171", True), ("130102", False), (None, True), ("632857", False)]
)
def test_development_zone_codes(code, zone):
    assert census.is_development_zone(code) is zone


def tiny_counties():
    return pd.DataFrame(
        {
            "adcode": ["110101", "110102", "110103"],
            "city_adcode": ["110100"] * 3,
            "province": ["北京市"] * 3,
            "city": ["北京市"] * 3,
            "area_km2": [10.0, 30.0, 60.0],
        }
    )


def tiny_census(rows):
    frame = pd.DataFrame(
        rows,
        columns=[
            "census_code",
            "province",
            "city",
            "county",
            "level",
            "pop_total",
            "pop_0_14",
            "urban_pop",
        ],
    )
    return frame


def test_county_population_direct_split_and_zone():
    rows = [
        ("110101", "北京市", "北京市", "甲区", "county", 1000, 100, 900),
        ("110199", "北京市", "北京市", "乙区旧", "county", 2000, 200, 1000),
        ("110171", "北京市", "北京市", "开发区", "county", 300, 30, 300),
    ]
    crosswalk = pd.DataFrame(
        {
            "census_code": ["110199", "110199"],
            "adcode": ["110102", "110103"],
            "share": [np.nan, np.nan],
        }
    )
    report = census.CensusReport()
    result = census.county_population(tiny_census(rows), crosswalk, tiny_counties(), report)
    # 乙区旧 splits by area 30:60 -> 200 children as 66.7/133.3 -> 67/133.
    # Then the zone's 30 children fold by child population 100:67:133 -> 10/6.7/13.3 -> 10/7/13.
    assert result["pop_0_14"].tolist() == [110, 74, 146]
    assert result["pop_0_14"].sum() == 330
    assert report.direct == 1 and len(report.zones_folded) == 1


def test_unplaced_census_county_stops_the_build():
    rows = [("110199", "北京市", "北京市", "消失区", "county", 10, 1, 1)]
    empty = pd.DataFrame(columns=["census_code", "adcode", "share"])
    with pytest.raises(census.CensusError, match="110199 消失区"):
        census.county_population(tiny_census(rows), empty, tiny_counties())


def test_crosswalk_file_targets_are_current_codes(demo):
    current = {r[0] for r in demo.execute("SELECT adcode FROM regions").fetchall()}
    crosswalk = census.read_crosswalk()
    assert set(crosswalk["adcode"]) <= current
    counties = {
        r[0] for r in demo.execute("SELECT adcode FROM regions WHERE level = 'county'").fetchall()
    }
    # A census county code that is still current (余杭区, split in 2021) keeps part of its people.
    for code, targets in crosswalk.groupby("census_code"):
        assert code not in counties or code in set(targets["adcode"]), code
