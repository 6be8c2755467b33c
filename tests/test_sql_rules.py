"""The shared SQL rules (queries/rules.sql macros) on the literal flows fixture: exact rows.

Membership windows, the scope of hospitals, the patient side of a referral, the picked referrals
and transfers, and Tukey's fences: every query that needs one of these rules calls the macro.
"""

import pytest

from pedatlas.db import open_read_only, run_sql
from tests.fixtures_flows import build_flows_db


@pytest.fixture(scope="module")
def rules_db(tmp_path_factory):
    connection = open_read_only(build_flows_db(tmp_path_factory.mktemp("rules") / "flows.duckdb"))
    yield connection
    connection.close()


def values(connection, sql: str, params=None) -> list[tuple]:
    return list(run_sql(connection, sql, params).itertuples(index=False, name=None))


@pytest.mark.parametrize(
    ("day", "left_on", "expected"),
    [
        ("2024-02-29", "2024-03-01", True),  # the day before leaving
        ("2024-03-01", "2024-03-01", False),  # left_on is the first day outside
        ("2024-01-01", None, True),  # joined that day, never left
        ("2023-12-31", None, False),  # before joining
    ],
)
def test_member_on_a_day(rules_db, day, left_on, expected):
    sql = "SELECT member_on(DATE '2024-01-01', ?::DATE, ?::DATE)"
    assert values(rules_db, sql, [left_on, day]) == [(expected,)]


@pytest.mark.parametrize(
    ("year", "members"),
    [
        # H3 left JXT on 2024-03-01 and H5 joined on 2024-07-01
        (2024, [("BJX", "H4"), ("BJX", "H6"), ("JXT", "H1"), ("JXT", "H2"), ("JXT", "H5")]),
        (2023, [("BJX", "H4"), ("BJX", "H6"), ("JXT", "H1"), ("JXT", "H2"), ("JXT", "H3")]),
        (2019, [("BJX", "H6"), ("JXT", "H1")]),
    ],
)
def test_members_at_year_end(rules_db, year, members):
    sql = "SELECT alliance_id, hospital_id FROM members_at_year_end(?) ORDER BY ALL"
    assert values(rules_db, sql, [year]) == members


@pytest.mark.parametrize(
    ("scope", "inside"),
    [
        ("", ["H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8"]),
        ("360000", ["H1", "H2", "H3", "H4", "H5", "H7"]),
        ("360700", ["H4", "H5", "H7"]),
        ("110000", ["H6", "H8"]),
    ],
)
def test_hospital_places_in_scope(rules_db, scope, inside):
    sql = "SELECT hospital_id FROM hospital_places(?) WHERE in_scope ORDER BY hospital_id"
    assert [row[0] for row in values(rules_db, sql, [scope])] == inside


def test_hospital_places_carry_county_city_province(rules_db):
    sql = "SELECT * FROM hospital_places('360700') WHERE hospital_id IN ('H5', 'H6') ORDER BY 1"
    assert values(rules_db, sql) == [
        ("H5", "360721", "360700", "360000", True),
        ("H6", "110102", "110100", "110000", False),
    ]


@pytest.mark.parametrize(
    ("direction", "sender_in", "receiver_in", "expected"),
    [
        ("up", True, False, True),
        ("up", False, True, False),
        ("lateral", False, True, False),
        ("down", False, True, True),  # a down referral counts where the patient lives
        ("down", True, False, False),
    ],
)
def test_referral_counts_on_the_patient_side(rules_db, direction, sender_in, receiver_in, expected):
    sql = "SELECT on_patient_side(?, ?, ?)"
    assert values(rules_db, sql, [direction, sender_in, receiver_in]) == [(expected,)]


