"""From a file's text cells to a typed batch per table: header matching, table inference, types."""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pedatlas.importer.columns import (
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    NUMBER,
    TABLES,
    TEXT,
    Column,
    Table,
    header_lookup,
    normalised_header,
)
from pedatlas.importer.parsing import INT64_RANGE, converted, failure_reason
from pedatlas.importer.problems import (
    WARNING,
    cell_problems,
    concat_problems,
    empty_problems,
    file_problem,
)
from pedatlas.importer.reading import FileRejected, RawSheet

FILE, ROW = "__file", "__row"
MIN_MATCHES_TO_GUESS = 2


@dataclass
class MappedSheet:
    """A sheet whose columns are matched to one table: key -> text cells, with row numbers."""

    sheet: RawSheet
    table: Table
    cells: pd.DataFrame  # columns = matched keys (text), plus __row
    warnings: list[dict] = field(default_factory=list)


@dataclass
class Batch:
    """All rows for one table from the plan's files, typed, with each row's file and row number."""

    table: Table
    frame: pd.DataFrame  # typed table columns + __file + __row; index = position 0..n-1
    text: pd.DataFrame  # the cells as written, for the columns the files had
    files: list[str]
    matched: np.ndarray | None = None  # rows whose key is already in the database
    resource_matched: np.ndarray | None = None  # hospitals: rows whose year is already stored

    def __len__(self) -> int:
        return len(self.frame)


def matched_sheet(sheet: RawSheet, table: Table | None) -> MappedSheet:
    """The sheet's cells under column keys of its table (given, named by sheet, or inferred)."""
    chosen = table or (TABLES[sheet.sheet_table] if sheet.sheet_table else None)
    chosen = chosen or inferred_table(sheet.headers)
    if chosen is None:
        raise FileRejected(_no_table_problem(sheet))
    keys = header_keys(sheet.headers, chosen)
    _reject_duplicate_columns(sheet, chosen, keys)
    missing = [
        column.key for column in chosen.columns if column.required and column.key not in keys
    ]
    if missing:
        matched = sum(key is not None for key in keys)
        if matched < MIN_MATCHES_TO_GUESS and len(sheet.sheet_names) > 1:
            raise FileRejected(_wrong_sheet_problem(sheet, chosen))
        raise FileRejected(
            [
                file_problem(sheet.file, "missing_column", table=chosen.name, row=1, column=key)
                for key in missing
            ]
        )
    warnings = [
        file_problem(
            sheet.file, "unknown_column", table=chosen.name, row=1, value=header, severity=WARNING
        )
        for header, key in zip(sheet.headers, keys, strict=True)
        if key is None
    ]
    cells = pd.DataFrame(
        {key: sheet.cells[position] for position, key in enumerate(keys) if key is not None}
    )
    cells[ROW] = sheet.rows
    cells, example_row = without_template_rows(cells, chosen)
    if example_row is not None:
        warnings.append(
            file_problem(
                sheet.file,
                "example_row_skipped",
                table=chosen.name,
                row=example_row,
                severity=WARNING,
            )
        )
    if cells.empty:
        raise FileRejected(file_problem(sheet.file, "header_only", table=chosen.name))
    return MappedSheet(sheet, chosen, cells.reset_index(drop=True), warnings)


def header_keys(headers: list[str], table: Table) -> list[str | None]:
    """The column key each header names in the table (None for unknown headers)."""
    lookup = header_lookup(table)
    return [lookup.get(normalised_header(header)) for header in headers]


def inferred_table(headers: list[str]) -> Table | None:
    """The table whose columns the headers match best, preferring tables with all required ones."""
    best: tuple[tuple[bool, int], Table] | None = None
    for table in TABLES.values():
        keys = {key for key in header_keys(headers, table) if key is not None}
        complete = all(column.key in keys for column in table.columns if column.required)
        score = (complete, len(keys))
        if len(keys) >= MIN_MATCHES_TO_GUESS and (best is None or score > best[0]):
            best = (score, table)
    return None if best is None else best[1]


def without_template_rows(cells: pd.DataFrame, table: Table) -> tuple[pd.DataFrame, int | None]:
    """The cells without the templates' leading rows (English keys, the example row).

    Also returns the row number of the example row when it was dropped.
    """
    if cells.empty:
        return cells, None
    first = cells.drop(columns=ROW).iloc[0]
    filled = first.dropna()
    is_key_row = len(filled) > 0 and all(
        normalised_header(value) == key for key, value in filled.items()
    )
    cells = cells.iloc[1:] if is_key_row else cells
    if is_example_row(cells, table):
        return cells.iloc[1:], int(cells[ROW].iloc[0])
    return cells, None


