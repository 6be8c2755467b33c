"""The alliances page's queries against the tiny literal database of tests/fixtures_alliances.py.

Expected rows are worked out by hand from the fixture: A's members in 2023 are H1 (core), H2 and
H4 (H3 left on 2023-06-30); B's are H5 (core), H6 and, since 2023-01-01, H2; C has only its core.
"""

import math

import pandas as pd
import pytest

from pedatlas import db
from tests.fixtures_alliances import build_alliance_db


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory):
    path = build_alliance_db(tmp_path_factory.mktemp("alliances") / "alliances.duckdb")
    connection = db.open_read_only(path)
    yield connection
    connection.close()


def plain(value):
    """Python values that compare by ==: dates as ISO text, missing as None."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def rows(connection, name: str, **params) -> list[tuple]:
    frame = db.run_query(connection, name, **params)
    return [tuple(plain(v) for v in row) for row in frame.itertuples(index=False)]


# fmt: off
def test_alliance_list_reported_first_then_by_listed_members(fixture_db):
    assert rows(fixture_db, "alliances/list") == [
        ("A", "甲联盟", "Alliance A", "H1", "甲儿童医院", "2019-01-01", "跨省", "专科联盟", "360100", "南昌市",
         "city", 10, "news", False, 2),
        ("B", "乙联盟（合成）", None, "H5", "戊儿童医院", "2018-01-01", "省内", "医联体", "340000", "安徽省",
         "province", None, "synthetic", True, 2),
        ("C", "丙联盟（合成）", "Alliance C", "H8", "辛儿童医院", "2016-01-01", "市内", "医联体", "420100", "武汉市",
         "city", 5, "synthetic", True, 0),
    ]


@pytest.mark.parametrize(("year", "expected"), [
    (2023, [("A", 2, 1, 2, 2, 3, 7000), ("B", 2, 0, 2, 2, 2, 6000), ("C", 0, 0, 1, 1, 1, 100)]),
    (2022, [("A", 3, 1, 2, 3, 4, 10000), ("B", 1, 0, 1, 1, 1, 4000), ("C", 0, 0, 1, 1, 1, 100)]),
    (2015, [("A", 0, 0, 0, 0, 0, 0), ("B", 0, 0, 0, 0, 0, 0), ("C", 0, 0, 0, 0, 0, 0)]),
])
def test_alliance_reach_counts_members_active_at_year_end(fixture_db, year, expected):
    assert rows(fixture_db, "alliances/reach", year=year) == expected


def test_alliance_activity_referrals_and_transports_of_one_year(fixture_db):
    # A sends 2, 3, 4 (H3 left before referral 5); touches 1, 2, 3, 4, 5, 8, 11: up 1, 2, 4, 5, down 3, 8.
    # B sends 2, 6, 7, 8; touches 2, 3, 4, 6, 7, 8: up 2, 4, 6, down 3, 7, 8.
    assert rows(fixture_db, "alliances/activity", year=2023) == [
        ("A", 3, 4, 2, 2, 170.5),
        ("B", 4, 3, 3, 1, 30.0),
        ("C", 0, 0, 0, 0, 0.0),
    ]


@pytest.mark.parametrize(("year", "expected"), [
    (2023, [("H1", "甲儿童医院", "儿童医院", "三级", "core", "核心", "2019-01-01", True, "360102", "东湖区", "南昌市", "江西省", 115.90, 28.70),
            ("H2", "乙人民医院", "综合医院", "二级", "member", "托管", "2020-03-01", True, "360103", "西湖区", "南昌市", "江西省", 115.88, 28.66),
            ("H4", "丁妇幼保健院", "妇幼保健院", "二级", "协作医院", "科室共建", "2022-01-01", False, "340102", "瑶海区", "合肥市", "安徽省", 117.31, 31.91)]),
    (2020, [("H1", "甲儿童医院", "儿童医院", "三级", "core", "核心", "2019-01-01", True, "360102", "东湖区", "南昌市", "江西省", 115.90, 28.70),
            ("H2", "乙人民医院", "综合医院", "二级", "member", "托管", "2020-03-01", True, "360103", "西湖区", "南昌市", "江西省", 115.88, 28.66)]),
    (2018, []),
])
def test_alliance_member_list_core_first_then_by_joining(fixture_db, year, expected):
    assert rows(fixture_db, "alliances/member_list", alliance="A", year=year) == expected


@pytest.mark.parametrize(("alliance", "expected"), [
    # cross-province: the home city's counties plus every county of the provinces reached
    ("A", [("340102", "瑶海区", "340000", "340100", "合肥市", 4000, 100.0, 40.0, 1, False),
           ("360102", "东湖区", "360000", "360100", "南昌市", 1000, 10.0, 100.0, 1, True),
           ("360103", "西湖区", "360000", "360100", "南昌市", 2000, 40.0, 50.0, 1, True),
           ("360104", "青云谱区", "360000", "360100", "南昌市", 500, 5.0, 100.0, 0, True),
           ("360202", "昌江区", "360000", "360200", "景德镇市", 3000, 300.0, 10.0, 0, False)]),
    # within a province: the home province plus the county of a member outside it
    ("B", [("340102", "瑶海区", "340000", "340100", "合肥市", 4000, 100.0, 40.0, 2, True),
           ("360103", "西湖区", "360000", "360100", "南昌市", 2000, 40.0, 50.0, 1, False)]),
    ("C", [("420102", "江岸区", "420000", "420100", "武汉市", 100, 1.0, 100.0, 1, True)]),
])
def test_alliance_map_counties_home_region_and_reach(fixture_db, alliance, expected):
    assert rows(fixture_db, "alliances/map_counties", alliance=alliance, year=2023) == expected


@pytest.mark.parametrize(("alliance", "expected"), [
    ("A", [(2019, 0, 0, 0), (2020, 1, 0, 1), (2021, 1, 0, 2), (2022, 1, 0, 3), (2023, 0, 1, 2), (2024, 0, 0, 2)]),
    ("C", [(year, 0, 0, 0) for year in range(2016, 2025)]),
])
def test_alliance_growth_joining_leaving_and_year_end_members(fixture_db, alliance, expected):
    assert rows(fixture_db, "alliances/growth", alliance=alliance) == expected


@pytest.mark.parametrize(("alliance", "expected"), [
    ("A", [(2020, "expert_clinic", 5), (2021, "lecture", 1), (2021, "trainee", 4)]),
    ("B", [(2020, "technique", 5)]),
    ("C", []),
])
def test_alliance_outreach_sums_by_year_and_activity(fixture_db, alliance, expected):
    assert rows(fixture_db, "alliances/outreach", alliance=alliance) == expected
# fmt: on
