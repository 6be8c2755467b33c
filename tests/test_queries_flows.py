"""Referral and transport queries against the literal flows fixture: exact, hand-computed rows."""

import pytest

from pedatlas.db import open_read_only, run_query
from tests.fixtures_flows import build_flows_db

ANY = {"year": 2024, "scope": "", "alliance": "", "hospital": ""}


@pytest.fixture(scope="module")
def flows_db(tmp_path_factory):
    connection = open_read_only(build_flows_db(tmp_path_factory.mktemp("flows") / "flows.duckdb"))
    yield connection
    connection.close()


def rows(connection, name: str, **params) -> list[tuple]:
    frame = run_query(connection, name, **params)
    return [
        tuple(None if value != value else value for value in row)
        for row in frame.itertuples(index=False, name=None)
    ]


def test_referral_monthly_counts_each_month_and_direction(flows_db):
    assert rows(flows_db, "referrals/monthly", **ANY) == [
        (1, "up", 1),
        (2, "down", 1),
        (2, "up", 1),
        (3, "up", 1),
        (4, "up", 1),
        (5, "up", 1),
        (6, "down", 1),
        (8, "up", 1),
        (9, "lateral", 1),
        (10, "lateral", 1),
        (11, "lateral", 1),
        (12, "down", 1),
        (12, "up", 1),
    ]


@pytest.mark.parametrize(
    ("filters", "months"),
    [
        # home side: up/lateral by the sender's county, down by the receiver's county
        ({"scope": "110000"}, [(12, "down", 1), (12, "up", 1)]),
        (
            {"scope": "360100"},
            [(1, "up", 1), (2, "down", 1), (2, "up", 1), (4, "up", 1), (9, "lateral", 1)],
        ),
        (
            {"scope": "360700"},
            [
                (3, "up", 1),
                (5, "up", 1),
                (6, "down", 1),
                (8, "up", 1),
                (10, "lateral", 1),
                (11, "lateral", 1),
            ],
        ),
        # either end an active member on the referral date (H3 left 2024-03-01, H5 joined 2024-07-01)
        (
            {"alliance": "JXT"},
            [
                (1, "up", 1),
                (2, "down", 1),
                (2, "up", 1),
                (4, "up", 1),
                (8, "up", 1),
                (9, "lateral", 1),
                (11, "lateral", 1),
                (12, "up", 1),
            ],
        ),
        (
            {"hospital": "H5"},
            [(3, "up", 1), (5, "up", 1), (6, "down", 1), (8, "up", 1), (9, "lateral", 1)],
        ),
        ({"year": 2023}, [(5, "up", 1)]),
        ({"year": 2019}, []),
    ],
)
def test_referral_monthly_filters(flows_db, filters, months):
    assert rows(flows_db, "referrals/monthly", **{**ANY, **filters}) == months


def test_referral_shares_inside_alliance_county_province(flows_db):
    # up: 1,2,3,5,6,7,14 -> alliance 1,3,6 (2: H3 had left; 14: H8 no member); county 1,2;
    # province all but 7 and 14. down: 4,8,13. lateral: 9 (JXT), 10 (BJX), 12.
    assert rows(flows_db, "referrals/shares", **ANY) == [
        ("down", 3, 1, 1, 2),
        ("lateral", 3, 2, 0, 2),
        ("up", 7, 3, 2, 5),
    ]


def test_referral_tiers_by_care_level(flows_db):
    assert rows(flows_db, "referrals/tiers", **ANY) == [
        ("city", "national", "lateral", 1),
        ("city", "provincial", "lateral", 1),
        ("county", "city", "up", 1),
        ("county", "county", "lateral", 1),
        ("county", "national", "up", 1),
        ("county", "provincial", "up", 2),
        ("national", "county", "down", 1),
        ("national", "primary", "down", 1),
        ("primary", "county", "up", 2),
        ("primary", "provincial", "up", 1),
        ("provincial", "county", "down", 1),
    ]


def test_referral_corridors_between_provinces(flows_db):
    result = rows(flows_db, "referrals/corridors", **ANY, level="province", min_referrals=0, top=10)
    assert result == [
        (
            "110000",
            "北京市",
            116.40,
            39.90,
            "110000",
            "360000",
            "江西省",
            115.86,
            28.68,
            "360000",
            2,
            1,
            1,
        ),
        (
            "360000",
            "江西省",
            115.86,
            28.68,
            "360000",
            "110000",
            "北京市",
            116.40,
            39.90,
            "110000",
            2,
            1,
            0,
        ),
    ]


