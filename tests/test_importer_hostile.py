"""Hostile and odd inputs (issue 12): paths that are not files, caps, look-alikes, exact numbers."""

import fcntl
import io
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
import xlsxwriter
from importer_fixtures import fixture_copy, row_count, sha256, table_rows

from pedatlas.importer import apply_import, clean_stale_imports, plan_import
from pedatlas.importer.parsing import integers, numbers, timestamps
from pedatlas.paths import PROJECT_ROOT

HOSPITAL_HEADER = (
    "医院编号,名称,类别,级别,所在区县代码,经度,纬度,儿科医师数,儿科护士数,儿科床位数,"
    "NICU床位数,PICU床位数"
)


def hospital_line(hospital_id: str, physicians: str = "12", name: str = "越秀区儿童保健所") -> str:
    return f"{hospital_id},{name},专科医院,二级,440104,113.30,23.13,{physicians},20,30,0,0"


def hospital_csv(*lines: str) -> bytes:
    return ("\n".join([HOSPITAL_HEADER, *lines]) + "\n").encode("utf-8")


def problems_of(plan) -> list[tuple]:
    return [(p.file, p.reason, p.row, p.column, p.value, p.detail) for p in plan.problems]


@pytest.fixture
def fixture_db(tmp_path):
    return fixture_copy(tmp_path)


# --- paths that are not regular files ------------------------------------------------------------


