"""The bad-file and good-file corpus under tests/fixtures/import (see make_corpus.py there)."""

import importlib.util
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from importer_fixtures import fixture_copy, great_circle, row_count, sha256, table_rows

from pedatlas.importer import (
    REASONS,
    ImportRejected,
    apply_import,
    backup_path,
    plan_import,
)


@pytest.fixture
def fixture_db(tmp_path):
    """A private copy of the fixture database."""
    return fixture_copy(tmp_path)


CORPUS = Path(__file__).parent / "fixtures" / "import"


def _corpus_module():
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    return module


corpus = _corpus_module()
REASONS_TESTED_ELSEWHERE = {
    "file_too_large",
    "upload_too_large",  # test_importer_streaming.py
    "unknown_column",
    "not_a_file",  # test_importer_hostile.py
    "example_row_skipped",  # test_importer_roundtrip.py
}


def test_corpus_has_at_least_thirty_bad_files():
    assert len(corpus.BAD_FILES) >= 30


def test_corpus_covers_every_reason():
    covered = {case.reason for case in corpus.BAD_FILES} | REASONS_TESTED_ELSEWHERE
    assert covered == set(REASONS)


@pytest.mark.parametrize(
    "case",
    [c for c in corpus.BAD_FILES + corpus.GOOD_FILES if not c.name.endswith(".xlsx")],
    ids=lambda case: case.name,
)
def test_corpus_committed_text_files_match_generator(case):
    folder = CORPUS / ("bad" if case in corpus.BAD_FILES else "good")
    assert (folder / case.name).read_bytes() == case.build()


@pytest.mark.parametrize("case", corpus.BAD_FILES, ids=lambda case: case.name)
def test_corpus_bad_file_reports_reason_and_leaves_database_identical(case, fixture_db):
    before = sha256(fixture_db)
    path = CORPUS / "bad" / case.name
    plan = plan_import([path], table=case.table, mode=case.mode, db_path=fixture_db, lang="en")
    assert not plan.ok
    found = [problem for problem in plan.problems if problem.reason == case.reason]
    assert found, [(p.reason, p.row, p.column, p.value) for p in plan.problems]
    problem = found[0]
    assert problem.file == case.name
    assert (problem.reason, problem.row, problem.column, problem.value) == case.expected
    assert problem.message and "importer_reason" not in problem.message
    chinese = plan.problems_frame("zh")["message"]
    assert all(text and "{" not in text and "importer_" not in text for text in chinese)
    with pytest.raises(ImportRejected):
        apply_import(plan, fixture_db)
    assert sha256(fixture_db) == before
    assert not backup_path(fixture_db).exists()


@pytest.mark.parametrize("case", corpus.GOOD_FILES, ids=lambda case: case.name)
def test_corpus_good_file_is_accepted_and_added(case, fixture_db):
    plan = plan_import([CORPUS / "good" / case.name], db_path=fixture_db)
    assert plan.ok, [(p.reason, p.row, p.column, p.value) for p in plan.problems]
    report = plan.files[0]
    assert (report.table, report.rows, report.added, report.encoding) == (
        case.table,
        case.rows,
        case.rows,
        case.encoding,
    )
    before = row_count(fixture_db, case.table)
    apply_import(plan, fixture_db)
    assert row_count(fixture_db, case.table) == before + case.rows


@pytest.mark.parametrize(
    "name",
    [
        "hospitals_utf8.csv",
        "hospitals_utf8_bom.csv",
        "hospitals_gbk.csv",
        "hospitals.xlsx",
        "hospitals_english.csv",
    ],
)
def test_corpus_hospital_encodings_store_the_same_row(name, fixture_db):
    apply_import(plan_import([CORPUS / "good" / name], db_path=fixture_db), fixture_db)
    stored = [row for row in table_rows(fixture_db, "hospitals") if row[0] == "H101"]
    expected = (
        "H101",
        "越秀区儿童保健所",
        "专科医院",
        "二级",
        None,
        "440104",
        113.30,
        23.13,
        12,
        20,
        30,
    )
    assert stored[0][: len(expected)] == expected
    resources = [row for row in table_rows(fixture_db, "hospital_resources") if row[0] == "H101"]
    assert resources == [("H101", 2023, 12, 20, 30, 0, 0, False)]


