"""plan_import: read and validate files against the database; nothing is written."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pedatlas.db import file_identity, open_read_only
from pedatlas.i18n import translate
from pedatlas.importer.batches import FILE, ROW, Batch, MappedSheet, matched_sheet, typed_batch
from pedatlas.importer.columns import IMPORTABLE_TABLES, TABLES, Table, table_by_name
from pedatlas.importer.limits import MAX_CELLS, MAX_ROWS, MAX_TABLE_ROWS, MAX_TOTAL_UPLOAD_BYTES
from pedatlas.importer.problems import (
    ERROR,
    MAX_LISTED_PROBLEMS,
    PROBLEM_COLUMNS,
    Problem,
    as_problems,
    concat_problems,
    file_problem,
    problem_frame,
    rendered_message,
    sorted_problems,
)
from pedatlas.importer.reading import (
    DEFAULT_MAX_BYTES,
    FileRejected,
    as_source,
    distinct_names,
    item_size,
    read_sheets,
)
from pedatlas.importer.validation import (
    APPEND,
    REPLACE,
    TableChange,
    database_problems,
    file_problems,
    stored_rows,
)
from pedatlas.paths import database_path

Progress = Callable[[float, str], None]
MODES = (REPLACE, APPEND)


class ImporterError(RuntimeError):
    """An import that cannot go ahead (bad arguments, missing database, rejected plan)."""


@dataclass
class FileReport:
    """One file of a plan: its table and sheet, how it was read, what happens to its rows."""

    file: str
    table: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    rows: int = 0
    added: int = 0
    replaced: int = 0
    rejected: int = 0
    problems: int = 0


@dataclass
class ImportPlan:
    """Files read and validated: what an apply would change, and every problem found."""

    db_path: Path
    mode: str
    lang: str
    files: list[FileReport]
    changes: dict[str, TableChange]
    problems: list[Problem]  # the first max_problems, ordered by file and row
    problem_count: int  # errors and warnings, all of them
    error_count: int
    reason_counts: dict[str, int]
    batches: dict[str, Batch] = field(repr=False, default_factory=dict)
    db_identity: tuple[int, int, int] | None = None

    @property
    def ok(self) -> bool:
        """True when the plan has rows to write and no errors (warnings allowed)."""
        return self.error_count == 0 and bool(self.batches)

    @property
    def rows_added(self) -> int:
        """Rows with a new key (or all rows of a keyless table) across the imported tables."""
        return sum(change.added for name, change in self.changes.items() if name in TABLES)

    @property
    def rows_replaced(self) -> int:
        """Rows whose key is already stored and that replace the stored row."""
        return sum(change.replaced for name, change in self.changes.items() if name in TABLES)

    @property
    def rows_removed(self) -> int:
        """Stored rows a replace removes because the files do not have them."""
        return sum(change.removed for name, change in self.changes.items() if name in TABLES)

    @property
    def rows_rejected(self) -> int:
        """Rows with at least one error."""
        return sum(report.rejected for report in self.files)

    def problems_frame(self, lang: str | None = None) -> pd.DataFrame:
        """The listed problems as a table (for display and download), messages in lang."""
        lang = lang or self.lang
        records = [
            {
                "file": problem.file,
                "row": problem.row,
                "column": problem.column,
                "value": problem.value,
                "reason": problem.reason,
                "severity": problem.severity,
                "message": rendered_message(problem.__dict__, lang),
            }
            for problem in self.problems
        ]
        columns = ["file", "row", "column", "value", "reason", "severity", "message"]
        frame = pd.DataFrame(records, columns=columns)
        frame["row"] = frame["row"].astype("Int64")
        return frame

    def summary(self, lang: str | None = None) -> str:
        """A few lines saying what the plan would do and how many problems it has."""
        lang = lang or self.lang
        lines = [
            translate(
                "importer_summary_table",
                lang,
                table=translate(f"importer_table_{name}", lang),
                mode=translate(f"importer_mode_{change.mode}", lang),
                added=change.added,
                replaced=change.replaced,
                removed=change.removed,
            )
            for name, change in self.changes.items()
        ]
        lines.append(
            translate(
                "importer_summary_problems",
                lang,
                errors=self.error_count,
                total=self.problem_count,
                rejected=self.rows_rejected,
            )
        )
        if self.problem_count > len(self.problems):
            lines.append(
                translate(
                    "importer_summary_capped",
                    lang,
                    shown=len(self.problems),
                    total=self.problem_count,
                )
            )
        return "\n".join(lines)


def plan_import(
    files: Iterable[object],
    table: str | None = None,
    mode: str = APPEND,
    db_path: str | Path | None = None,
    lang: str = "zh",
    *,
    progress: Progress | None = None,
    max_problems: int = MAX_LISTED_PROBLEMS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = MAX_ROWS,
    now: pd.Timestamp | None = None,
) -> ImportPlan:
    """Read and validate files for import into the database at db_path; writes nothing.

    files: paths, (name, bytes) pairs or uploaded file objects. table: a table key or Chinese
    name, else inferred per file from its headers (or an XLSX sheet name). mode: replace|append.
    """
    report = progress or silent_progress
    spec = requested_table(table)
    if mode not in MODES:
        raise ImporterError(translate("importer_error_mode", lang, mode=mode))
    db = Path(db_path) if db_path is not None else database_path()
    if not db.exists():
        raise ImporterError(translate("importer_error_no_database", lang, path=db))
    now = now if now is not None else pd.Timestamp.now()
    items = list(files)
    names = distinct_names(items)
    limits = (max_bytes, max_rows)
    sheets, header_problems, reports = read_all(items, names, spec, limits, report, lang)
    report(0.45, translate("importer_progress_checking", lang))
    batches, cell_frames = typed_batches(sheets, now)
    identity = file_identity(db)
    cross: dict[str, pd.DataFrame] = {}
    changes: dict[str, TableChange] = {}
    stored: dict[str, int] = {}
    if batches:  # a plan whose files were all refused need not open the database
        connection = open_read_only(db)
        try:
            cross, changes = database_problems(batches, mode, connection, now)
            stored = {name: stored_rows(name, connection) for name in batches}
        finally:
            connection.close()
    report(0.9, translate("importer_progress_summarising", lang))
    problems = all_problems(batches, cell_frames, cross, header_problems)
    problems = sorted_problems(problems, list(reports))
    changes = table_changes(batches, problems, mode, stored) | without_rejected_resources(
        changes, batches, problems
    )
    fill_file_reports(reports, batches, problems)
    errors = problems["severity"] == ERROR
    listed = listed_problems(batches, problems.head(max_problems))
    report(1.0, translate("importer_progress_planned", lang))
    return ImportPlan(
        db_path=db,
        mode=mode,
        lang=lang,
        files=list(reports.values()),
        changes=changes,
        problems=as_problems(listed, lang),
        problem_count=len(problems),
        error_count=int(errors.sum()),
        reason_counts=problems["reason"].value_counts().to_dict(),
        batches=batches,
        db_identity=identity,
    )


def requested_table(name: str | None) -> Table | None:
    """The table named by --table (key or Chinese name), None when not given."""
    if name is None:
        return None
    table = table_by_name(name)
    if table is None:
        raise ImporterError(
            translate("importer_error_table", "en", table=name, tables=", ".join(IMPORTABLE_TABLES))
        )
    return table


def read_all(
    items: list, names: list[str], spec, limits: tuple[int, int], report, lang
) -> tuple[list[MappedSheet], list[dict], dict[str, FileReport]]:
    """Each readable upload (each table sheet of a workbook) matched to its table.

    Returns the sheets, the problems of the files that cannot be used (and the notes on skipped
    sheets), and a report per file, or per sheet when a workbook has several table sheets. The
    rows and cells of all files together are capped (limits.MAX_ROWS, MAX_CELLS), and the rows of
    the tables in MAX_TABLE_ROWS: a file beyond them is refused whole.
    """
    sheets: list[MappedSheet] = []
    problems: list[dict] = []
    reports: dict[str, FileReport] = {}
    max_bytes, max_rows = limits
    rows = cells = total_bytes = 0
    table_rows: Counter[str] = Counter()  # per table, for limits.MAX_TABLE_ROWS
    for number, (item, name) in enumerate(zip(items, names, strict=True)):
        progress_text = translate("importer_progress_reading", lang, file=name)
        report(0.4 * number / max(len(items), 1), progress_text)
        try:
            # All files of one import together, before reading the one that would cross it
            # (uploads arrive one request per file, so no proxy limit can hold this).
            total_bytes += item_size(item) or 0
            if total_bytes > MAX_TOTAL_UPLOAD_BYTES:
                raise FileRejected(
                    file_problem(
                        name, "upload_too_large", value=total_bytes, detail=MAX_TOTAL_UPLOAD_BYTES
                    )
                )
            raw_sheets = read_sheets(  # the bytes are held by read_sheets alone: freed there
                as_source(item, name, max_bytes),
                spec,
                max_bytes,
                max_rows - rows,
                MAX_CELLS - cells,
            )
        except FileRejected as rejected:
            problems += rejected.problems
            reports[name] = FileReport(name, table=rejected.problems[0].get("table"))
            continue
        for raw in raw_sheets:
            problems += raw.notes
            cells += raw.cells.size  # what the caps count, even when the sheet is not used
            try:
                sheet = matched_sheet(raw, spec)
            except FileRejected as rejected:
                problems += rejected.problems
                table = rejected.problems[0].get("table")
                reports[raw.file] = FileReport(raw.file, table=table, sheet=raw.sheet)
                continue
            cap = MAX_TABLE_ROWS.get(sheet.table.name)
            left = cap - table_rows[sheet.table.name] if cap is not None else len(sheet.cells)
            if len(sheet.cells) > left:
                problems.append(
                    file_problem(
                        raw.file,
                        "too_many_rows",
                        table=sheet.table.name,
                        value=len(sheet.cells),
                        detail=max(left, 0),
                    )
                )
                reports[raw.file] = FileReport(raw.file, table=sheet.table.name, sheet=raw.sheet)
                continue
            problems += sheet.warnings
            rows += len(sheet.cells)
            table_rows[sheet.table.name] += len(sheet.cells)
            reports[raw.file] = FileReport(
                raw.file,
                table=sheet.table.name,
                sheet=raw.sheet,
                encoding=raw.encoding,
                rows=len(sheet.cells),
            )
            sheets.append(sheet)
    return sheets, problems, reports


def typed_batches(
    sheets: list[MappedSheet], now: pd.Timestamp
) -> tuple[dict[str, Batch], dict[str, pd.DataFrame]]:
    """A typed batch per table (in write order) and its conversion and pandera problems."""
    batches: dict[str, Batch] = {}
    problems: dict[str, pd.DataFrame] = {}
    for name in IMPORTABLE_TABLES:
        group = [sheet for sheet in sheets if sheet.table.name == name]
        if not group:
            continue
        batch, conversion = typed_batch(TABLES[name], group)
        checked = file_problems(batch, now)
        batches[name] = batch
        problems[name] = concat_problems([conversion, without_failed_cells(checked, conversion)])
    return batches, problems


def without_failed_cells(checked: pd.DataFrame, conversion: pd.DataFrame) -> pd.DataFrame:
    """pandera's missing_value problems minus the cells already reported as unconvertible."""
    if checked.empty or conversion.empty:
        return checked
    failed = pd.MultiIndex.from_frame(conversion[["pos", "column"]])
    here = pd.MultiIndex.from_frame(checked[["pos", "column"]])
    duplicate = here.isin(failed) & (checked["reason"] == "missing_value").to_numpy()
    return checked[~duplicate]


