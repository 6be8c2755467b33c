"""python -m pedatlas.importer: exit codes and outputs, and the audit log of its writes."""

import json

import pandas as pd
import pytest
from importer_fixtures import fixture_copy, row_count, sha256

from pedatlas.auth import audit
from pedatlas.importer.__main__ import main


@pytest.fixture
def fixture_db(tmp_path):
    """A private copy of the fixture database."""
    return fixture_copy(tmp_path)


TARGETS_CSV = "indicator,year,value,unit,label_zh,label_en\ncoverage,2026,0.9,%,覆盖率,Coverage\n"


def test_cli_dry_run_checks_without_writing(fixture_db, tmp_path, capsys):
    path = tmp_path / "targets.csv"
    path.write_text(TARGETS_CSV, encoding="utf-8")
    before = sha256(fixture_db)
    assert main([str(path), "--db", str(fixture_db), "--dry-run", "--lang", "en"]) == 0
    assert "Dry run" in capsys.readouterr().out
    assert sha256(fixture_db) == before


def test_cli_imports_then_undoes(fixture_db, tmp_path, capsys):
    path = tmp_path / "targets.csv"
    path.write_text(TARGETS_CSV, encoding="utf-8")
    before = sha256(fixture_db)
    assert main([str(path), "--db", str(fixture_db), "--table", "targets"]) == 0
    assert row_count(fixture_db, "targets") == 4
    assert main(["--undo", "--db", str(fixture_db)]) == 0
    assert sha256(fixture_db) == before
    assert main(["--undo", "--db", str(fixture_db)]) == 1


def test_cli_rejects_a_bad_file_and_writes_the_problems(fixture_db, tmp_path, capsys):
    path = tmp_path / "targets.csv"
    path.write_text(TARGETS_CSV.replace("0.9", "九成"), encoding="utf-8")
    problems = tmp_path / "problems.csv"
    code = main(
        [str(path), "--db", str(fixture_db), "--lang", "en", "--problems-csv", str(problems)]
    )
    assert code == 1
    assert "must be a number" in capsys.readouterr().out
    frame = pd.read_csv(problems)
    assert list(frame[["row", "column", "value", "reason"]].itertuples(index=False, name=None)) == [
        (2, "value", "九成", "bad_number")
    ]


def test_cli_writes_templates_exports_and_quality_tables(fixture_db, tmp_path):
    assert main(["--template", "hospitals", "--format", "csv", "-o", str(tmp_path / "t.csv")]) == 0
    assert (tmp_path / "t.csv").read_text("utf-8-sig").startswith("医院编号,名称")
    assert main(["--template", "hospitals", "-o", str(tmp_path / "t.xlsx")]) == 0
    assert (tmp_path / "t.xlsx").read_bytes()[:2] == b"PK"
    out = tmp_path / "referrals.csv"
    assert main(["--export", "referrals", "--db", str(fixture_db), "-o", str(out)]) == 0
    assert len(pd.read_csv(out, encoding="utf-8-sig")) == 8
    assert main(["--quality", str(tmp_path / "dq"), "--db", str(fixture_db)]) == 0
    assert (tmp_path / "dq" / "orphans.csv").exists()


def test_cli_without_files_is_a_usage_error():
    assert main([]) == 2


def test_cli_unknown_table_is_an_error(fixture_db, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(TARGETS_CSV, encoding="utf-8")
    assert main([str(path), "--db", str(fixture_db), "--table", "regions"]) == 1


def audit_rows(log=None) -> list[tuple]:
    """(event, who, what, rows, via) of the audit log, oldest first."""
    events = audit.events(log).iloc[::-1]
    return [
        (
            e.event,
            e.who,
            e.what,
            None if pd.isna(e.rows) else int(e.rows),
            json.loads(e.detail).get("via"),
        )
        for e in events.itertuples()
    ]


def test_cli_imports_and_undos_are_audited_with_who_what_and_rows(
    fixture_db, tmp_path, monkeypatch
):
    path = tmp_path / "targets.csv"
    path.write_text(TARGETS_CSV, encoding="utf-8")
    assert main([str(path), "--db", str(fixture_db), "--dry-run"]) == 0
    assert audit_rows() == []  # a check alone writes nothing, so logs nothing
    assert main([str(path), "--db", str(fixture_db), "--by", "wang"]) == 0
    monkeypatch.setenv("USER", "ops-li")
    monkeypatch.setenv("LOGNAME", "ops-li")
    assert main(["--undo", "--db", str(fixture_db)]) == 0
    assert main(["--undo", "--db", str(fixture_db)]) == 1  # nothing left: a failed try, logged
    log = audit_rows()
    assert log[:4] == [
        ("import_started", "wang", "targets.csv", 1, "cli"),
        ("import", "wang", "targets.csv", 1, "cli"),
        ("import_started", "ops-li", "targets.csv", 1, "cli"),
        ("undo", "ops-li", "targets.csv", 1, "cli"),
    ]
    assert [(e[0], e[1]) for e in log[4:]] == [
        ("import_started", "ops-li"),
        ("undo_failed", "ops-li"),
    ]
    at = audit.events()["at"]
    assert at.str.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$").all()  # when, in UTC
    assert audit.reconcile(fixture_db) == 0  # every start has its end
