"""apply_import: atomic swap, re-validation, failure safety, progress and concurrent readers."""

import threading
import time

import duckdb
import pytest
from importer_fixtures import fixture_copy, row_count, sha256, table_rows

from pedatlas.db import open_read_only
from pedatlas.importer import (
    ImporterError,
    ImportRejected,
    apply_import,
    backup_path,
    plan_import,
)
from pedatlas.importer import apply as apply_module


@pytest.fixture
def fixture_db(tmp_path):
    """A private copy of the fixture database."""
    return fixture_copy(tmp_path)


REFERRAL_HEADER = "referral_id,referred_on,from_hospital_id,to_hospital_id,department,age_group\n"


def _referrals(first_id: int, rows: int) -> bytes:
    lines = [f"{first_id + n},2024-03-05,H003,H001,儿内科,infant\n" for n in range(rows)]
    return (REFERRAL_HEADER + "".join(lines)).encode("utf-8")


def _leftovers(db) -> list[str]:
    return sorted(
        path.name
        for path in db.parent.iterdir()
        if "importing" in path.name or ".backup-" in path.name
    )


def test_apply_error_after_writing_leaves_database_identical(fixture_db, monkeypatch):
    before = sha256(fixture_db)
    plan = plan_import([("r.csv", _referrals(100, 50))], db_path=fixture_db)

    def failing_verify(*args):
        raise ImporterError("simulated failure after the rows were written")

    monkeypatch.setattr(apply_module, "verify", failing_verify)
    with pytest.raises(ImporterError, match="simulated"):
        apply_import(plan, fixture_db)
    assert sha256(fixture_db) == before
    assert _leftovers(fixture_db) == [] and not backup_path(fixture_db).exists()


def test_apply_error_during_the_swap_leaves_database_identical(fixture_db, monkeypatch):
    before = sha256(fixture_db)
    plan = plan_import([("r.csv", _referrals(100, 50))], db_path=fixture_db)

    def failing_replace(source, target):
        raise OSError("simulated: disk full")

    monkeypatch.setattr(apply_module.os, "replace", failing_replace)
    with pytest.raises(OSError, match="simulated"):
        apply_import(plan, fixture_db)
    monkeypatch.undo()
    assert sha256(fixture_db) == before
    assert _leftovers(fixture_db) == [] and not backup_path(fixture_db).exists()


def test_apply_revalidates_when_the_database_changed_after_planning(fixture_db):
    stale = plan_import([("late.csv", _referrals(100, 5))], db_path=fixture_db)
    apply_import(plan_import([("first.csv", _referrals(102, 1))], db_path=fixture_db), fixture_db)
    before = sha256(fixture_db)
    with pytest.raises(ImportRejected) as rejected:
        apply_import(stale, fixture_db)
    assert list(rejected.value.problems["reason"]) == ["duplicate_in_db"]
    assert sha256(fixture_db) == before


def test_apply_refuses_while_a_write_ahead_log_exists(fixture_db):
    plan = plan_import([("r.csv", _referrals(100, 5))], db_path=fixture_db)
    fixture_db.with_name(fixture_db.name + ".wal").write_bytes(b"")
    before = sha256(fixture_db)
    with pytest.raises(ImporterError):
        apply_import(plan, fixture_db)
    assert sha256(fixture_db) == before


def test_apply_reports_progress_from_zero_to_one(fixture_db):
    calls: list[tuple[float, str]] = []
    plan = plan_import([("r.csv", _referrals(100, 20))], db_path=fixture_db, lang="en")
    apply_import(
        plan, fixture_db, progress=lambda fraction, message: calls.append((fraction, message))
    )
    fractions = [fraction for fraction, _ in calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("referrals" in message for _, message in calls)


def test_plan_reports_progress_while_reading(fixture_db):
    calls = []
    plan_import(
        [("r.csv", _referrals(100, 3))], db_path=fixture_db, progress=lambda f, m: calls.append(f)
    )
    assert calls[0] == 0.0 and calls[-1] == 1.0


def test_apply_accepts_references_to_hospitals_of_the_same_import(fixture_db):
    hospitals = (
        "hospital_id,name,kind,tier,county_adcode,lon,lat,ped_physicians,ped_nurses,ped_beds,"
        "nicu_beds,picu_beds\nH200,新院,综合医院,二级,440106,113.40,23.20,5,9,20,0,0\n"
    ).encode()
    referrals = (REFERRAL_HEADER + "300,2024-03-05,H200,H001,儿内科,school\n").encode("utf-8")
    plan = plan_import([("r.csv", referrals), ("h.csv", hospitals)], db_path=fixture_db)
    assert plan.ok, plan.problems
    apply_import(plan, fixture_db)
    stored = [row for row in table_rows(fixture_db, "referrals") if row[0] == 300]
    assert stored[0][4] == "up"


def test_concurrent_reader_sees_old_or_new_count_never_an_error(fixture_db):
    old = row_count(fixture_db, "referrals")
    added = 20_000
    plan = plan_import([("big.csv", _referrals(1_000, added))], db_path=fixture_db)
    counts: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read_loop() -> None:
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline and not (done.is_set() and len(counts) > 5):
            try:
                connection = open_read_only(fixture_db)
                try:
                    counts.append(
                        connection.execute("SELECT count(*) FROM atlas.referrals").fetchall()[0][0]
                    )
                finally:
                    connection.close()
            except BaseException as error:  # the assertion below reports it
                errors.append(error)

    reader = threading.Thread(target=read_loop)
    reader.start()
    try:
        apply_import(plan, fixture_db)
    finally:
        done.set()
        reader.join()
    assert errors == []
    assert counts and set(counts) <= {old, old + added}
    assert row_count(fixture_db, "referrals") == old + added


def test_apply_refreshes_the_derived_rollups_in_the_same_write(fixture_db):
    header = "转诊编号,转诊日期,转出医院编号,转入医院编号,科室,年龄组"
    rows = [f"{900 + n},2019-07-0{n + 1},H003,H001,儿内科,infant" for n in range(3)]
    data = ("\n".join([header, *rows]) + "\n").encode("utf-8")
    apply_import(plan_import([("july.csv", data)], db_path=fixture_db), fixture_db)
    connection = duckdb.connect(str(fixture_db), read_only=True)
    try:
        found = connection.execute(
            "SELECT sum(referrals) FROM derived_referral_months "
            "WHERE year = 2019 AND month = 7 AND direction = 'up'"
        ).fetchone()[0]
    finally:
        connection.close()
    assert found == 3