def all_problems(batches, cell_frames, cross, header_problems) -> pd.DataFrame:
    """Every problem as one frame (file, table, row, column, value, reason, detail, severity)."""
    frames = [problem_frame(header_problems)]
    for name, batch in batches.items():
        cells = concat_problems([cell_frames.get(name), cross.get(name)])
        if len(cells):
            frames.append(located(batch, cells))
    return concat_problems(frames).reindex(columns=[*PROBLEM_COLUMNS, "pos"])


def located(batch: Batch, cells: pd.DataFrame) -> pd.DataFrame:
    """Cell problems (by position) with their file and spreadsheet row; values are added later."""
    positions = cells["pos"].to_numpy(dtype=np.int64)
    in_rows = positions >= 0
    safe = np.where(in_rows, positions, 0)
    files = batch.frame[FILE].to_numpy(dtype=object)[safe]
    rows = batch.frame[ROW].to_numpy()[safe]
    frame = pd.DataFrame(
        {
            "file": np.where(in_rows, files, batch.files[0]),
            "table": batch.table.name,
            "row": pd.array(np.where(in_rows, rows, 0), dtype="Int64"),
            "column": cells["column"].to_numpy(),
            "value": cells["value"].to_numpy() if "value" in cells else None,
            "reason": cells["reason"].to_numpy(),
            "detail": cells["detail"].to_numpy(),
            "severity": ERROR,
            "pos": positions,
        }
    )
    frame.loc[~in_rows, "row"] = pd.NA
    return frame


