"""The audit log: who did what and when (sign-in, sign-out, failed sign-in, import, undo, user
changes), in a SQLite file apart from the served database, which imports replace.

SQLite gives atomic appends shared by several app replicas and the CLI, and survives a kill at
any point (synchronous=FULL, one transaction per event). An import is written as two events: a
start, naming the database file's identity, and its end. If the process is killed between them,
``reconcile`` later records from that identity whether the new file went in or not, so the log
always tells what happened to the database.
"""

import json
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from pedatlas.paths import audit_path

EVENTS = (
    "sign_in",
    "sign_out",
    "sign_in_failed",
    "import_started",
    "import",
    "import_failed",
    "import_interrupted",
    "undo",
    "undo_failed",
    "user_added",
    "user_removed",
    "user_role",
    "user_scope",
    "user_password",
)
COLUMNS = ("id", "at", "who", "event", "what", "rows", "detail")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,      -- UTC, ISO 8601
    who    TEXT NOT NULL,      -- user name ('' when unknown, e.g. a failed sign-in names the try)
    event  TEXT NOT NULL,
    what   TEXT NOT NULL,      -- files, user name, ... in words
    rows   INTEGER,            -- rows written by an import, when known
    detail TEXT NOT NULL       -- JSON with the rest
)
"""


def _connect(path: Path | None = None) -> sqlite3.Connection:
    path = Path(path or audit_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=30)
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute(_SCHEMA)
    return connection


def record(
    event: str,
    who: str,
    what: str = "",
    rows: int | None = None,
    path: Path | None = None,
    **detail,
) -> int:
    """Append one event; returns its id."""
    if event not in EVENTS:
        raise ValueError(f"unknown audit event {event!r}")
    at = datetime.now(UTC).isoformat(timespec="seconds")
    with closing(_connect(path)) as connection, connection:
        cursor = connection.execute(
            "INSERT INTO events (at, who, event, what, rows, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (at, who, event, what, rows, json.dumps(detail, ensure_ascii=False, default=str)),
        )
        row_id = cursor.lastrowid
        assert row_id is not None  # an INSERT sets it
        return row_id


def events(path: Path | None = None, limit: int | None = None) -> pd.DataFrame:
    """The log, newest first (all of it, or the newest limit events)."""
    path = Path(path or audit_path())
    if not path.exists():
        return pd.DataFrame(columns=list(COLUMNS))
    sql = "SELECT id, at, who, event, what, rows, detail FROM events ORDER BY id DESC"
    params: tuple = ()
    if limit is not None:
        sql += " LIMIT ?"
        params = (int(limit),)
    with closing(_connect(path)) as connection:
        return pd.read_sql_query(sql, connection, params=params)


def file_identity(db: Path) -> list[int] | None:
    """(inode, mtime_ns, size) of the database file, or None when it is missing."""
    try:
        stat = os.stat(db)
    except OSError:
        return None
    return [stat.st_ino, stat.st_mtime_ns, stat.st_size]


def audited_write(
    kind: str,
    who: str,
    db: Path,
    write: Callable[[], object],
    what: str = "",
    rows: int | None = None,
    path: Path | None = None,
    **detail,
):
    """Run write (an import or an undo of db) between a start and an end event; returns its result.

    kind is 'import' or 'undo'; detail goes into both events (e.g. via='cli'). A failure is
    logged with its message and re-raised.
    """
    started = record(
        "import_started",
        who,
        what,
        rows,
        path,
        kind=kind,
        db=str(db),
        before=file_identity(db),
        pid=os.getpid(),
        **detail,
    )
    try:
        result = write()
    except Exception as error:
        record(f"{kind}_failed", who, what, None, path, start=started, error=str(error), **detail)
        raise
    record(
        kind, who, what, rows, path, start=started, db=str(db), after=file_identity(db), **detail
    )
    return result


def reconcile(db: Path, path: Path | None = None) -> int:
    """Close starts left open by a killed process; returns how many were closed.

    The file's identity tells the outcome: unchanged means the old database is still served
    (interrupted); changed means the new one went in (the write's own event is recorded late).
    """
    log = events(path)
    if log.empty:
        return 0
    ended = set()
    for detail in log.loc[log["event"] != "import_started", "detail"]:
        start = json.loads(detail).get("start")
        if start is not None:
            ended.add(int(start))
    closed = 0
    current = file_identity(db)
    for start in log[log["event"] == "import_started"].itertuples():
        if start.id in ended:
            continue
        detail = json.loads(start.detail)
        if detail.get("db") != str(db) or _alive(detail.get("pid")):
            continue
        went_in = current is not None and current != detail.get("before")
        event = detail.get("kind", "import") if went_in else "import_interrupted"
        rows = None if pd.isna(start.rows) else int(start.rows)
        record(
            event,
            start.who,
            start.what,
            rows if went_in else None,
            path,
            start=int(start.id),
            db=str(db),
            after=current,
            recorded_late=True,
        )
        closed += 1
    return closed


def _alive(pid) -> bool:
    """Whether the process that started a write still runs (then its write is not over)."""
    if not isinstance(pid, int):
        return False
    if pid == os.getpid():  # another thread of this process may be writing right now
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
