"""Faults: a kill in the middle of an import, and a database that is missing, unreadable or
corrupted. The database and the audit log must stay consistent; users get a page, not a trace."""

import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from pedatlas.auth import audit, users
from pedatlas.importer.apply import STALE_AFTER_S
from pedatlas.paths import PROJECT_ROOT
from tests.apptest_helpers import errors, open_page
from tests.helpers import scalar

DRIVER = PROJECT_ROOT / "tests" / "deploy_import_driver.py"
REFERRAL_ROWS = 200_000  # enough that the copy and the write take a while on this machine


@pytest.fixture(scope="module")
def referral_csv(demo_db, tmp_path_factory):
    """New referrals between existing hospitals (ids after the demo's last one)."""
    path = tmp_path_factory.mktemp("faults") / "new_referrals.csv"
    connection = duckdb.connect(str(demo_db), read_only=True)
    first = connection.execute("SELECT max(referral_id) + 1 FROM referrals").fetchone()[0]
    frame = connection.execute(
        "SELECT $first + row_number() OVER () - 1 AS referral_id, referred_on, from_hospital_id, "
        "to_hospital_id, department, age_group, distance_km FROM referrals LIMIT $rows",
        {"first": first, "rows": REFERRAL_ROWS},
    ).df()
    connection.close()
    frame.to_csv(path, index=False)
    return path


def referral_count(db) -> int:
    connection = duckdb.connect(str(db), read_only=True)  # opens: the file is intact
    try:
        return scalar(connection, "SELECT count(*) FROM referrals")
    finally:
        connection.close()


def run_and_kill(db, csv, log, at: float):
    """Start the audited import and SIGKILL it once its progress passes `at` (or at its end)."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(db), str(csv), str(log)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
    )
    assert process.stdout is not None  # stdout=PIPE
    for line in process.stdout:
        if line.startswith("progress") and float(line.split()[1]) >= at:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()


@pytest.mark.parametrize("at", [0.02, 0.5, 0.97])
def test_sigkill_mid_import_leaves_old_or_new_database_and_a_consistent_log(
    demo_db, referral_csv, tmp_path, at
):
    db, log = tmp_path / "atlas.duckdb", tmp_path / "audit.sqlite3"
    shutil.copyfile(demo_db, db)
    old = referral_count(db)
    run_and_kill(db, referral_csv, log, at)
    now = referral_count(db)
    assert now in (old, old + REFERRAL_ROWS)
    assert audit.reconcile(db, log) == 1  # the killed writer's start is closed now
    events = audit.events(log).iloc[::-1]
    assert list(events["event"])[0] == "import_started"
    outcome = events["event"].iloc[-1]
    assert outcome == ("import" if now == old + REFERRAL_ROWS else "import_interrupted")
    assert json.loads(events["detail"].iloc[-1])["recorded_late"] is True
    # no half-written copy is left where the app would read it
    assert not db.with_name(db.name + ".wal").exists()


def test_an_import_that_finishes_is_logged_with_its_rows(demo_db, referral_csv, tmp_path):
    db, log = tmp_path / "atlas.duckdb", tmp_path / "audit.sqlite3"
    shutil.copyfile(demo_db, db)
    old = referral_count(db)
    run_and_kill(db, referral_csv, log, at=2.0)  # never reached: the driver ends by itself
    assert referral_count(db) == old + REFERRAL_ROWS
    events = audit.events(log).iloc[::-1]
    assert list(events["event"]) == ["import_started", "import"]
    assert events["rows"].iloc[-1] == REFERRAL_ROWS
    assert audit.reconcile(db, log) == 0


def page_text(app) -> str:
    return "\n".join(str(e.value) for kind in ("title", "error") for e in app.get(kind))


def test_corrupted_database_gives_a_page_with_what_to_run(monkeypatch, tmp_path):
    db = tmp_path / "atlas.duckdb"
    db.write_bytes(b"this is not a duckdb file" * 1000)
    app = open_page(monkeypatch, db)
    assert not app.exception
    text = page_text(app)
    assert "无法读取数据库文件" in text and f"python -m pedatlas.build --out {db}" in text


def test_unreadable_database_gives_a_page(monkeypatch, tmp_path):
    db = tmp_path / "atlas.duckdb"
    db.mkdir()  # a directory where the file should be: cannot be opened (root reads any file)
    app = open_page(monkeypatch, db)
    assert not app.exception
    assert "无法读取数据库文件" in page_text(app)


def test_missing_database_of_a_deployment_gives_a_page_with_what_to_run(monkeypatch, tmp_path):
    state = tmp_path / "state"
    users.add(state / "users.json", "admin1", "pedatlas-test-pw", "admin")
    monkeypatch.setenv("PEDATLAS_STATE_DIR", str(state))
    db = tmp_path / "nowhere" / "atlas.duckdb"
    app = open_page(monkeypatch, db)
    app.text_input(key="auth_name").set_value("admin1")
    app.text_input(key="auth_pw").set_value("pedatlas-test-pw")
    app.button[0].click().run()
    assert not app.exception
    text = page_text(app)
    assert "找不到数据库文件" in text and f"python -m pedatlas.build --out {db}" in text
    assert not db.exists()  # a deployment does not invent demo data in place of its own


def test_pages_never_write_the_served_database(monkeypatch, demo_db, tmp_path):
    db = tmp_path / "atlas.duckdb"
    shutil.copyfile(demo_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest(), os.stat(db).st_mtime_ns
    for script in ("pages/overview.py", "pages/resource_map.py", "pages/data.py"):
        app = open_page(monkeypatch, db, script)
        assert errors(app) == []
    assert (hashlib.sha256(db.read_bytes()).hexdigest(), os.stat(db).st_mtime_ns) == before
    # nothing next to it but the importer's lock file (no write-ahead log, no copy)
    assert {p.name for p in tmp_path.iterdir()} <= {"atlas.duckdb", "atlas.duckdb.lock"}


def test_app_start_removes_work_copies_of_killed_imports_but_not_a_running_ones(
    monkeypatch, demo_db, tmp_path
):
    db = tmp_path / "atlas.duckdb"
    shutil.copyfile(demo_db, db)
    killed = tmp_path / f"atlas.duckdb.importing-{'a' * 32}.duckdb"
    killed_log = tmp_path / f"{killed.name}.wal"
    young = tmp_path / f"atlas.duckdb.importing-{'b' * 32}.duckdb"  # an import may write it now
    for path in (killed, killed_log, young):
        path.write_bytes(b"x" * 10_000)
    long_ago = time.time() - STALE_AFTER_S - 60
    for path in (killed, killed_log):
        os.utime(path, (long_ago, long_ago))
    lock = tmp_path / "atlas.duckdb.lock"
    with open(lock, "a+b") as handle:  # an import holds the lock: nothing is touched
        fcntl.flock(handle, fcntl.LOCK_EX)
        assert errors(open_page(monkeypatch, db)) == []
        assert killed.exists() and killed_log.exists() and young.exists()
        fcntl.flock(handle, fcntl.LOCK_UN)
    app = open_page(monkeypatch, db)  # the next start, no import running
    assert errors(app) == []
    assert not killed.exists() and not killed_log.exists()
    assert young.exists()  # too young to be called stale
    assert referral_count(db) > 0  # the database itself is untouched and opens
