"""Export of importable tables as DataFrames and as CSV files the importer reads back."""

from pathlib import Path

import pandas as pd

from pedatlas import safe_cells
from pedatlas.db import open_read_only
from pedatlas.importer.columns import BOOLEAN, DATE, DATETIME, INTEGER, TABLES, Table
from pedatlas.importer.plan import ImporterError
from pedatlas.paths import database_path

HEADER_STYLES = ("zh", "en")


def importable_table(name: str) -> Table:
    """The importable table called name; raises ImporterError for any other table."""
    if name not in TABLES:
        raise ImporterError(f"not an importable table: {name} (use one of {', '.join(TABLES)})")
    return TABLES[name]


def export_table(db_path: str | Path | None, table: str) -> pd.DataFrame:
    """The table's rows (English column keys, database order), sorted by its key."""
    spec = importable_table(table)
    columns = spec.db_columns
    order = ", ".join(spec.key or columns)
    connection = open_read_only(Path(db_path) if db_path is not None else database_path())
    try:
        return connection.execute(
            f"SELECT {', '.join(columns)} FROM atlas.{table} ORDER BY {order}"
        ).df()
    finally:
        connection.close()


def csv_text_frame(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """The frame with every value as the text the importer expects (ISO dates, true/false)."""
    spec = importable_table(table)
    text = {}
    for key in frame.columns:
        kind = spec.column(key).kind if key in spec.keys else None
        text[key] = _as_text(frame[key], kind)
    return pd.DataFrame(text)


def _as_text(values: pd.Series, kind: str | None) -> pd.Series:
    if kind == DATE:
        return pd.to_datetime(values).dt.strftime("%Y-%m-%d")
    if kind == DATETIME:
        stamps = pd.to_datetime(values)
        has_fraction = bool((stamps.dt.microsecond.fillna(0) != 0).any())
        return stamps.dt.strftime("%Y-%m-%d %H:%M:%S.%f" if has_fraction else "%Y-%m-%d %H:%M:%S")
    if kind == BOOLEAN:
        return values.astype("boolean").map({True: "true", False: "false"}).astype(object)
    if kind == INTEGER:
        return values.astype("Int64").astype("str").where(values.notna())
    return values


def csv_bytes(frame: pd.DataFrame, table: str, headers: str = "zh") -> bytes:
    """A UTF-8 CSV (BOM, formula-safe cells) of the frame, Chinese or English headers."""
    if headers not in HEADER_STYLES:
        raise ImporterError(f"headers must be one of {HEADER_STYLES}, not {headers}")
    spec = importable_table(table)
    text = csv_text_frame(frame, table)
    if headers == "zh":
        text.columns = [spec.column(key).zh if key in spec.keys else key for key in text.columns]
    return safe_cells.csv_bytes(text)


def export_csv(
    db_path: str | Path | None, table: str, path: str | Path, headers: str = "zh"
) -> Path:
    """Write the table as a CSV file the importer reads back; returns the path."""
    target = Path(path)
    target.write_bytes(csv_bytes(export_table(db_path, table), table, headers))
    return target