@pytest.mark.parametrize(
    ("year", "alliance", "hospital", "ids"),
    [
        (2024, "", "", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14]),
        (2023, "", "", [11]),
        # either end an active JXT member on the day: H3 until 2024-03-01, H5 from 2024-07-01
        (2024, "JXT", "", [1, 2, 3, 4, 6, 9, 12, 14]),
        (2024, "", "H5", [5, 6, 7, 8, 9]),
        (2024, "JXT", "H5", [6, 9]),
    ],
)
def test_referrals_picked(rules_db, year, alliance, hospital, ids):
    sql = "SELECT referral_id FROM referrals_picked(?, ?, ?) ORDER BY referral_id"
    assert [row[0] for row in values(rules_db, sql, [year, alliance, hospital])] == ids


@pytest.mark.parametrize(
    ("scope", "centre", "rows"),
    [
        (
            "",
            "",
            [
                (1, "南昌县人民医院"),
                (2, "赣县区人民医院"),
                (3, "南昌县幽兰镇卫生院"),
                (4, "赣县区人民医院"),
                (5, "赣州市人民医院"),
                (7, "南昌县人民医院"),
            ],
        ),
        ("360700", "", [(2, "赣县区人民医院"), (4, "赣县区人民医院"), (5, "赣州市人民医院")]),
        ("360700", "H1", [(2, "赣县区人民医院"), (4, "赣县区人民医院")]),
        ("", "H6", [(5, "赣州市人民医院")]),
        ("110000", "", []),
    ],
)
def test_transfers_in_scope_by_sending_hospital(rules_db, scope, centre, rows):
    sql = "SELECT transfer_id, from_name FROM transfers_in_scope(2024, ?, ?) ORDER BY transfer_id"
    assert values(rules_db, sql, [scope, centre]) == rows


def test_transfers_in_scope_carry_the_sending_point(rules_db):
    sql = "SELECT from_lon, from_lat FROM transfers_in_scope(2024, '', 'H6')"
    assert values(rules_db, sql) == [(114.93, 25.83)]


@pytest.mark.parametrize(
    ("q1", "q3", "lower", "upper"),
    [(1.0, 3.0, -2.0, 6.0), (2.0, 2.0, 2.0, 2.0), (31.25, 407.5, 31.25 - 564.375, 407.5 + 564.375)],
)
def test_tukey_fences(rules_db, q1, q3, lower, upper):
    sql = "SELECT tukey_lower_fence(?::DOUBLE, ?::DOUBLE), tukey_upper_fence(?::DOUBLE, ?::DOUBLE)"
    assert values(rules_db, sql, [q1, q3, q1, q3]) == [pytest.approx((lower, upper))]


def test_referral_pair_counts(rules_db):
    # last column: inside a window in which both hospitals were JXT members
    sql = "SELECT * FROM referral_pair_counts(2024, 'JXT', '') ORDER BY ALL"
    assert values(rules_db, sql) == [
        ("H1", "H2", "down", 1, 1),
        ("H2", "H1", "up", 1, 1),
        ("H2", "H5", "lateral", 1, 1),  # 9 September: H5 joined on 1 July
        ("H3", "H2", "up", 2, 1),  # referral 1 (January); not 2 (April, H3 left on 1 March)
        ("H5", "H1", "up", 1, 1),
        ("H7", "H1", "lateral", 1, 0),  # H7 is no member
        ("H8", "H1", "up", 1, 0),
    ]


def test_unit_pair_counts_by_city_on_the_patients_side(rules_db):
    sql = "SELECT * FROM unit_pair_counts(2024, '360000', '', '', 'city') ORDER BY ALL"
    # (from, to, crossing, referrals, up, down); 南昌 360100, 赣州 360700, 北京 110100
    assert values(rules_db, sql) == [
        ("110100", "360700", True, 1, 0, 1),  # referral 8: down to H5, a 赣州 patient
        ("360100", "360100", False, 4, 3, 1),  # referrals 1-4
        ("360100", "360700", True, 1, 0, 0),  # 9, lateral
        ("360700", "110100", True, 2, 1, 0),  # 7 (up) and 10 (lateral)
        ("360700", "360100", True, 2, 1, 0),  # 6 (up) and 12 (lateral)
        ("360700", "360700", False, 1, 1, 0),  # 5
        # 13 (down to H8) and 14 (up from H8): the patients live outside 江西
    ]
