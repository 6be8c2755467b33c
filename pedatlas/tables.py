"""Tables as people read and download them: which columns, in which order, how each is formatted.

Builders return raw typed values (a share is 0.4253, a count is an integer); this module decides
the presentation once for every page. On screen the format is applied by the grid at display time
(``column_formats``: percent, thousands, decimals per column); downloads keep the raw values
(integers as integers, full precision), with column names in the reader's language, a sheet named
for its content and a note sheet saying scope, year, measure and source. Pure: no streamlit.
"""

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from pedatlas import safe_cells

KINDS = ("text", "integer", "decimal", "percent", "km", "year", "date", "datetime", "check")
# printf-style formats understood by the grid (sprintf-js; "," = thousands separator).
GRID_FORMATS = {
    "integer": "%,d",
    "km": "%,.0f km",
    "year": "%d",
    "percent": "percent",
}
SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Column:
    """One column of a shown table: its key in the frame, its label's i18n key, how to show it."""

    key: str
    label_key: str
    kind: str = "text"
    digits: int = 2  # decimals of a "decimal" column
    keep: bool = False  # keep even when constant (the name, the measure)
    label: str = ""  # a label already in words (a measure with its target), instead of label_key
    width: Literal["", "small", "medium", "large"] = ""  # the grid's width ("" = its default)

    def title(self, t: Callable[..., str]) -> str:
        """The column's header in the reader's language."""
        return self.label or t(self.label_key)

    def grid_format(self) -> str | None:
        """The grid's number format of this column (None for text)."""
        if self.kind == "decimal":
            return f"%,.{self.digits}f"
        return GRID_FORMATS.get(self.kind)


@dataclass(frozen=True)
class TableNote:
    """What a downloaded table is: written into its note sheet and its file name."""

    title: str
    scope: str
    year: str
    measure: str
    source: str


def counts(*columns: tuple[str, str]) -> list[Column]:
    """Integer columns from (key, label key) pairs: the counts of a table, declared in one line."""
    return [Column(key, label_key, "integer") for key, label_key in columns]


def as_is(frame: pd.DataFrame, wide: str = "", kinds: dict | None = None) -> list[Column]:
    """Columns of a frame whose headers are already in words (the data page's reports): every
    column kept, whole numbers as integers, other numbers as decimals (kinds says otherwise, e.g.
    a share as percent), the rest as text; the first column medium wide, the wide one large."""
    columns = []
    for position, name in enumerate(frame.columns):
        width: Literal["", "medium", "large"] = (
            "large" if name == wide else "medium" if position == 0 else ""
        )
        kind = (kinds or {}).get(name) or inferred_kind(frame[name])
        columns.append(Column(str(name), "", kind, 4, keep=True, label=str(name), width=width))
    return columns


def inferred_kind(values: pd.Series) -> str:
    """check, integer, decimal or text: how a column of unknown meaning is shown."""
    if pd.api.types.is_bool_dtype(values):
        return "check"
    if pd.api.types.is_integer_dtype(values):
        return "integer"
    if pd.api.types.is_float_dtype(values):
        whole = values.dropna()
        return "integer" if len(whole) and (whole == whole.round()).all() else "decimal"
    return "text"


def shown_columns(frame: pd.DataFrame, columns: Sequence[Column]) -> list[Column]:
    """The columns to show: those present, in the given order, minus those constant at this level.

    A column with one value in every row (区县数 = 1 on a county table) tells the reader nothing;
    with fewer than two rows nothing is dropped.
    """
    present = [column for column in columns if column.key in frame.columns]
    if len(frame) < 2:
        return present
    return [
        column for column in present if column.keep or frame[column.key].nunique(dropna=False) > 1
    ]


def labelled(frame: pd.DataFrame, columns: Sequence[Column], t: Callable[..., str]) -> pd.DataFrame:
    """frame with only columns, in order, named in the reader's language, values raw and typed."""
    out = pd.DataFrame({column.title(t): typed(frame[column.key], column) for column in columns})
    return out.reset_index(drop=True)


def typed(values: pd.Series, column: Column) -> pd.Series:
    """Integers as integers (a count read as 59392.0 becomes 59392), other values untouched."""
    if column.kind in ("integer", "year") and pd.api.types.is_numeric_dtype(values):
        whole = values.dropna()
        if (whole == whole.round()).all():
            return values.round().astype("Int64")
    return values


def sheet_name(title: str) -> str:
    """An Excel sheet name for title: no []:*?/\\ and at most 31 characters."""
    cleaned = _SHEET_FORBIDDEN.sub(" ", title).strip() or "data"
    return cleaned[:SHEET_NAME_MAX]


def file_stem(*parts: object) -> str:
    """A file name from its parts (title, scope, year ...): readable, no path characters."""
    text = "_".join(str(part).strip() for part in parts if str(part).strip())
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text)[:120]


def note_frame(note: TableNote, labels: dict[str, str]) -> pd.DataFrame:
    """The note sheet: one row per fact (labels are the translated names of the facts)."""
    facts = [
        ("title", note.title),
        ("scope", note.scope),
        ("year", note.year),
        ("measure", note.measure),
        ("source", note.source),
    ]
    return pd.DataFrame(
        {
            labels["field"]: [labels[key] for key, _ in facts],
            labels["value"]: [value for _, value in facts],
        }
    )


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV with BOM: raw values, formula-safe."""
    return safe_cells.csv_bytes(table)


def xlsx_bytes(table: pd.DataFrame, note: TableNote, labels: dict[str, str]) -> bytes:
    """The table on a sheet named for its content, and a note sheet; typed values, formula-safe."""
    buffer = io.BytesIO()
    options = {"options": safe_cells.XLSX_OPTIONS}
    data_sheet = sheet_name(note.title)
    note_sheet = sheet_name(labels["note"])
    if note_sheet == data_sheet:
        note_sheet = sheet_name(labels["note"] + " 2")
    with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs=options) as writer:
        safe_cells.neutralised_frame(table).to_excel(writer, index=False, sheet_name=data_sheet)
        safe_cells.neutralised_frame(note_frame(note, labels)).to_excel(
            writer, index=False, sheet_name=note_sheet
        )
        for name, frame in ((data_sheet, table), (note_sheet, None)):
            widths = _widths(frame) if frame is not None else [14, 60]
            for index, width in enumerate(widths):
                writer.sheets[name].set_column(index, index, width)
    return buffer.getvalue()


def _widths(frame: pd.DataFrame) -> list[int]:
    """Column widths that fit the header (CJK characters count double) within reason."""
    return [min(40, max(10, sum(2 if ord(c) > 0x2E80 else 1 for c in str(n)) + 2)) for n in frame]
