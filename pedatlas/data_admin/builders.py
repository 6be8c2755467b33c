"""Pure helpers of the data page: import plans, results and quality reports as display tables."""

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from pedatlas import fmt, state
from pedatlas.i18n import all_strings, translate
from pedatlas.importer import IMPORTABLE_TABLES, FileReport, ImportPlan
from pedatlas.importer.apply import last_import_note
from pedatlas.importer.limits import MAX_UPLOAD_MB
from pedatlas.importer.problems import column_label
from pedatlas.paths import PROJECT_ROOT

PAGE = "data"
TABS = state.param_choices(PAGE, "tab")
TABLE_CHOICES = ("", *IMPORTABLE_TABLES)  # '' = detect the table from each file
MODES = ("append", "replace")
UPLOAD_TYPES = ("csv", "xlsx")
UPLOAD_MAX_MB = MAX_UPLOAD_MB  # the importer's own limit (pedatlas/importer/limits.py)
LARGE_EXPORT_ROWS = 1_000_000  # above this a download takes minutes (see bench_data.py)
DICTIONARY = PROJECT_ROOT / "docs" / "data_dictionary.md"
QUALITY_TABLES = (
    "row_counts",
    "synthetic_share",
    "hospitals_without_coordinates",
    "hospitals_without_staff",
    "counties_without_population",
    "orphans",
)
QUALITY_CAPTIONS = {
    "row_counts": "data_quality_rows_caption",
    "hospitals_without_coordinates": "data_quality_coordinates_caption",
    "hospitals_without_staff": "data_quality_staff_caption",
}


def table_label(table: str, lang: str) -> str:
    """A table's name in the language ('' = detect from the file)."""
    if not table:
        return translate("data_table_auto", lang)
    key = f"importer_table_{table}"
    return translate(key if key in all_strings() else f"data_table_{table}", lang)


def header(column: str, lang: str) -> str:
    """The display header of a column key of the page's tables."""
    return translate(f"data_col_{column}", lang)


def with_headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """frame with its column keys replaced by display headers."""
    return frame.rename(columns={column: header(column, lang) for column in frame.columns})


def upload_signature(files: Iterable, table: str, mode: str, identity: tuple) -> tuple:
    """What a plan depends on: the uploads (id, name, size), table, mode and database file."""
    uploads = tuple(
        (str(getattr(f, "file_id", "")), str(getattr(f, "name", "")), int(getattr(f, "size", 0)))
        for f in files
    )
    return uploads, table, mode, tuple(identity)


def change_records(changes: Mapping) -> list[dict]:
    """Per table: mode and rows added/replaced/removed/rejected (TableChange objects or dicts)."""
    records = []
    for name, change in changes.items():
        get = change.get if isinstance(change, Mapping) else lambda key, c=change: getattr(c, key)
        records.append(
            {
                "table": name,
                "mode": get("mode"),
                "rows": get("rows"),
                "added": get("added"),
                "replaced": get("replaced"),
                "removed": get("removed"),
                "rejected": get("rejected"),
            }
        )
    return records


