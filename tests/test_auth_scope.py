"""Data scope enforced where queries run: a scoped connection sees only its scope's rows."""

import duckdb
import pytest

from pedatlas import db
from pedatlas.auth.scope import parse_scope

JIANGXI, NANCHANG = "360000", "360100"


@pytest.fixture(scope="module")
def raw(demo_db):
    connection = duckdb.connect(str(demo_db), read_only=True)
    yield connection
    connection.close()


def scoped(demo_db, text):
    return db.open_read_only(demo_db, parse_scope(text))


def count(connection, sql, params=None):
    return int(db.run_sql(connection, sql, params).iloc[0, 0])


def test_every_table_of_the_file_is_restricted_or_passed_through(demo_db, raw):
    tables = {row[0] for row in raw.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    connection = scoped(demo_db, f"province:{JIANGXI}")
    views = set(
        db.run_sql(
            connection,
            "SELECT view_name FROM duckdb_views() WHERE database_name = 'atlas' AND NOT internal",
        )["view_name"]
    )
    assert tables <= views  # a table without a view would make queries fail, not leak


def test_province_scope_sees_only_its_hospitals_and_regions(demo_db, raw):
    connection = scoped(demo_db, f"province:{JIANGXI}")
    expected = raw.execute(
        "SELECT count(*) FROM hospitals h JOIN regions r ON r.adcode = h.county_adcode "
        "WHERE r.province_adcode = ?",
        [JIANGXI],
    ).fetchone()[0]
    assert count(connection, "SELECT count(*) FROM hospitals") == expected > 0
    assert (
        count(
            connection, "SELECT count(*) FROM regions WHERE province_adcode <> $p", {"p": JIANGXI}
        )
        == 0
    )
    regions = db.run_query(connection, "common/region_list")
    assert set(regions["province_adcode"]) == {JIANGXI}
    assert JIANGXI in set(regions["adcode"])


def test_referrals_kept_when_either_end_is_in_scope(demo_db, raw):
    connection = scoped(demo_db, f"province:{JIANGXI}")
    expected = raw.execute(
        """SELECT count(*) FROM referrals WHERE from_hospital_id IN (SELECT hospital_id FROM local)
           OR to_hospital_id IN (SELECT hospital_id FROM local)""".replace(
            "local",
            "(SELECT h.hospital_id FROM hospitals h JOIN regions r ON r.adcode = "
            "h.county_adcode WHERE r.province_adcode = '360000')",
        ),
    ).fetchone()[0]
    assert count(connection, "SELECT count(*) FROM referrals") == expected > 0


def test_national_figures_of_a_scoped_user_are_the_scopes_own(demo_db):
    national = db.open_read_only(demo_db)
    province = scoped(demo_db, f"province:{JIANGXI}")
    as_scope = db.run_query(national, "overview/scope_summary", year=2024, scope=JIANGXI)
    # the scoped user's "whole country" is Jiangxi; with exactly the same totals
    assert (
        db.run_query(province, "overview/scope_summary", year=2024, scope="")
        .round(6)
        .equals(as_scope.round(6))
    )
    # and asking for another province through a parameter gives nothing of it
    beijing = db.run_query(province, "overview/scope_summary", year=2024, scope="110000")
    assert beijing["counties"].iloc[0] == 0 and not beijing["physicians"].notna().any()


def test_city_scope_hides_the_rest_of_its_province(demo_db, raw):
    connection = scoped(demo_db, f"city:{NANCHANG}")
    regions = db.run_query(connection, "common/region_list")
    assert list(regions["adcode"]) == [NANCHANG]
    counties = raw.execute(
        "SELECT count(*) FROM regions WHERE level = 'county' AND city_adcode = ?", [NANCHANG]
    ).fetchone()[0]
    assert count(connection, "SELECT count(*) FROM regions WHERE level = 'county'") == counties


def test_alliance_scope_sees_its_members_only(demo_db, raw):
    connection = scoped(demo_db, "alliance:HH")
    members = raw.execute(
        "SELECT count(DISTINCT hospital_id) FROM alliance_members WHERE alliance_id = 'HH'"
    ).fetchone()[0]
    assert count(connection, "SELECT count(*) FROM hospitals") == members > 0
    assert list(db.run_sql(connection, "SELECT alliance_id FROM alliances")["alliance_id"]) == [
        "HH"
    ]
    assert count(connection, "SELECT count(*) FROM outreach WHERE alliance_id <> 'HH'") == 0


def test_scoped_connections_stay_read_only(demo_db):
    connection = scoped(demo_db, f"province:{JIANGXI}")
    with pytest.raises(duckdb.Error):
        connection.execute("DELETE FROM atlas_source.main.hospitals")