def is_example_row(cells: pd.DataFrame, table: Table) -> bool:
    """True when the first row is the table's template example, unchanged."""
    if cells.empty or not table.example:
        return False
    first = cells.drop(columns=ROW).iloc[0]
    return all(
        (pd.isna(value) and not table.example.get(key)) or value == table.example.get(key)
        for key, value in first.items()
    )


def _reject_duplicate_columns(sheet: RawSheet, table: Table, keys: list[str | None]) -> None:
    seen: set[str] = set()
    problems = []
    for header, key in zip(sheet.headers, keys, strict=True):
        if key is not None and key in seen:
            problems.append(
                file_problem(
                    sheet.file,
                    "duplicate_column",
                    table=table.name,
                    row=1,
                    column=key,
                    value=header,
                )
            )
        if key is not None:
            seen.add(key)
    if problems:
        raise FileRejected(problems)


def _no_table_problem(sheet: RawSheet) -> dict:
    if len(sheet.sheet_names) > 1:
        return file_problem(
            sheet.file, "wrong_sheet", value=sheet.sheet, detail=", ".join(sheet.sheet_names)
        )
    return file_problem(sheet.file, "unknown_table", row=1, value=", ".join(sheet.headers[:8]))


def _wrong_sheet_problem(sheet: RawSheet, table: Table) -> dict:
    return file_problem(
        sheet.file,
        "wrong_sheet",
        table=table.name,
        value=sheet.sheet,
        detail=", ".join(sheet.sheet_names),
    )


def typed_batch(table: Table, sheets: list[MappedSheet]) -> tuple[Batch, pd.DataFrame]:
    """The sheets' rows for one table as a typed batch, and the cells that failed conversion."""
    text = pd.concat(
        [sheet.cells.assign(**{FILE: sheet.sheet.file}) for sheet in sheets], ignore_index=True
    )
    typed: dict[str, pd.Series] = {}
    problems = []
    for column in table.columns:
        cells = text[column.key] if column.key in text else _empty_text(len(text))
        values, bad = converted(column, cells)
        if bad.any():
            problems.append(conversion_problems(column, cells, bad))
        if column.kind == TEXT:
            problems.append(length_problems(column, cells))
        if column.default is not None:
            values = values.where(cells.notna() | bad, column.default)
            values = values.astype(typed_dtype(column.kind))
        typed[column.key] = values
    frame = pd.DataFrame(typed)
    frame[FILE] = text[FILE].astype("str")
    frame[ROW] = text[ROW].to_numpy(dtype=np.int64)
    text_columns = [key for key in table.keys if key in text]
    batch = Batch(table, frame, text[text_columns], [sheet.sheet.file for sheet in sheets])
    return batch, concat_problems(problems)


def conversion_problems(column: Column, cells: pd.Series, bad: pd.Series) -> pd.DataFrame:
    """One problem per cell that failed conversion, with the particular reason for each."""
    positions = np.flatnonzero(bad.to_numpy())
    reasons = pd.Series([failure_reason(column, text) for text in cells.iloc[positions]])
    details = {"integer_out_of_range": f"{INT64_RANGE[0]:,} … {INT64_RANGE[1]:,}"}
    return concat_problems(
        [
            cell_problems(
                positions[(reasons == reason).to_numpy()],
                column.key,
                reason,
                details.get(reason),
            )
            for reason in reasons.unique()
        ]
    )


def length_problems(column: Column, cells: pd.Series) -> pd.DataFrame:
    """Text cells longer than the column accepts (detail: 'length > limit')."""
    lengths = cells.str.len()
    too_long = (lengths > column.text_limit).fillna(False).to_numpy(dtype=bool)
    positions = np.flatnonzero(too_long)
    if not len(positions):
        return empty_problems()
    details = np.array([f"{int(n):,} > {column.text_limit:,}" for n in lengths.iloc[positions]])
    return cell_problems(positions, column.key, "text_too_long", details)


def typed_dtype(kind: str) -> str:
    """The pandas dtype a column of this kind has after conversion."""
    return {
        INTEGER: "Int64",
        NUMBER: "float64",
        BOOLEAN: "boolean",
        DATE: "datetime64[us]",
        DATETIME: "datetime64[us]",
    }.get(kind, "str")


def _empty_text(length: int) -> pd.Series:
    return pd.Series([None] * length, dtype="str")