@pytest.mark.parametrize(
    "name",
    [
        "alliances_date_iso.csv",
        "alliances_date_slash.csv",
        "alliances_date_chinese.csv",
        "alliances_date_serial.csv",
        "alliances_dates.xlsx",
    ],
)
def test_corpus_date_forms_all_mean_5_march_2024(name, fixture_db):
    apply_import(plan_import([CORPUS / "good" / name], db_path=fixture_db), fixture_db)
    founded = {row[0]: row[4] for row in table_rows(fixture_db, "alliances")}
    assert founded["A03"] == date(2024, 3, 5)
    if name.endswith(".xlsx"):
        assert founded["A04"] == date(2024, 3, 5)


def test_corpus_datetime_forms_all_mean_the_same_moment(fixture_db):
    plan = plan_import([CORPUS / "good" / "transfers_datetimes.csv"], db_path=fixture_db)
    apply_import(plan, fixture_db)
    new = [row for row in table_rows(fixture_db, "transfers") if row[0] > 100]
    assert {(row[1], row[2]) for row in new} == {
        (datetime(2024, 3, 5, 14, 30), datetime(2024, 3, 5, 15, 15))
    }


def test_corpus_referrals_get_direction_and_distance_from_the_hospitals(fixture_db):
    plan = plan_import([CORPUS / "good" / "referrals_minimal.csv"], db_path=fixture_db)
    apply_import(plan, fixture_db)
    new = {row[0]: row for row in table_rows(fixture_db, "referrals") if row[0] > 100}
    assert (new[101][4], new[101][6]) == ("up", "infant")
    assert new[102][4] == "down"
    assert new[101][7] == pytest.approx(great_circle("H003", "H001"), abs=0.01)


def test_plan_caps_problems_of_a_ten_times_larger_bad_file(fixture_db, tmp_path):
    rows = 10 * 1_200  # ten times the listed cap of 1,000 (plus a margin)
    lines = [
        "referral_id,referred_on,from_hospital_id,to_hospital_id,department,age_group,distance_km"
    ]
    lines += [f"{1000 + n},2024-03-05,H003,H001,儿内科,infant,-1" for n in range(rows)]
    path = tmp_path / "big_bad.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    before = sha256(fixture_db)
    started = time.perf_counter()
    plan = plan_import([path], db_path=fixture_db)
    assert time.perf_counter() - started < 10
    assert (plan.problem_count, len(plan.problems), plan.rows_rejected) == (rows, 1000, rows)
    assert plan.problems[0].row == 2 and plan.problems[-1].row == 1001
    assert plan.reason_counts == {"negative_count": rows}
    with pytest.raises(ImportRejected):
        apply_import(plan, fixture_db)
    assert sha256(fixture_db) == before


def test_plan_rejects_a_file_larger_than_the_limit(fixture_db):
    path = CORPUS / "good" / "hospitals_utf8.csv"
    plan = plan_import([path], db_path=fixture_db, max_bytes=100)
    assert [(p.reason, p.file, p.row, p.value) for p in plan.problems] == [
        ("file_too_large", path.name, None, str(path.stat().st_size))
    ]


def test_plan_warns_about_unknown_columns_but_accepts_the_file(fixture_db):
    text = (CORPUS / "good" / "hospitals_utf8.csv").read_text("utf-8").splitlines()
    data = f"{text[0]},备注\n{text[1]},新建\n".encode()
    plan = plan_import([("with_note.csv", data)], db_path=fixture_db)
    assert plan.ok
    assert [(p.reason, p.severity, p.row, p.value) for p in plan.problems] == [
        ("unknown_column", "warning", 1, "备注")
    ]
