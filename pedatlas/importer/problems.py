"""Problems found in import files: one row each, with file, row, column, value and a reason key."""

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from pedatlas.i18n import all_strings, translate
from pedatlas.importer.columns import TABLES
from pedatlas.importer.limits import SHOWN_VALUE_CHARS

ERROR, WARNING = "error", "warning"
PROBLEM_COLUMNS = ["file", "table", "row", "column", "value", "reason", "detail", "severity"]
MAX_LISTED_PROBLEMS = 1000
MAX_FILE_NAME_CHARS = 200
REASONS = (
    "empty_file",
    "header_only",
    "binary_file",
    "unsupported_format",
    "file_too_large",
    "upload_too_large",
    "malformed_csv",
    "wrong_sheet",
    "unknown_table",
    "missing_column",
    "duplicate_column",
    "unknown_column",
    "bad_integer",
    "bad_number",
    "bad_boolean",
    "bad_date",
    "bad_datetime",
    "missing_value",
    "bad_choice",
    "negative_count",
    "outside_china",
    "bad_year",
    "future_date",
    "duplicate_id",
    "duplicate_in_db",
    "unknown_adcode",
    "unknown_region",
    "unknown_hospital",
    "unknown_alliance",
    "would_orphan",
    "outside_county",
    "distance_too_short",
    "direction_mismatch",
    "arrived_before_dispatched",
    "left_before_joined",
    "not_a_file",
    "too_many_rows",
    "too_many_columns",
    "workbook_too_many_entries",
    "workbook_too_large",
    "workbook_compression",
    "corrupt_workbook",
    "sheet_hidden",
    "sheet_not_read",
    "misgrouped_thousands",
    "integer_out_of_range",
    "text_too_long",
    "id_lookalike",
    "same_hospital",
    "implausible_distance",
    "duration_mismatch",
    "implausible_speed",
    "example_row_skipped",
)


@dataclass(frozen=True)
class Problem:
    """One problem: where it is (file, 1-based row with header = 1, column), what and why."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    reason: str
    message: str
    severity: str = ERROR
    detail: str | None = None
    table: str | None = None


def empty_problems() -> pd.DataFrame:
    """A problem frame with no rows."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in PROBLEM_COLUMNS})


def file_problem(
    file: str,
    reason: str,
    *,
    table: str | None = None,
    row: int | None = None,
    column: str | None = None,
    value: object = None,
    detail: object = None,
    severity: str = ERROR,
) -> dict:
    """One problem row (as a dict) that concerns a whole file, its header or one cell."""
    return {
        "file": file,
        "table": table,
        "row": row,
        "column": column,
        "value": None if value is None else str(value),
        "reason": reason,
        "detail": None if detail is None else str(detail),
        "severity": severity,
    }


def problem_frame(rows: list[dict]) -> pd.DataFrame:
    """A problem frame from problem dicts."""
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS) if rows else empty_problems()


def cell_problems(
    positions: np.ndarray, column: str, reason: str, detail: object = None
) -> pd.DataFrame:
    """Problems at row positions of a batch (file, row and value are filled in later)."""
    positions = np.asarray(positions, dtype=np.int64)
    if isinstance(detail, pd.Series | np.ndarray):
        details = pd.Series(np.asarray(detail, dtype=object))
    else:
        details = pd.Series(
            [None if detail is None else str(detail)] * len(positions), dtype=object
        )
    return pd.DataFrame(
        {"pos": positions, "column": column, "reason": reason, "detail": details.to_numpy()}
    )


def concat_problems(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The non-empty frames stacked (an empty problem frame if there are none)."""
    frames = [frame for frame in frames if len(frame)]
    return pd.concat(frames, ignore_index=True) if frames else empty_problems()


def sorted_problems(problems: pd.DataFrame, file_order: list[str]) -> pd.DataFrame:
    """Problems ordered by file (as given), then row, with whole-file problems first."""
    if problems.empty:
        return problems
    rank = {name: number for number, name in enumerate(file_order)}
    order = pd.DataFrame(
        {
            "file": problems["file"].map(rank).fillna(len(rank)),
            "row": pd.to_numeric(problems["row"], errors="coerce").fillna(0),
        }
    )
    return problems.loc[order.sort_values(["file", "row"], kind="stable").index].reset_index(
        drop=True
    )


def column_label(table: str | None, column: str | None, lang: str) -> str:
    """The column as the user named it: the Chinese header in zh, the key in English."""
    if column is None:
        return ""
    spec = TABLES.get(table or "")
    if lang == "zh" and spec is not None and column in spec.keys:
        return spec.column(column).zh
    return column


def table_label(table: str | None, lang: str) -> str:
    """The table's name in the language."""
    if table is None:
        return ""
    return translate(f"importer_table_{table}", lang)


def shown_value(value: object, limit: int = SHOWN_VALUE_CHARS) -> str | None:
    """A value as echoed to the user: at most limit characters, saying how long it really is."""
    if value is None:
        return None
    text = str(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}…({len(text):,} chars)"


def detail_text(detail: object, lang: str) -> str:
    """A problem's detail; a detail that names a kind (e.g. named_pipe) is said in lang."""
    if detail is None:
        return ""
    key = f"importer_detail_{detail}"
    return translate(key, lang) if key in all_strings() else str(shown_value(detail, 200))


def rendered_message(row: dict, lang: str) -> str:
    """The plain-language message of one problem in lang (echoed values capped)."""
    table = row.get("table")
    return translate(
        f"importer_reason_{row['reason']}",
        lang,
        file=shown_value(row.get("file") or "", MAX_FILE_NAME_CHARS),
        row=row.get("row") if row.get("row") is not None else "",
        column=column_label(table, row.get("column"), lang),
        value=shown_value(row.get("value")) or "",
        detail=detail_text(row.get("detail"), lang),
        table=table_label(table, lang),
    )


def as_problems(frame: pd.DataFrame, lang: str) -> list[Problem]:
    """Problem objects with messages in lang from a (capped) problem frame."""
    problems = []
    for row in frame.to_dict("records"):
        clean: dict[str, Any] = {
            key: (None if _missing(value) else value) for key, value in row.items()
        }
        problems.append(
            Problem(
                file=clean["file"],
                row=None if clean["row"] is None else int(clean["row"]),
                column=clean["column"],
                value=shown_value(clean["value"]),
                reason=clean["reason"],
                message=rendered_message(clean, lang),
                severity=clean["severity"] or ERROR,
                detail=shown_value(clean["detail"], 200),
                table=clean.get("table"),
            )
        )
    return problems


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))
