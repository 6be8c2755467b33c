"""Roles, scopes, the users file and its CLI, the audit log, and the safe-serving rules."""

import io
import json
import os
import stat
import subprocess
import sys

import pytest

from pedatlas.auth import audit, cli, launch, users
from pedatlas.auth.roles import role_allows
from pedatlas.auth.safety_rules import exposure, is_loopback
from pedatlas.auth.scope import NATIONAL, Scope, ScopeError, parse_scope
from pedatlas.importer.limits import MAX_UPLOAD_MB
from pedatlas.paths import PROJECT_ROOT


def test_each_role_can_do_what_the_issue_lists():
    assert [
        a
        for a in ("view", "download", "briefing", "import", "undo", "users", "audit")
        if role_allows("viewer", a)
    ] == ["view"]
    assert role_allows("analyst", "download") and role_allows("analyst", "briefing")
    assert not role_allows("analyst", "import") and not role_allows("analyst", "audit")
    assert all(role_allows("admin", a) for a in ("import", "undo", "users", "audit", "download"))
    assert not role_allows("root", "view") and not role_allows("admin", "format_disk")


def test_scope_texts():
    assert parse_scope("") == NATIONAL and parse_scope("national") == NATIONAL
    assert parse_scope("province:360000") == Scope("province", "360000")
    assert parse_scope(" City:360100 ") == Scope("city", "360100")
    assert parse_scope("alliance:HH").text() == "alliance:HH"
    for bad in ("province:360100", "city:360000", "city:99", "alliance:", "alliance:x y", "world"):
        with pytest.raises(ScopeError):
            parse_scope(bad)


def test_users_file_keeps_hashes_only_and_private(tmp_path):
    path = tmp_path / "users.json"
    users.add(path, "alice", "correct horse", "admin")
    users.add(path, "bob", "battery staple", "viewer", "province:360000")
    text = path.read_text("utf-8")
    assert "correct horse" not in text and "battery staple" not in text
    assert json.loads(text)["users"]["alice"]["password_hash"].startswith("$argon2id$")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert users.verify(path, "alice", "correct horse").role == "admin"
    assert users.verify(path, "alice", "wrong horse") is None
    assert users.verify(path, "nobody", "correct horse") is None
    assert users.set_role(path, "bob", "analyst").role == "analyst"
    assert users.set_scope(path, "bob", "city:360100").scope == "city:360100"
    users.remove(path, "alice")
    assert sorted(users.load(path)) == ["bob"]
    for change in (
        lambda: users.add(path, "bob", "another pass", "viewer"),
        lambda: users.add(path, "eve", "short", "viewer"),
        lambda: users.add(path, "eve", "long enough", "superuser"),
        lambda: users.add(path, "eve space", "long enough", "viewer"),
        lambda: users.remove(path, "alice"),
        lambda: users.set_scope(path, "bob", "province:12"),
    ):
        with pytest.raises(users.UsersError):
            change()


def test_a_changed_users_file_is_read_again_and_a_broken_one_refused(tmp_path):
    # load() keeps the parsed file per version: every change must still be seen at once.
    path = tmp_path / "users.json"
    assert users.load(path) == {}
    users.add(path, "li", "correct horse battery", "viewer")
    assert users.load(path)["li"].role == "viewer"
    users.set_role(path, "li", "analyst")
    assert users.load(path)["li"].role == "analyst"
    users.add(path, "wang", "another long password", "admin")
    assert sorted(users.load(path)) == ["li", "wang"]
    users.remove(path, "li")
    assert sorted(users.load(path)) == ["wang"]
    path.write_text("{not json", "utf-8")
    with pytest.raises(users.UsersError):
        users.load(path)
    path.unlink()
    assert users.load(path) == {}