def _special_paths(folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, detail key the importer must give)."""
    dangling = folder / "dangling.csv"
    dangling.symlink_to(folder / "gone.csv")
    loop_a, loop_b = folder / "loop_a.csv", folder / "loop_b.csv"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    directory = folder / "folder.csv"
    directory.mkdir()
    pipe = folder / "pipe.csv"
    os.mkfifo(pipe)
    return {
        "dangling": (dangling, "not_found"),
        "loop": (loop_a, "symlink_loop"),
        "directory": (directory, "directory"),
        "pipe": (pipe, "named_pipe"),
        "device": (Path("/dev/zero"), "device"),
    }


@pytest.mark.parametrize("kind", ["dangling", "loop", "directory", "pipe", "device"])
def test_paths_that_are_not_regular_files_are_refused_without_opening_them(
    kind, fixture_db, tmp_path
):
    path, detail = _special_paths(tmp_path)[kind]
    before = sha256(fixture_db)
    plan = plan_import([path], db_path=fixture_db, lang="en")
    assert problems_of(plan) == [(path.name, "not_a_file", None, None, None, detail)]
    assert not plan.ok and plan.problems[0].message.startswith(f"'{path.name}' is not a regular")
    assert sha256(fixture_db) == before


def test_cli_on_a_named_pipe_answers_with_one_line_and_no_traceback(fixture_db, tmp_path):
    path, _ = _special_paths(tmp_path)["pipe"]
    good = tmp_path / "good.csv"
    good.write_bytes(hospital_csv(hospital_line("H101")))
    command = [sys.executable, "-m", "pedatlas.importer", str(path), str(good)]
    command += ["--db", str(fixture_db), "--lang", "en"]
    # a timeout turns a hang (opening the pipe for reading) into a failure, not a stuck run
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "pipe.csv row - -: 'pipe.csv' is not a regular file (a named pipe)" in done.stdout


# --- exact numbers --------------------------------------------------------------------------------


def _text(*values) -> pd.Series:
    return pd.Series(list(values), dtype="str")


def test_integers_are_parsed_exactly_beyond_float_precision():
    values, bad = integers(_text("9007199254740993", str(2**63 - 1), str(-(2**63)), "-0"))
    assert not bad.any()
    assert values.tolist() == [9007199254740993, 2**63 - 1, -(2**63), 0]


def test_integers_beyond_64_bits_and_misgrouped_commas_are_failures():
    values, bad = integers(_text(str(2**63), str(2**70), "1,5", "12,34,5", "1,234", "1e3"))
    assert bad.tolist() == [True, True, True, True, False, False]
    assert values.tolist()[4:] == [1234, 1000]


def test_numbers_reject_misgrouped_thousands_but_keep_grouped_ones():
    values, bad = numbers(_text("1,5", "12,34,5", "1,234,567.5", "-1,000", "1,5.0"))
    assert bad.tolist() == [True, True, False, False, True]
    assert values.tolist()[2:4] == [1234567.5, -1000.0]


def test_referral_id_beyond_float_precision_is_stored_exactly(fixture_db):
    header = "转诊编号,转诊日期,转出医院编号,转入医院编号,科室,年龄组"
    data = f"{header}\n9007199254740993,2024-03-05,H003,H001,儿内科,infant\n".encode()
    plan = plan_import([("big_id.csv", data)], db_path=fixture_db)
    assert plan.ok, problems_of(plan)
    apply_import(plan, fixture_db)
    ids = [row[0] for row in table_rows(fixture_db, "referrals")]
    assert 9007199254740993 in ids and 9007199254740992 not in ids


def test_count_beyond_int32_is_a_row_problem_before_anything_is_written(fixture_db):
    plan = plan_import(
        [("big.csv", hospital_csv(hospital_line("H101", "3000000000")))], db_path=fixture_db
    )
    assert problems_of(plan) == [
        (
            "big.csv",
            "integer_out_of_range",
            2,
            "ped_physicians",
            "3000000000",
            "-2,147,483,648 … 2,147,483,647",
        )
    ]


# --- timezones ------------------------------------------------------------------------------------


def test_mixed_timezone_forms_in_one_column_mean_beijing_time():
    values, bad = timestamps(
        _text(
            "2024-03-05 14:30",
            "2024-03-05T14:30:00+08:00",
            "2024-03-05T06:30:00Z",
            "2024-03-05T01:30:00-05:00",
            "2024-03-05",
        )
    )
    assert not bad.any()
    assert values.tolist()[:4] == [pd.Timestamp("2024-03-05 14:30")] * 4


# --- caps and echoed values -----------------------------------------------------------------------


def test_rows_beyond_the_cap_refuse_the_file_that_crosses_it(fixture_db):
    first = hospital_csv(*[hospital_line(f"H{200 + n}") for n in range(6)])
    second = hospital_csv(*[hospital_line(f"H{300 + n}") for n in range(6)])
    plan = plan_import(
        [("a.csv", first), ("b.csv", second)], db_path=fixture_db, lang="en", max_rows=10
    )
    assert problems_of(plan) == [("b.csv", "too_many_rows", None, None, "6", "4")]


def test_a_megabyte_bad_number_is_echoed_shortened(fixture_db):
    huge = "9" * 500_000 + "x" * 500_000
    plan = plan_import(
        [("huge.csv", hospital_csv(hospital_line("H101", huge)))], db_path=fixture_db, lang="en"
    )
    problem = plan.problems[0]
    assert (problem.reason, problem.row, problem.column) == ("bad_integer", 2, "ped_physicians")
    assert problem.value == "9" * 79 + "…(1,000,000 chars)"
    assert len(problem.message) < 200
    assert len(plan.problems_frame("zh").to_csv()) < 1_000


def test_a_350000_character_name_is_refused(fixture_db):
    plan = plan_import(
        [("long.csv", hospital_csv(hospital_line("H101", name="x" * 350_000)))],
        db_path=fixture_db,
        lang="en",
    )
    assert [(p.reason, p.row, p.column, p.detail) for p in plan.problems] == [
        ("text_too_long", 2, "name", "350,000 > 200")
    ]


# --- workbooks: every table sheet, visible sheets only ------------------------------------------


def _workbook(sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"created": datetime(2024, 5, 1)})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
        if name in hidden:
            sheet.hide()
        elif name == next(n for n in sheets if n not in hidden):
            sheet.activate()  # xlsxwriter keeps the active sheet visible
    book.close()
    return buffer.getvalue()


ALLIANCE_ROWS = [
    ["联盟编号", "名称", "核心医院编号", "成立日期", "范围", "类型", "所在地区代码"],
    ["A03", "测试联盟", "H101", "2024-03-05", "省内", "医联体", "440000"],
]


def test_every_table_sheet_of_a_workbook_is_read_and_named(fixture_db):
    hospitals = [HOSPITAL_HEADER.split(","), hospital_line("H101").split(",")]
    data = _workbook({"医院": hospitals, "联盟": ALLIANCE_ROWS, "说明": [["备注"]]})
    plan = plan_import([("book.xlsx", data)], db_path=fixture_db, lang="en")
    assert plan.ok, problems_of(plan)
    assert [(r.file, r.table, r.sheet, r.added) for r in plan.files] == [
        ("book.xlsx [医院]", "hospitals", "医院", 1),
        ("book.xlsx [联盟]", "alliances", "联盟", 1),
    ]
    assert problems_of(plan) == [("book.xlsx", "sheet_not_read", None, None, "说明", None)]
    apply_import(plan, fixture_db)
    assert {row[0] for row in table_rows(fixture_db, "alliances")} >= {"A03"}


def test_a_hidden_sheet_named_like_a_table_is_not_imported(fixture_db):
    hospitals = [HOSPITAL_HEADER.split(","), hospital_line("H101").split(",")]
    data = _workbook({"医院": hospitals, "Sheet2": hospitals}, hidden=("医院",))
    plan = plan_import([("hidden.xlsx", data)], db_path=fixture_db, lang="en")
    assert [(r.file, r.sheet, r.rows) for r in plan.files] == [("hidden.xlsx", "Sheet2", 1)]
    assert ("hidden.xlsx", "sheet_hidden", None, None, "医院", None) in problems_of(plan)


# --- names ------------------------------------------------------------------------------------------


def test_two_files_with_the_same_name_are_told_apart(fixture_db):
    good = hospital_csv(hospital_line("H101"))
    bad = hospital_csv(hospital_line("H102", "-1"))
    plan = plan_import(
        [("hospitals.csv", good), ("hospitals.csv", bad)], db_path=fixture_db, lang="en"
    )
    assert [(r.file, r.added, r.rejected) for r in plan.files] == [
        ("hospitals.csv #1", 1, 0),
        ("hospitals.csv #2", 0, 1),
    ]
    assert [(p.file, p.reason, p.row) for p in plan.problems] == [
        ("hospitals.csv #2", "negative_count", 2)
    ]


def test_same_named_paths_are_shown_by_their_path(fixture_db, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "h.csv").write_bytes(hospital_csv(hospital_line(f"H1{folder}")))
    paths = [tmp_path / "a" / "h.csv", tmp_path / "b" / "h.csv"]
    plan = plan_import(paths, db_path=fixture_db)
    assert [r.file for r in plan.files] == [str(path) for path in paths]


# --- ids that look the same -------------------------------------------------------------------------


def test_full_width_and_invisible_characters_are_removed_from_new_ids(fixture_db):
    plan = plan_import(
        [("ids.csv", hospital_csv(hospital_line("Ｈ１０１"), hospital_line("H1\u200b02")))],
        db_path=fixture_db,
    )
    assert plan.ok, problems_of(plan)
    apply_import(plan, fixture_db)
    assert {"H101", "H102"} <= {row[0] for row in table_rows(fixture_db, "hospitals")}


def test_case_variant_of_an_existing_id_is_a_clash_naming_the_stored_id(fixture_db):
    plan = plan_import([("ids.csv", hospital_csv(hospital_line("h001")))], db_path=fixture_db)
    assert [(p.reason, p.row, p.value, p.detail) for p in plan.problems] == [
        ("id_lookalike", 2, "h001", "H001")
    ]


# --- work files of killed imports ------------------------------------------------------------------


def test_stale_import_copies_are_cleaned_unless_an_import_holds_the_lock(fixture_db):
    stale = fixture_db.with_name(f"{fixture_db.name}.importing-{'a' * 32}.duckdb")
    stale_log = stale.with_name(stale.name + ".wal")
    staged = fixture_db.with_name(f"{fixture_db.name}.backup-{'b' * 32}")
    unrelated = fixture_db.with_name(f"{fixture_db.name}.importing-notes.txt")
    young = fixture_db.with_name(f"{fixture_db.name}.importing-{'d' * 32}.duckdb")
    for path in (stale, stale_log, staged, unrelated, young):
        path.write_bytes(b"x" * 1000)
    an_hour_ago = time.time() - 3600
    for path in (stale, stale_log, staged, unrelated):
        os.utime(path, (an_hour_ago, an_hour_ago))
    lock = fixture_db.with_name(f"{fixture_db.name}.lock")
    with open(lock, "a+b") as handle:  # an import in progress elsewhere
        fcntl.flock(handle, fcntl.LOCK_EX)
        assert clean_stale_imports(fixture_db) == []
        fcntl.flock(handle, fcntl.LOCK_UN)
    assert stale.exists()
    assert clean_stale_imports(fixture_db) == sorted([stale, stale_log, staged])
    assert not stale.exists() and not staged.exists() and unrelated.exists()
    assert young.exists()  # touched within STALE_AFTER_S: maybe an import's, left alone
    assert clean_stale_imports(fixture_db, min_age_s=0) == [young]


def test_the_next_import_removes_a_killed_imports_copy(fixture_db):
    stale = fixture_db.with_name(f"{fixture_db.name}.importing-{'c' * 32}.duckdb")
    stale.write_bytes(b"x" * 1000)
    before = row_count(fixture_db, "hospitals")
    plan = plan_import([("h.csv", hospital_csv(hospital_line("H101")))], db_path=fixture_db)
    apply_import(plan, fixture_db)
    assert not stale.exists() and row_count(fixture_db, "hospitals") == before + 1


def test_cli_turns_an_unexpected_failure_into_one_line(fixture_db, tmp_path, monkeypatch, capsys):
    from pedatlas.importer import __main__ as cli

    def broken(*args, **kwargs):
        raise KeyError("x" * 5_000)

    monkeypatch.setattr(cli, "plan_import", broken)
    good = tmp_path / "good.csv"
    good.write_bytes(hospital_csv(hospital_line("H101")))
    assert cli.main([str(good), "--db", str(fixture_db), "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert captured.err.startswith("The importer failed; the database was not changed (KeyError: ")
    assert len(captured.err) < 400
