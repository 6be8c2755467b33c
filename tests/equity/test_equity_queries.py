"""Equity and planning queries (and the views built on them) against a tiny literal database."""

from fractions import Fraction

import duckdb
import numpy as np
import pytest

from pedatlas import db
from pedatlas.equity import builders as ev
from pedatlas.paths import SCHEMA_SQL

# adcode, name, level, parent, province, city, lon, lat, area, pop_total, pop_0_14, urban_pop
# fmt: off
REGIONS = [
    ("630000", "青海省", "province", None, "630000", None, 101.78, 36.62, 720000.0, 1120000, 210000, 820000),
    ("630100", "西宁市", "city", "630000", "630000", "630100", 101.78, 36.62, 7600.0, 900000, 170000, 640000),
    ("630102", "城东区", "county", "630100", "630000", "630100", 101.80, 36.60, 115.0, 500000, 80000, 490000),
    ("630121", "大通县", "county", "630100", "630000", "630100", 101.68, 36.93, 3090.0, 400000, 90000, 150000),
    ("632800", "海西州", "city", "630000", "630000", "632800", 94.90, 36.40, 300000.0, 220000, 40000, 180000),
    ("632801", "格尔木市", "county", "632800", "630000", "632800", 94.90, 36.40, 119000.0, 220000, 40000, 180000),
    ("640000", "宁夏回族自治区", "province", None, "640000", None, 106.28, 38.47, 66000.0, 800000, 130000, 700000),
    ("640100", "银川市", "city", "640000", "640000", "640100", 106.28, 38.47, 9000.0, 800000, 130000, 700000),
    ("640104", "兴庆区", "county", "640100", "640000", "640100", 106.28, 38.47, 760.0, 800000, 130000, 700000),
    ("640105", "西夏区", "county", "640100", "640000", "640100", 106.13, 38.49, 1100.0, None, None, None),
]
# id, name, kind, tier, county, lon, lat, national_centre
HOSPITALS = [
    ("H1", "青海省妇女儿童医院", "儿童医院", "三级", "630102", 101.80, 36.60, False),
    ("H2", "城东区妇幼保健院", "妇幼保健院", "二级", "630102", 101.81, 36.61, False),
    ("H3", "大通县人民医院", "综合医院", "二级", "630121", 101.68, 36.93, False),
    ("H4", "大通县妇幼保健院", "妇幼保健院", "二级", "630121", 101.69, 36.92, False),
    ("H5", "格尔木市人民医院", "综合医院", "二级", "632801", 94.90, 36.40, False),
    ("H6", "宁夏医科大学总医院", "综合医院", "三级", "640104", 106.28, 38.47, True),
    ("H7", "格尔木市郭勒木德镇卫生院", "乡镇卫生院", "一级", "632801", 94.95, 36.42, False),
    ("H8", "兴庆区妇幼保健院", "妇幼保健院", "二级", "640104", 106.29, 38.46, False),
]
# hospital, year, physicians, nurses, beds, nicu, picu
RESOURCES = [
    ("H1", 2022, 100, 150, 400, 50, 20), ("H1", 2023, 110, 160, 420, 55, 22),
    ("H2", 2022, 10, 15, 30, 2, 0), ("H2", 2023, 12, 18, 32, 2, 0),
    ("H3", 2022, 8, 12, 25, 0, 0), ("H3", 2023, 9, 13, 26, 0, 0),
    ("H4", 2022, 3, 5, 10, 0, 0), ("H4", 2023, 4, 6, 12, 0, 0),
    ("H5", 2022, 6, 9, 20, 0, 0), ("H5", 2023, 5, 8, 18, 0, 0),
    ("H6", 2022, 60, 90, 200, 10, 4), ("H6", 2023, 62, 95, 210, 10, 5),
    ("H7", 2022, 0, 0, 0, 0, 0), ("H7", 2023, 1, 1, 0, 0, 0),
    ("H8", 2022, 5, 8, 20, 3, 0), ("H8", 2023, 5, 8, 20, 0, 0),
]
ALLIANCES = [
    ("QH", "青海省儿科医疗联合体", None, "H1", "2016-05-01", "省内", "医联体", "630000", None, "test", False),
    ("NX", "宁夏儿科联盟", None, "H6", "2018-01-01", "省内", "专科联盟", "640000", 5, "test", True),
]
# alliance, hospital, role, cooperation, joined_on, left_on
MEMBERS = [
    ("QH", "H1", "core", "核心", "2016-05-01", None),
    ("QH", "H3", "member", "普通成员", "2020-03-01", None),
    ("QH", "H5", "member", "普通成员", "2019-01-01", "2023-06-30"),  # left during 2023
    ("NX", "H6", "core", "核心", "2018-01-01", None),
    ("NX", "H8", "member", "科室共建", "2024-02-01", None),  # joins after 2023
]
# fmt: on


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory):
    """A read-only connection to the literal database (schema.sql + the rows above)."""
    path = tmp_path_factory.mktemp("equity") / "equity.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    connection.executemany(
        "INSERT INTO regions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test')", REGIONS
    )
    connection.executemany(
        "INSERT INTO hospitals (hospital_id, name, kind, tier, county_adcode, lon, lat, national_centre,"
        " ped_physicians, ped_nurses, ped_beds, nicu_beds, picu_beds, is_synthetic, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, true, 'test')",
        HOSPITALS,
    )
    connection.executemany(
        "INSERT INTO hospital_resources VALUES (?, ?, ?, ?, ?, ?, ?, true)", RESOURCES
    )
    connection.executemany(
        "INSERT INTO alliances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ALLIANCES
    )
    connection.executemany(
        "INSERT INTO alliance_members VALUES (?, ?, ?, ?, ?, ?, false, true)", MEMBERS
    )
    connection.close()
    reader = db.open_read_only(path)
    yield reader
    reader.close()


