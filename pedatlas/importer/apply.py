"""apply_import and undo_last_import: change a copy of the database, then swap it in atomically.

The live file is only ever read: the change is made in a copy next to it (same file system, so
os.replace is atomic) and readers see either the old file or the new one, never a half-written
one. The old file is kept, as a hard link, for undo_last_import.
"""

import contextlib
import fcntl
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from pedatlas.build import derived
from pedatlas.i18n import translate
from pedatlas.importer.batches import Batch
from pedatlas.importer.columns import RESOURCE_COLUMNS, TABLES
from pedatlas.importer.plan import ImporterError, ImportPlan, Progress, silent_progress
from pedatlas.importer.problems import concat_problems
from pedatlas.importer.quality import orphan_totals
from pedatlas.importer.validation import REPLACE, TableChange, database_problems
from pedatlas.paths import database_path

INSERT_CHUNK_ROWS = 250_000  # small enough for steady progress, large enough to stay fast
# A work file of an import untouched this long, while no import holds the lock, was left by a
# killed one: the largest upload is copied and written in a few minutes (bench_import.py), and a
# running import touches its copy all the time.
STALE_AFTER_S = 15 * 60


class ImportRejected(ImporterError):
    """The plan has errors (or the database changed so that it now has): nothing was written."""

    def __init__(self, message: str, problems: pd.DataFrame | None = None):
        super().__init__(message)
        self.problems = problems


@dataclass
class ImportResult:
    """What apply_import did: the tables changed and where the previous file was kept."""

    db_path: Path
    backup_path: Path
    changes: dict[str, TableChange]
    seconds: float
    message: str


@dataclass
class UndoResult:
    """What undo_last_import restored."""

    db_path: Path
    restored_import: dict
    message: str


def backup_path(db: Path) -> Path:
    """Where the file before the last import is kept: <db>.previous.duckdb."""
    return db.with_name(f"{db.name}.previous.duckdb")


def backup_note_path(db: Path) -> Path:
    """The JSON note saying what the last import changed (shown before an undo)."""
    return db.with_name(f"{db.name}.previous.json")


def apply_import(
    plan: ImportPlan, db_path: str | Path | None = None, progress: Progress | None = None
) -> ImportResult:
    """Write a valid plan into the database: all of it or nothing; the old file is kept for undo."""
    report = progress or silent_progress
    lang = plan.lang
    if not plan.ok:
        raise ImportRejected(translate("importer_error_rejected", lang, errors=plan.error_count))
    db = Path(db_path) if db_path is not None else plan.db_path or database_path()
    started = time.perf_counter()
    with import_lock(db):
        refuse_live_writer(db, lang)
        remove_stale_copies(db)
        temp = db.with_name(f"{db.name}.importing-{uuid.uuid4().hex}.duckdb")
        try:
            report(0.02, translate("importer_progress_copying", lang))
            shutil.copyfile(db, temp)
            write_copy(temp, plan, report)
            report(0.97, translate("importer_progress_swapping", lang))
            swap_in(db, temp)
        finally:
            _remove(temp)
            _remove(temp.with_name(temp.name + ".wal"))
        note = import_note(plan)
        backup_note_path(db).write_text(json.dumps(note, ensure_ascii=False, indent=1), "utf-8")
    report(1.0, translate("importer_progress_done", lang))
    return ImportResult(
        db_path=db,
        backup_path=backup_path(db),
        changes=plan.changes,
        seconds=time.perf_counter() - started,
        message=translate("importer_applied", lang, rows=plan.rows_added + plan.rows_replaced),
    )


def undo_last_import(db_path: str | Path | None = None, lang: str = "zh") -> UndoResult:
    """Put the file from before the last import back in place (atomically); one level of undo."""
    db = Path(db_path) if db_path is not None else database_path()
    with import_lock(db):
        backup = backup_path(db)
        if not backup.exists():
            raise ImporterError(translate("importer_error_nothing_to_undo", lang))
        refuse_live_writer(db, lang)
        note_path = backup_note_path(db)
        note = json.loads(note_path.read_text("utf-8")) if note_path.exists() else {}
        os.replace(backup, db)
        _remove(note_path)
    return UndoResult(db, note, translate("importer_undone", lang))


def stale_copies(db: Path) -> list[Path]:
    """Work files an interrupted import left next to the database (copies, their logs, stages)."""
    work_file = re.compile(
        re.escape(db.name) + r"\.(importing-[0-9a-f]{32}\.duckdb(\.wal)?|backup-[0-9a-f]{32})"
    )
    return sorted(path for path in db.parent.glob(f"{db.name}.*") if work_file.fullmatch(path.name))