def table_changes(batches, problems, mode, stored) -> dict[str, TableChange]:
    """Per table: rows added, replaced, removed (replace mode) by the rows without errors."""
    changes = {}
    for name, batch in batches.items():
        rejected = rejected_mask(batch, problems)
        matched = batch.matched if batch.matched is not None else np.zeros(len(batch), bool)
        change = TableChange(name, mode, rows=len(batch))
        change.added = int((~rejected & ~matched).sum())
        change.replaced = int((~rejected & matched).sum())
        change.removed = stored[name] - int(matched.sum()) if mode == REPLACE else 0
        change.rejected = int(rejected.sum())
        changes[name] = change
    return changes


def without_rejected_resources(
    changes: dict[str, TableChange], batches: dict[str, Batch], problems: pd.DataFrame
) -> dict[str, TableChange]:
    """The hospital_resources change counted over the hospitals that are not rejected."""
    change = changes.get("hospital_resources")
    hospitals = batches.get("hospitals")
    if change is None or hospitals is None or hospitals.resource_matched is None:
        return changes
    rejected = rejected_mask(hospitals, problems)
    matched = hospitals.resource_matched
    change.added = int((~rejected & ~matched).sum())
    change.replaced = int((~rejected & matched).sum())
    change.rejected = int(rejected.sum())
    return changes