def rows(connection, name: str, **params) -> list[tuple]:
    return [tuple(row) for row in db.run_query(connection, name, **params).itertuples(index=False)]


def test_county_resources_of_a_province_every_year(fixture_db):
    # year, adcode, name, province, city, lon, lat, pop, children, urban, phys, beds, nicu, picu
    # fmt: off
    assert rows(fixture_db, "equity/county_resources", scope="630000") == [
        (2022, "630102", "城东区", "630000", "630100", 101.80, 36.60, 500000, 80000, 490000, 110, 430, 52, 20),
        (2022, "630121", "大通县", "630000", "630100", 101.68, 36.93, 400000, 90000, 150000, 11, 35, 0, 0),
        (2022, "632801", "格尔木市", "630000", "632800", 94.90, 36.40, 220000, 40000, 180000, 6, 20, 0, 0),
        (2023, "630102", "城东区", "630000", "630100", 101.80, 36.60, 500000, 80000, 490000, 122, 452, 57, 22),
        (2023, "630121", "大通县", "630000", "630100", 101.68, 36.93, 400000, 90000, 150000, 13, 38, 0, 0),
        (2023, "632801", "格尔木市", "630000", "632800", 94.90, 36.40, 220000, 40000, 180000, 6, 18, 0, 0),
    ]
    # fmt: on


def test_county_resources_keep_counties_without_hospitals_or_children(fixture_db):
    result = db.run_query(fixture_db, "equity/county_resources", scope="640000")
    xixia = result[result["adcode"] == "640105"]
    assert list(xixia["year"]) == [2022, 2023]
    assert xixia["children"].isna().all()
    assert (xixia[["physicians", "beds", "nicu_beds", "picu_beds"]] == 0).all().all()


@pytest.mark.parametrize(
    ("scope", "counties"),
    [("", 5), ("630000", 3), ("632800", 1), ("640100", 2)],
)
def test_county_resources_scope_filter(fixture_db, scope, counties):
    result = db.run_query(fixture_db, "equity/county_resources", scope=scope)
    assert len(result) == 2 * counties


def test_hospitals_of_2023_with_site_flags(fixture_db):
    # id, name, kind, tier, county, lon, lat, phys, beds, nicu, picu, tertiary centre, member
    # fmt: off
    assert rows(fixture_db, "equity/hospitals", year=2023) == [
        ("H1", "青海省妇女儿童医院", "儿童医院", "三级", "630102", 101.80, 36.60, 110, 420, 55, 22, True, True),
        ("H2", "城东区妇幼保健院", "妇幼保健院", "二级", "630102", 101.81, 36.61, 12, 32, 2, 0, False, False),
        ("H3", "大通县人民医院", "综合医院", "二级", "630121", 101.68, 36.93, 9, 26, 0, 0, False, True),
        ("H4", "大通县妇幼保健院", "妇幼保健院", "二级", "630121", 101.69, 36.92, 4, 12, 0, 0, False, False),
        ("H5", "格尔木市人民医院", "综合医院", "二级", "632801", 94.90, 36.40, 5, 18, 0, 0, False, False),
        ("H6", "宁夏医科大学总医院", "综合医院", "三级", "640104", 106.28, 38.47, 62, 210, 10, 5, True, True),
        ("H7", "格尔木市郭勒木德镇卫生院", "乡镇卫生院", "一级", "632801", 94.95, 36.42, 1, 0, 0, 0, False, False),
        ("H8", "兴庆区妇幼保健院", "妇幼保健院", "二级", "640104", 106.29, 38.46, 5, 20, 0, 0, False, False),
    ]
    # fmt: on


def test_hospitals_membership_follows_joining_and_leaving_dates(fixture_db):
    result = db.run_query(fixture_db, "equity/hospitals", year=2022)
    assert list(result.loc[result["member"], "hospital_id"]) == ["H1", "H3", "H5", "H6"]