def remove_stale_copies(db: Path, min_age_s: float = 0) -> list[Path]:
    """Delete the work files of interrupted imports (those untouched for min_age_s seconds);
    the caller holds the import lock."""
    now = time.time()
    found = [path for path in stale_copies(db) if now - _mtime(path, now) >= min_age_s]
    for path in found:
        _remove(path)
    return found


def clean_stale_imports(
    db_path: str | Path | None = None, min_age_s: float = STALE_AFTER_S
) -> list[Path]:
    """At start-up or before an import: remove what killed imports left behind.

    Only when no import is running (the lock is free right now) and only files untouched for
    min_age_s seconds (a second guard, e.g. for a lock that another machine cannot see);
    returns the removed files.
    """
    db = Path(db_path) if db_path is not None else database_path()
    lock_path = db.with_name(f"{db.name}.lock")
    if not db.parent.is_dir():
        return []
    with open(lock_path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return []  # an import is running: its copy is not stale
        try:
            return remove_stale_copies(db, min_age_s)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _mtime(path: Path, default: float) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return default


@contextlib.contextmanager
def import_lock(db: Path) -> Iterator[None]:
    """Hold an exclusive lock so that two imports (or an import and an undo) never interleave."""
    lock_path = db.with_name(f"{db.name}.lock")
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def refuse_live_writer(db: Path, lang: str) -> None:
    """Raise when a write-ahead log sits next to the file: another process is writing it."""
    if db.with_name(db.name + ".wal").exists():
        raise ImporterError(translate("importer_error_busy", lang, path=db))


def write_copy(temp: Path, plan: ImportPlan, report: Progress) -> None:
    """Validate and apply the plan inside one transaction in the copy, then checkpoint and close."""
    lang = plan.lang
    connection = duckdb.connect()
    try:
        # DuckDB draws its own progress bar on long queries (the rollups of a national build)
        # into the CLI's output, between the importer's own progress lines.
        connection.execute("SET enable_progress_bar = false")
        connection.execute(f"ATTACH '{_quoted(temp)}' AS atlas")
        connection.execute("BEGIN TRANSACTION")
        report(0.08, translate("importer_progress_validating", lang))
        revalidate(connection, plan)
        before = orphan_totals(connection)
        counts_before = {name: _count(connection, name) for name in plan.batches}
        total = sum(len(batch) for batch in plan.batches.values())
        written = 0
        for batch in plan.batches.values():
            written = write_batch(connection, batch, plan.mode, report, written, total, lang)
        report(0.9, translate("importer_progress_verifying", lang))
        verify(connection, plan, before, counts_before)
        # Rollups commit with the rows they summarise; slow ones whose inputs this import did not
        # write are kept (an import of hospitals also writes their resources).
        tables = set(plan.batches) | (
            {"hospital_resources"} if "hospitals" in plan.batches else set()
        )
        derived.refresh(connection, "atlas", changed=tables)
        connection.execute("COMMIT")
        connection.execute("CHECKPOINT atlas")
        connection.execute("DETACH atlas")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


def revalidate(connection: duckdb.DuckDBPyConnection, plan: ImportPlan) -> None:
    """Run the plan's database checks again on the copy: it may have changed since planning."""
    problems, _ = database_problems(plan.batches, plan.mode, connection, pd.Timestamp.now())
    found = concat_problems(list(problems.values()))
    if len(found):
        raise ImportRejected(
            translate("importer_error_changed", plan.lang, errors=len(found)), found
        )


def write_batch(
    connection: duckdb.DuckDBPyConnection,
    batch: Batch,
    mode: str,
    report: Progress,
    written: int,
    total: int,
    lang: str,
) -> int:
    """Replace or extend one table with the batch (chunked for progress); rows written so far."""
    table = batch.table
    columns = table.db_columns
    if mode == REPLACE:
        connection.execute(f"DELETE FROM atlas.{table.name}")
    rows = batch.frame[columns]
    selected = ", ".join(_cast(table.name, column) for column in columns)
    for start in range(0, len(rows), INSERT_CHUNK_ROWS):
        chunk = rows.iloc[start : start + INSERT_CHUNK_ROWS]
        connection.register("importer_rows", chunk)
        try:
            connection.execute(
                f"INSERT INTO atlas.{table.name} ({', '.join(columns)}) "
                f"SELECT {selected} FROM importer_rows"
            )
        finally:
            connection.unregister("importer_rows")
        written += len(chunk)
        report(
            0.1 + 0.8 * written / max(total, 1),
            translate(
                "importer_progress_writing", lang, table=table.name, rows=written, total=total
            ),
        )
    if table.name == "hospitals":
        write_resources(connection, batch, mode)
    return written


def write_resources(connection: duckdb.DuckDBPyConnection, batch: Batch, mode: str) -> None:
    """Copy the hospitals' staff and bed figures into hospital_resources for their year."""
    columns = ["hospital_id", "year", *RESOURCE_COLUMNS, "is_synthetic"]
    if mode == REPLACE:  # resources of hospitals that are gone would be orphans
        connection.execute(
            "DELETE FROM atlas.hospital_resources WHERE hospital_id NOT IN "
            "(SELECT hospital_id FROM atlas.hospitals)"
        )
    same_figures = " AND ".join(f"r.{name} = i.{name}" for name in RESOURCE_COLUMNS)
    figures = ", ".join(f"i.{name}" for name in RESOURCE_COLUMNS)
    connection.register("importer_resources", batch.frame[columns])
    try:
        # hospitals.is_synthetic says whether the hospital is invented, the resource flag whether
        # the figures are: unchanged figures keep their flag, new ones take the hospital's.
        connection.execute(
            f"INSERT OR REPLACE INTO atlas.hospital_resources ({', '.join(columns)}) "
            f"SELECT i.hospital_id, i.year, {figures}, "
            f"CASE WHEN {same_figures} THEN r.is_synthetic ELSE i.is_synthetic END "
            "FROM importer_resources i LEFT JOIN atlas.hospital_resources r "
            "ON r.hospital_id = i.hospital_id AND r.year = i.year"
        )
    finally:
        connection.unregister("importer_resources")


def verify(
    connection: duckdb.DuckDBPyConnection,
    plan: ImportPlan,
    orphans_before: dict[tuple[str, str], int],
    counts_before: dict[str, int],
) -> None:
    """Raise unless every table has the expected rows and no new orphan rows appeared."""
    for name, batch in plan.batches.items():
        expected = len(batch) if plan.mode == REPLACE else counts_before[name] + len(batch)
        if _count(connection, name) != expected:
            raise ImporterError(translate("importer_error_verify", plan.lang, table=name))
    for relation, rows in orphan_totals(connection).items():
        if rows > orphans_before.get(relation, 0):
            table, column = relation
            raise ImporterError(
                translate(
                    "importer_error_orphans", plan.lang, table=table, column=column, rows=rows
                )
            )


def swap_in(db: Path, temp: Path) -> None:
    """Keep the current file as the backup (hard link) and move the new one into its place."""
    staged = db.with_name(f"{db.name}.backup-{uuid.uuid4().hex}")
    try:
        os.link(db, staged)
    except OSError:  # file systems without hard links
        shutil.copy2(db, staged)
    try:
        os.replace(temp, db)
    except BaseException:
        _remove(staged)
        raise
    os.replace(staged, backup_path(db))


def import_note(plan: ImportPlan) -> dict:
    """What the import changed, for the undo button's label."""
    return {
        "applied_at": pd.Timestamp.now().isoformat(timespec="seconds"),
        "mode": plan.mode,
        "files": [report.file for report in plan.files],
        "changes": {
            name: {"added": c.added, "replaced": c.replaced, "removed": c.removed}
            for name, c in plan.changes.items()
        },
    }


def last_import_note(db: Path) -> dict | None:
    """What the last import changed ({} when unrecorded), or None when there is nothing to undo."""
    if not backup_path(db).exists():
        return None
    note = backup_note_path(db)
    try:
        return json.loads(note.read_text("utf-8")) if note.exists() else {}
    except (OSError, ValueError):
        return {}


def note_rows(note: dict) -> int | None:
    """Rows an undo of the noted import changes back (added, replaced and removed ones); None
    when the note does not say (the audit log then leaves rows empty)."""
    changes = note.get("changes")
    if not changes:
        return None
    return sum(int(c.get(k, 0)) for c in changes.values() for k in ("added", "replaced", "removed"))


def _cast(table: str, column: str) -> str:
    kind = TABLES[table].column(column).kind
    return f"CAST({column} AS DATE) AS {column}" if kind == "date" else column


def _count(connection: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(connection.execute(f"SELECT count(*) FROM atlas.{table}").fetchall()[0][0])


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


__all__ = [
    "ImportRejected",
    "clean_stale_imports",
    "last_import_note",
    "note_rows",
    "ImportResult",
    "UndoResult",
    "apply_import",
    "backup_path",
    "undo_last_import",
]