def rejected_mask(batch: Batch, problems: pd.DataFrame) -> np.ndarray:
    """True for the batch's rows with at least one error."""
    mask = np.zeros(len(batch), dtype=bool)
    if "pos" not in problems or problems.empty:
        return mask
    mine = problems[(problems["table"] == batch.table.name) & (problems["severity"] == ERROR)]
    positions = pd.to_numeric(mine["pos"], errors="coerce").dropna().to_numpy(dtype=np.int64)
    mask[positions[positions >= 0]] = True
    return mask


def fill_file_reports(reports: dict[str, FileReport], batches, problems: pd.DataFrame) -> None:
    """Per file: rows added, replaced and rejected, and how many problems it has."""
    counts = problems["file"].value_counts()
    for name, report in reports.items():
        report.problems = int(counts.get(name, 0))
    for batch in batches.values():
        rejected = rejected_mask(batch, problems)
        matched = batch.matched if batch.matched is not None else np.zeros(len(batch), bool)
        files = batch.frame[FILE].to_numpy(dtype=object)
        for name in batch.files:
            mine = files == name
            reports[name].rejected = int((mine & rejected).sum())
            reports[name].replaced = int((mine & ~rejected & matched).sum())
            reports[name].added = int((mine & ~rejected & ~matched).sum())


def listed_problems(batches: dict[str, Batch], problems: pd.DataFrame) -> pd.DataFrame:
    """The listed problems with each cell's value as written in the file."""
    problems = problems.copy()
    for index, problem in problems.iterrows():  # at most max_problems rows
        if problem["value"] is not None and not pd.isna(problem["value"]):
            continue
        batch = batches.get(problem["table"])
        position = problem.get("pos")
        if batch is None or position is None or pd.isna(position) or position < 0:
            continue
        problems.at[index, "value"] = cell_value(batch, int(position), problem)
    return problems


def cell_value(batch: Batch, position: int, problem: pd.Series) -> str | None:
    """The text of the problem's cell (both coordinates, or every key column, where that helps)."""
    if problem["reason"] == "outside_county":
        return f"{_text(batch, position, 'lon')}, {_text(batch, position, 'lat')}"
    if problem["reason"] == "duplicate_id" and len(batch.table.key) > 1:
        return " / ".join(str(_text(batch, position, key)) for key in batch.table.key)
    return _text(batch, position, problem["column"])


def _text(batch: Batch, position: int, column: str) -> str | None:
    if column in batch.text:
        value = batch.text[column].iloc[position]
    elif column in batch.frame:
        value = batch.frame[column].iloc[position]
    else:
        return None
    return None if pd.isna(value) else str(value)


def silent_progress(fraction: float, message: str) -> None:
    """A progress callback that ignores the reports."""