def change_table(changes: Mapping, lang: str) -> pd.DataFrame:
    """Changes per table with translated table and mode names (columns left out when unknown)."""
    frame = pd.DataFrame(
        change_records(changes),
        columns=["table", "mode", "rows", "added", "replaced", "removed", "rejected"],
    )
    frame["table"] = frame["table"].map(lambda name: table_label(name, lang))
    frame["mode"] = frame["mode"].map(
        lambda mode: translate(f"importer_mode_{mode}", lang) if isinstance(mode, str) else None
    )
    if len(frame):  # an unrecorded note has no mode or counts: leave those columns out
        frame = frame.dropna(axis=1, how="all")
    for column in ("rows", "added", "replaced", "removed", "rejected"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return with_headers(frame, lang)


def file_table(files: list[FileReport], lang: str) -> pd.DataFrame:
    """Per uploaded file: the table it goes to, how it was read and what happens to its rows."""
    records = [
        {
            "file": report.file,
            "table": table_label(report.table, lang) if report.table else fmt.DASH,
            "read_as": " / ".join(part for part in (report.encoding, report.sheet) if part)
            or fmt.DASH,
            "rows": report.rows,
            "added": report.added,
            "replaced": report.replaced,
            "rejected": report.rejected,
            "problems": report.problems,
        }
        for report in files
    ]
    columns = ["file", "table", "read_as", "rows", "added", "replaced", "rejected", "problems"]
    return with_headers(pd.DataFrame(records, columns=columns), lang)


def problem_table(plan: ImportPlan, lang: str) -> pd.DataFrame:
    """The plan's listed problems: file, row, column (as the user named it), value, reason."""
    frame = plan.problems_frame(lang)
    frame["column"] = [
        column_label(problem.table, problem.column, lang) for problem in plan.problems
    ]
    frame["severity"] = frame["severity"].map(lambda s: translate(f"data_severity_{s}", lang))
    frame = frame.rename(columns={"message": "reason_text"})
    frame = frame[["file", "row", "column", "value", "severity", "reason_text"]]
    return frame.rename(columns={"reason_text": "reason"}).pipe(with_headers, lang)


def plan_totals(plan: ImportPlan) -> dict[str, int]:
    """The headline numbers of a plan."""
    return {
        "added": plan.rows_added,
        "replaced": plan.rows_replaced,
        "removed": plan.rows_removed,
        "rejected": plan.rows_rejected,
        "errors": plan.error_count,
        "warnings": plan.problem_count - plan.error_count,
    }


def plan_verdict(plan: ImportPlan) -> str:
    """'ready', 'errors' or 'nothing' (no errors but no rows to write)."""
    if plan.error_count:
        return "errors"
    return "ready" if plan.ok else "nothing"


def row_count_table(row_counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows per table (one row each) with a total and one column per year."""
    counts = row_counts.assign(rows=row_counts["rows"].astype("int64"))
    totals = counts.groupby("table", sort=False)["rows"].sum()
    dated = counts.dropna(subset=["year"])
    by_year = dated.pivot_table(index="table", columns="year", values="rows", aggfunc="sum")
    frame = pd.DataFrame({"table": totals.index, "total": totals.to_numpy()})
    has_years = frame["table"].isin(dated["table"])
    for year in sorted(by_year.columns):
        values = frame["table"].map(by_year[year]).astype("Int64")
        frame[str(int(year))] = values.mask(has_years & values.isna(), 0)  # no rows that year
    frame["table"] = frame["table"].map(lambda name: table_label(name, lang))
    return frame.rename(columns={"table": header("table", lang), "total": header("total", lang)})


def synthetic_table(shares: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per table: rows, synthetic rows and their share (0-1; the grid shows it as %)."""
    frame = shares[["table", "rows", "synthetic_rows", "share"]].copy()
    frame["table"] = frame["table"].map(lambda name: table_label(name, lang))
    return with_headers(frame, lang)


def gap_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A quality list (hospitals, counties or orphan rows) with translated headers and tables."""
    frame = frame.copy()
    for column in ("table", "target"):
        if column in frame:
            frame[column] = frame[column].map(lambda name: table_label(name, lang))
    return with_headers(frame, lang)


def quality_counts(report: Mapping[str, pd.DataFrame]) -> dict[str, float]:
    """One number per quality table: rows in all tables, synthetic share, size of each list."""
    shares = report["synthetic_share"]
    orphans = report["orphans"]
    synthetic = float(shares["synthetic_rows"].sum() / max(int(shares["rows"].sum()), 1))
    return {
        "row_counts": int(report["row_counts"]["rows"].sum()),
        "synthetic_share": synthetic,
        "hospitals_without_coordinates": len(report["hospitals_without_coordinates"]),
        "hospitals_without_staff": len(report["hospitals_without_staff"]),
        "counties_without_population": len(report["counties_without_population"]),
        "orphans": int(orphans["rows"].sum()) if len(orphans) else 0,
    }


def quality_labels() -> dict[str, str]:
    """The string key of each quality table's headline number, in display order."""
    labels = {
        "row_counts": "data_quality_metric_rows",
        "synthetic_share": "data_quality_metric_synthetic",
    }
    return labels | {name: f"importer_dq_{name}" for name in QUALITY_TABLES[2:]}


def table_rows(row_counts: pd.DataFrame, table: str) -> int:
    """Rows of one table according to the quality report."""
    return int(row_counts.loc[row_counts["table"] == table, "rows"].sum())


def undo_note(db_path: Path) -> dict | None:
    """What the last import changed ({} when unrecorded), or None when there is nothing to undo."""
    return last_import_note(Path(db_path))


def note_files(note: Mapping) -> str:
    """The files of an import note as one line."""
    return "、".join(note.get("files") or ()) or fmt.DASH


def note_time(note: Mapping) -> str:
    """When the noted import was applied, as 'YYYY-MM-DD HH:MM'."""
    stamp = note.get("applied_at")
    return stamp.replace("T", " ")[:16] if stamp else fmt.DASH


def note_mode(note: Mapping, lang: str) -> str:
    """The mode of the noted import in the language."""
    mode = note.get("mode")
    return translate(f"importer_mode_{mode}", lang) if mode else fmt.DASH


def dictionary_markdown() -> str:
    """The text of docs/data_dictionary.md."""
    return DICTIONARY.read_text("utf-8")


def template_name(table: str, extension: str) -> str:
    """File name of a downloadable template."""
    return f"pedatlas_template_{table}.{extension}"


def export_name(table: str, headers: str) -> str:
    """File name of an exported table."""
    return f"pedatlas_{table}_{headers}.csv"