@pytest.mark.parametrize(
    ("min_referrals", "top", "expected"),
    [
        (
            0,
            10,
            [
                ("360700", "110100", 2, 1, 0),
                ("360700", "360100", 2, 1, 0),
                ("110100", "360100", 1, 1, 0),
                ("110100", "360700", 1, 0, 1),
                ("360100", "360700", 1, 0, 0),
            ],
        ),
        (2, 10, [("360700", "110100", 2, 1, 0), ("360700", "360100", 2, 1, 0)]),
        (0, 1, [("360700", "110100", 2, 1, 0)]),
    ],
)
def test_referral_corridors_between_cities_with_threshold_and_top(
    flows_db, min_referrals, top, expected
):
    frame = run_query(
        flows_db, "referrals/corridors", **ANY, level="city", min_referrals=min_referrals, top=top
    )
    assert (
        list(
            frame[["from_unit", "to_unit", "referrals", "up", "down"]].itertuples(
                index=False, name=None
            )
        )
        == expected
    )


def test_referral_corridors_between_hospitals(flows_db):
    frame = run_query(
        flows_db,
        "referrals/corridors",
        **{**ANY, "hospital": "H5"},
        level="hospital",
        min_referrals=0,
        top=10,
    )
    assert list(
        frame[["from_unit", "to_unit", "from_name", "to_province", "referrals"]].itertuples(
            index=False, name=None
        )
    ) == [
        ("H2", "H5", "南昌县人民医院", "360000", 1),
        ("H5", "H1", "赣县区人民医院", "360000", 1),
        ("H5", "H4", "赣县区人民医院", "360000", 1),
        ("H5", "H6", "赣县区人民医院", "110000", 1),
        ("H6", "H5", "北京儿童医院", "360000", 1),
    ]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (
            "province",
            [
                ("110000", "北京市", "110000", 2, 2, 1, 0),
                ("360000", "江西省", "360000", 2, 2, 8, 0),
            ],
        ),
        (
            "city",
            [
                ("110100", "北京市", "110000", 2, 2, 1, 0),
                ("360100", "南昌市", "360000", 1, 3, 4, 2),
                ("360700", "赣州市", "360000", 4, 2, 1, -2),
            ],
        ),
    ],
)
def test_referral_region_flows_sent_received_internal_net(flows_db, level, expected):
    assert rows(flows_db, "referrals/region_flows", **ANY, level=level) == expected


def test_referral_county_flows_counts_upward_referrals_per_county_pair(flows_db):
    assert rows(flows_db, "referrals/county_flows", year=2024) == [
        ("110102", "360102", "360100", 1),
        ("360121", "360102", "360100", 1),
        ("360121", "360121", "360100", 2),
        ("360721", "110102", "110100", 1),
        ("360721", "360102", "360100", 1),
        ("360721", "360702", "360700", 1),
    ]


def test_referral_footprints_pick_the_alliance_with_most_active_members(flows_db):
    assert rows(flows_db, "referrals/footprints", year=2024, scope="") == [
        ("110102", "BJX", "北京测试集团", "北京测试集团", 1),
        ("360102", "JXT", "江西测试联盟", "Jiangxi test alliance", 1),
        ("360121", "JXT", "江西测试联盟", "Jiangxi test alliance", 1),
        ("360702", "BJX", "北京测试集团", "北京测试集团", 1),
        ("360721", "JXT", "江西测试联盟", "Jiangxi test alliance", 1),
    ]
    # H3 left on 2024-03-01 but was active at the end of 2023, as were H2 and H1 in their counties
    assert [r[:2] for r in rows(flows_db, "referrals/footprints", year=2023, scope="360100")] == [
        ("360102", "JXT"),
        ("360121", "JXT"),
    ]


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({"scope": "360000", "alliance": ""}, ["H6", "H1", "H7", "H4", "H2", "H5"]),
        ({"scope": "", "alliance": "JXT"}, ["H6", "H1", "H2", "H3", "H5"]),
        ({"scope": "110000", "alliance": ""}, ["H6"]),
    ],
)
def test_referral_hospital_list(flows_db, params, ids):
    assert run_query(flows_db, "referrals/hospital_list", **params)["hospital_id"].tolist() == ids


def test_referral_lookups(flows_db):
    assert rows(flows_db, "referrals/alliance_list") == [
        ("BJX", "北京测试集团", "北京测试集团", "H6", "110000"),
        ("JXT", "江西测试联盟", "Jiangxi test alliance", "H1", "360000"),
    ]
    assert rows(flows_db, "referrals/hospital", hospital="H5") == [
        ("H5", "赣县区人民医院", "二级", "综合医院", "360721")
    ]
    assert rows(flows_db, "referrals/hospital", hospital="nope") == []
    assert rows(flows_db, "referrals/counties", scope="360700") == [
        ("360702", "章贡区", "360700", "赣州市", "360000", 114.93, 25.83, 120000),
        ("360721", "赣县区", "360700", "赣州市", "360000", 115.01, 25.86, 130000),
    ]


