"""Every query of the shell, overview and map against the tiny fixture, with exact expected rows."""

import pytest

from pedatlas import db
from tests.fixtures_core import build_core_fixture


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    path = build_core_fixture(tmp_path_factory.mktemp("core") / "tiny.duckdb")
    connection = db.open_read_only(path)
    yield connection
    connection.close()


def records(frame) -> list[tuple]:
    return [
        tuple(None if value != value else value for value in row)
        for row in frame.itertuples(index=False)
    ]


def test_region_list_is_provinces_and_cities(tiny):
    frame = db.run_query(tiny, "common/region_list")
    assert list(frame["adcode"]) == ["140000", "140100", "360000", "360100", "360400"]
    assert list(frame["parent_adcode"].fillna("")) == ["", "140000", "", "360000", "360000"]


def test_resource_years_newest_first(tiny):
    assert list(db.run_query(tiny, "common/resource_years")["year"]) == [2024, 2023]


def test_targets_rows(tiny):
    assert records(db.run_query(tiny, "common/targets")[["indicator", "year", "value"]]) == [
        ("ped_physicians_per_1000", 2025, 0.87)
    ]


@pytest.mark.parametrize(
    ("layer", "scope", "expected"),
    [
        ("province", "", ["140000", "360000"]),
        ("city", "360000", ["360100", "360400"]),
        ("county_fine", "360100", ["360102", "360103"]),
        ("county_fine", "140000", ["140105"]),
    ],
)
def test_shapes_within_scope(tiny, layer, scope, expected):
    assert list(db.run_query(tiny, "common/shapes", layer=layer, scope=scope)["adcode"]) == expected


COLUMNS = [
    "adcode",
    "name",
    "counties",
    "children",
    "hospitals",
    "physicians",
    "beds",
    "icu_beds",
    "member_hospitals",
    "counties_with_member",
    "children_covered",
]


def test_region_resources_by_province_2024(tiny):
    frame = db.run_query(
        tiny, "resource_map/region_resources", year=2024, level="province", scope=""
    )
    # 江西: H1 110 + H2 12 + H3 2 + H5 1 physicians; beds 330+36+4+0; ICU 24+12; members H1,H2,H3 in 3 counties.
    assert records(frame[COLUMNS]) == [
        ("140000", "山西省", 1, 300, 1, 21, 60, 2, 0, 0, 0),
        ("360000", "江西省", 3, 1200, 4, 125, 370, 36, 3, 3, 1200),
    ]


def test_region_resources_by_county_in_a_city_2023(tiny):
    frame = db.run_query(
        tiny, "resource_map/region_resources", year=2023, level="county", scope="360100"
    )
    # H3 joined in 2024, so in 2023 only 东湖区 (H1) and 西湖区 (H2) have members.
    assert records(frame[COLUMNS]) == [
        ("360102", "东湖区", 1, 600, 2, 101, 300, 30, 1, 1, 600),
        ("360103", "西湖区", 1, 400, 1, 10, 30, 0, 1, 1, 400),
    ]


def test_scope_summary_national_2024(tiny):
    row = db.run_query(tiny, "overview/scope_summary", year=2024, scope="").iloc[0]
    assert (
        row["children"],
        row["physicians"],
        row["beds"],
        row["nicu_beds"],
        row["picu_beds"],
    ) == (1500, 146, 430, 26, 12)
    assert (
        row["alliances"],
        row["member_hospitals"],
        row["counties_with_member"],
        row["children_covered"],
    ) == (1, 3, 3, 1200)
    assert (row["referrals_up"], row["referrals_down"], row["referrals_lateral"]) == (4, 1, 0)
    assert (row["transfers"], row["transfer_km"]) == (2, 300.0)


def test_scope_summary_counts_referrals_on_the_patients_side(tiny):
    # 九江市: H3 sent one referral up and received one back down; H1's own patients are elsewhere.
    row = db.run_query(tiny, "overview/scope_summary", year=2024, scope="360400").iloc[0]
    assert (row["referrals_up"], row["referrals_down"], row["transfers"], row["transfer_km"]) == (
        1,
        1,
        1,
        180.0,
    )
    row = db.run_query(tiny, "overview/scope_summary", year=2024, scope="140000").iloc[0]
    assert (row["referrals_up"], row["referrals_down"], row["alliances"]) == (1, 0, 0)


@pytest.mark.parametrize(
    ("scope", "min_tier", "expected"),
    [
        ("", "三级", ["H1"]),
        ("", "二级", ["H1", "H2", "H4"]),
        ("360000", "", ["H1", "H2", "H3", "H5"]),
    ],
)
def test_map_hospitals_by_scope_and_tier(tiny, scope, min_tier, expected):
    frame = db.run_query(tiny, "resource_map/hospitals", year=2024, scope=scope, min_tier=min_tier)
    assert list(frame["hospital_id"]) == expected


def test_map_hospitals_names_alliances(tiny):
    frame = db.run_query(tiny, "resource_map/hospitals", year=2023, scope="360000", min_tier="")
    assert dict(zip(frame["hospital_id"], frame["alliances"], strict=True)) == {
        "H1": "江西省儿童医疗联盟",
        "H2": "江西省儿童医疗联盟",
        "H3": "",
        "H5": "",
    }


def test_county_hospitals_ordered_by_physicians(tiny):
    frame = db.run_query(tiny, "resource_map/county_hospitals", year=2024, county="360102")
    assert records(frame[["hospital_id", "ped_physicians", "ped_beds"]]) == [
        ("H1", 110, 330),
        ("H5", 1, 0),
    ]


def test_county_lookup(tiny):
    frame = db.run_query(tiny, "common/county_lookup", county="360402")
    assert records(frame[["name", "city_adcode", "province_adcode"]]) == [
        ("濂溪区", "360400", "360000")
    ]
    assert db.run_query(tiny, "common/county_lookup", county="360400").empty


def test_run_query_rejects_wrong_parameters(tiny):
    with pytest.raises(db.QueryError, match="takes parameters"):
        db.run_query(tiny, "common/county_lookup", county="360402", year=2024)