def test_cli_reads_the_password_from_stdin_and_audits_every_change(tmp_path, monkeypatch):
    monkeypatch.setenv("PEDATLAS_USERS", str(tmp_path / "users.json"))
    monkeypatch.setenv("PEDATLAS_AUDIT", str(tmp_path / "audit.sqlite3"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("pass-word-1\n"))
    assert (
        cli.main(
            ["add", "carol", "--role", "analyst", "--scope", "city:360100", "--password-stdin"]
        )
        == 0
    )
    assert cli.main(["set-role", "carol", "admin"]) == 0
    assert cli.main(["set-scope", "carol", "national"]) == 0
    assert cli.main(["remove", "carol"]) == 0
    assert cli.main(["remove", "carol"]) == 1  # error, not a traceback
    log = audit.events(tmp_path / "audit.sqlite3")
    assert list(log["event"])[::-1] == ["user_added", "user_role", "user_scope", "user_removed"]
    assert set(log["what"]) == {"carol"}
    assert "pass-word-1" not in (tmp_path / "audit.sqlite3").read_bytes().decode("latin-1")


def test_cli_has_no_password_argument():
    with pytest.raises(SystemExit):
        cli.parser().parse_args(["add", "x", "--role", "admin", "--password", "p"])


def test_cli_runs_as_a_module_without_streamlit(tmp_path):
    env = {
        **os.environ,
        "PEDATLAS_USERS": str(tmp_path / "u.json"),
        "PEDATLAS_AUDIT": str(tmp_path / "a.sqlite3"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "pedatlas.users", "list"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert "no users in" in done.stdout and done.stderr == "" and done.returncode == 0
    code = "import sys; from pedatlas.auth import cli; cli.main(['list']); print(sorted(m for m in sys.modules if m.startswith('streamlit')))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    assert done.stdout.strip().endswith("[]")  # the CLI does not import streamlit


def test_audit_log_records_and_reconciles_a_killed_import(tmp_path):
    log, db = tmp_path / "audit.sqlite3", tmp_path / "atlas.duckdb"
    db.write_bytes(b"old")
    audit.record("sign_in", "alice", "local", path=log)
    # a start whose process died before the swap: the old file is still there
    audit.record(
        "import_started",
        "alice",
        "a.csv",
        10,
        log,
        kind="import",
        db=str(db),
        before=audit.file_identity(db),
        pid=2**22 + 12345,
    )
    assert audit.reconcile(db, log) == 1
    # a start whose process died after the swap: a new file is in place
    audit.record(
        "import_started",
        "alice",
        "b.csv",
        7,
        log,
        kind="import",
        db=str(db),
        before=audit.file_identity(db),
        pid=2**22 + 12345,
    )
    db.unlink()
    db.write_bytes(b"new file")
    assert audit.reconcile(db, log) == 1
    assert audit.reconcile(db, log) == 0  # closed once
    events = audit.events(log).iloc[::-1]  # oldest first
    assert list(events["event"]) == [
        "sign_in",
        "import_started",
        "import_interrupted",
        "import_started",
        "import",
    ]
    assert events["rows"].iloc[4] == 7 and events["what"].iloc[4] == "b.csv"
    assert json.loads(events["detail"].iloc[4])["recorded_late"] is True


def test_audited_write_logs_start_end_and_failure(tmp_path):
    log, db = tmp_path / "audit.sqlite3", tmp_path / "atlas.duckdb"
    db.write_bytes(b"x")
    assert audit.audited_write("import", "admin1", db, lambda: "ok", "a.csv", 3, log) == "ok"

    def broken():
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        audit.audited_write("undo", "admin1", db, broken, "", None, log)
    events = audit.events(log)
    assert list(events["event"])[::-1] == [
        "import_started",
        "import",
        "import_started",
        "undo_failed",
    ]
    assert json.loads(events["detail"].iloc[0])["error"] == "disk full"


def test_loopback_rules():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("") and not is_loopback("10.1.2.3")
    assert exposure("127.0.0.1", None, None) == ""
    assert exposure("127.0.0.1", None, "127.0.0.1") == ""
    assert exposure("0.0.0.0", None, None).startswith("server.address")
    assert exposure(None, None, None).startswith("server.address")
    assert exposure("127.0.0.1", None, "10.0.0.7, 127.0.0.1") == "X-Forwarded-For 10.0.0.7"
    assert exposure("127.0.0.1", "192.168.1.5", None) == "client 192.168.1.5"


def test_launcher_serves_loopback_by_default_with_the_importers_upload_limit():
    cmd, message = launch.command(["--server.port", "8600"], [], trusted=False)
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
    assert cmd[1:4] == ["-m", "pedatlas.serve", "run"]  # no "Page not found" on a first deep link
    assert cmd[cmd.index("--server.maxUploadSize") + 1] == str(MAX_UPLOAD_MB)
    assert message == (
        "PedAtlas serves http://127.0.0.1:8600 on this machine only (no sign-in configured)."
    )


def test_launcher_refuses_the_network_without_sign_in():
    with pytest.raises(SystemExit, match="refusing to serve on 0.0.0.0"):
        launch.command(["--server.address", "0.0.0.0"], [], trusted=False)
    _, message = launch.command(["--server.address=0.0.0.0"], ["local"], trusted=False)
    assert "with sign-in (local)" in message
    _, message = launch.command(["--server.address", "0.0.0.0"], [], trusted=True)
    assert message.startswith("WARNING") and "WITHOUT SIGN-IN" in message