@pytest.mark.parametrize(
    ("year", "scope", "add", "expected"),
    [
        (2023, "630000", "members", ["H2", "H4", "H5"]),
        (2022, "630000", "members", ["H2", "H4"]),
        (2023, "630000", "nicu", ["H3", "H4", "H5"]),
        (2023, "640000", "nicu", ["H8"]),
        (2022, "640000", "nicu", []),
        (2023, "630100", "members", ["H2", "H4"]),
        (2023, "", "members", ["H2", "H4", "H5", "H8"]),
        (2023, "630000", "other", []),
    ],
)
def test_planning_candidates(fixture_db, year, scope, add, expected):
    result = db.run_query(fixture_db, "planning/candidates", year=year, scope=scope, add=add)
    assert list(result["hospital_id"]) == expected


def test_planning_candidate_row(fixture_db):
    result = rows(fixture_db, "planning/candidates", year=2023, scope="630000", add="nicu")
    assert result[1] == (
        "H4",
        "大通县妇幼保健院",
        "妇幼保健院",
        "二级",
        "630121",
        "大通县",
        "西宁市",  # the county's city (the planning sites table names it)
        101.69,
        36.92,
        4,
        12,
        0,
    )


def test_gini_and_theil_by_year_from_the_fixture(fixture_db):
    county_rows = db.run_query(fixture_db, "equity/county_resources", scope="630000")
    trend = ev.inequality_by_year(county_rows, "physicians", "county", "city_adcode")
    # 2023 physicians against children: 大通 13/90000 < 格尔木 6/40000 < 城东 122/80000
    x = [Fraction(90, 210), Fraction(130, 210), Fraction(1)]
    y = [Fraction(13, 141), Fraction(19, 141), Fraction(1)]
    area = x[0] * y[0] + (x[1] - x[0]) * (y[1] + y[0]) + (x[2] - x[1]) * (y[2] + y[1])
    row = trend[trend["year"] == 2023].iloc[0]
    assert row["gini"] == pytest.approx(float(1 - area), abs=1e-12)
    w = np.array([122, 13, 6]) / 141
    n = np.array([80000, 90000, 40000]) / 210000
    assert row["theil"] == pytest.approx(float(np.sum(w * np.log(w / n))), abs=1e-12)
    xining_w, xining_n = (122 + 13) / 141, 170000 / 210000
    between = xining_w * np.log(xining_w / xining_n) + w[2] * np.log(w[2] / n[2])
    assert row["between"] == pytest.approx(between, abs=1e-12)
    assert row["between"] + row["within"] == pytest.approx(row["theil"], abs=1e-12)


def test_city_level_gini_sums_counties_into_cities(fixture_db):
    county_rows = db.run_query(fixture_db, "equity/county_resources", scope="630000")
    names = {"630100": "西宁市", "632800": "海西州"}
    units = ev.unit_totals(county_rows[county_rows["year"] == 2023], "city", "physicians", names)
    assert list(units.itertuples(index=False, name=None)) == [
        ("630100", "西宁市", 170000, 135),
        ("632800", "海西州", 40000, 6),
    ]


def test_coverage_shares_of_the_fixture_province(fixture_db):
    counties = ev.year_rows(db.run_query(fixture_db, "equity/county_resources", scope=""), 2023)
    hospitals = db.run_query(fixture_db, "equity/hospitals", year=2023)
    shares = ev.coverage_shares(counties, hospitals, "630000").set_index("site_type")
    # Tertiary centre H1 sits on 城东's point; 大通 is about 38 km away, 格尔木 over 600 km.
    assert shares.loc["tertiary_centre", "sites"] == 1
    for km in (50, 100, 200):
        assert shares.loc["tertiary_centre", f"within_{km}"] == pytest.approx(170000 / 210000)
    # Members in 2023: H1 (城东) and H3 (on 大通's point); 格尔木's member H5 left mid-2023.
    assert shares.loc["member", "sites"] == 2
    assert shares.loc["member", "within_50"] == pytest.approx(170000 / 210000)
    # NICU: H1 and H2 in 城东 only.
    assert shares.loc["nicu", "sites"] == 2


def test_shortage_ranking_of_the_fixture_province(fixture_db):
    counties = ev.year_rows(db.run_query(fixture_db, "equity/county_resources", scope=""), 2023)
    hospitals = db.run_query(fixture_db, "equity/hospitals", year=2023)
    worst = ev.shortage_ranking(counties, hospitals, "630000", 10)
    # 格尔木: 40000/6 = 6,667 children per physician (8), > 100 km from H1/H2/H6 (5),
    # children 18.2% (1), rural 18.2% (0) -> 14. 大通: 90000/13 = 6,923 (8), about 38 km (1),
    # children 22.5% (2), rural 62.5% (2) -> 13. 城东: 80000/122 = 656 (0), 0 km (0), 16% (0),
    # rural 2% (0) -> 0.
    assert list(worst["adcode"]) == ["632801", "630121", "630102"]
    assert list(worst["score"]) == [14, 13, 0]