TRANSPORT = {"year": 2024, "scope": "", "centre": ""}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, (6, 4, 5, 3, 2380.0, 2380 / 6, 4, 2, 295.0, 910.0, 0)),
        ({"centre": "H1"}, (5, 4, 4, 3, 880.0, 176.0, 3, 1, 90.0, 512.0, 0)),
        ({"scope": "360100"}, (3, 2, 3, 2, 70.0, 70 / 3, 2, 1, 70.0, 86.0, 0)),
        ({"year": 2022}, (0, 0, 0, 0, 0.0, None, 0, 0, None, None, 0)),
    ],
)
def test_transport_summary(flows_db, filters, expected):
    assert rows(flows_db, "transport/summary", **{**TRANSPORT, **filters}) == [
        pytest.approx(expected)
    ]


def test_transport_monthly(flows_db):
    assert rows(flows_db, "transport/monthly", **TRANSPORT) == [
        (1, "newborn", True, 1, 30.0),
        (2, "child", True, 1, 35.0),
        (2, "newborn", True, 1, 400.0),
        (3, "newborn", False, 1, 410.0),
        (5, "child", True, 1, 1500.0),
        (7, "newborn", True, 1, 5.0),
    ]


def test_transport_routes(flows_db):
    assert rows(flows_db, "transport/routes", **TRANSPORT) == [
        (
            "H2",
            "南昌县人民医院",
            115.94,
            28.55,
            "H1",
            "江西省儿童医院",
            115.90,
            28.68,
            2,
            35.0,
            75.0,
        ),
        (
            "H5",
            "赣县区人民医院",
            115.01,
            25.86,
            "H1",
            "江西省儿童医院",
            115.90,
            28.68,
            2,
            810.0,
            510.0,
        ),
        (
            "H3",
            "南昌县幽兰镇卫生院",
            116.00,
            28.40,
            "H1",
            "江西省儿童医院",
            115.90,
            28.68,
            1,
            35.0,
            70.0,
        ),
        (
            "H4",
            "赣州市人民医院",
            114.93,
            25.83,
            "H6",
            "北京儿童医院",
            116.36,
            39.90,
            1,
            1500.0,
            1300.0,
        ),
    ]


def test_transport_histogram(flows_db):
    assert rows(flows_db, "transport/histogram", **TRANSPORT, km_bin=100, minutes_bin=60) == [
        ("km", 0.0, 3),
        ("km", 400.0, 2),
        ("km", 1500.0, 1),
        ("minutes", 60.0, 3),
        ("minutes", 480.0, 2),
        ("minutes", 1260.0, 1),
    ]


def test_transport_spread_quartiles_and_fences(flows_db):
    # km sorted 5, 30, 35, 400, 410, 1500; minutes 60, 70, 90, 500, 520, 1300;
    # minutes per km 0.867, 1.25, 1.268, 2, 2, 18
    result = rows(flows_db, "transport/spread", **TRANSPORT)
    km = ("km", 6, 5.0, 31.25, 217.5, 407.5, 1500.0, 31.25 - 1.5 * 376.25, 407.5 + 1.5 * 376.25)
    assert result[0] == pytest.approx(km)
    minutes = ("minutes", 6, 60.0, 75.0, 295.0, 515.0, 1300.0, 75.0 - 1.5 * 440, 515.0 + 1.5 * 440)
    assert result[1] == pytest.approx(minutes)
    q1 = 1.25 + 0.25 * (520 / 410 - 1.25)
    pace = (
        1300 / 1500,
        q1,
        (520 / 410 + 2) / 2,
        2.0,
        18.0,
        q1 - 1.5 * (2 - q1),
        2 + 1.5 * (2 - q1),
    )
    assert result[2] == pytest.approx(("minutes_per_km", 6, *pace))


def test_transport_outliers_flag_long_slow_trips(flows_db):
    frame = run_query(flows_db, "transport/outliers", **TRANSPORT, limit=10)
    assert list(
        frame[["transfer_id", "long_route", "long_time", "slow_pace", "outliers"]].itertuples(
            index=False, name=None
        )
    ) == [
        (7, False, False, True, 2),
        (5, True, True, False, 2),
    ]
    assert frame["to_name"].tolist() == ["江西省儿童医院", "北京儿童医院"]


def test_transport_centres_and_points(flows_db):
    assert rows(flows_db, "transport/centres", year=2024, scope="") == [
        ("H1", "江西省儿童医院", 5),
        ("H6", "北京儿童医院", 1),
    ]
    assert rows(flows_db, "transport/centres", year=2024, scope="110000") == []
    assert rows(flows_db, "transport/centre_points") == [
        ("H1", "江西省儿童医院", 115.90, 28.68, "360102", "360100", "360000"),
        ("H6", "北京儿童医院", 116.36, 39.90, "110102", "110100", "110000"),
    ]
    assert rows(flows_db, "transport/counties", scope="360100") == [
        ("360102", "东湖区", "南昌市", "360000", 115.90, 28.68, 59392),
        ("360121", "南昌县", "南昌市", "360000", 115.94, 28.55, 260000),
    ]
