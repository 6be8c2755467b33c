"""Vectorised conversion of text cells to typed columns, with the cells that failed."""

import numpy as np
import pandas as pd

from pedatlas.importer.columns import BOOLEAN, DATE, DATETIME, INTEGER, NUMBER, Column

BOOLEAN_WORDS = {
    "true": True,
    "false": False,
    "t": True,
    "f": False,
    "1": True,
    "0": False,
    "yes": True,
    "no": False,
    "y": True,
    "n": False,
    "是": True,
    "否": False,
    "真": True,
    "假": False,
    "√": True,
    "×": False,
}
# 2024/3/5, 2024年3月5日, 2024.3.5, optionally followed by a time 14:30[:05] or 14时30分[05秒]
DATE_PATTERN = (
    r"^(?P<year>\d{4})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    r"(?:\s*T?\s*(?P<hour>\d{1,2})\s*[:时]\s*(?P<minute>\d{1,2})"
    r"(?:\s*[:分]\s*(?P<second>\d{1,2}(?:\.\d+)?))?\s*[分秒]?)?$"
)
EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # serial day 0 of Excel's 1900 date system
# Serials before 1949 are far likelier a year or a count typed into a date column ('2024').
EXCEL_SERIAL_RANGE = (17898.0, 2958466.0)  # 1949-01-01 .. 9999-12-31
EARLIEST = pd.Timestamp("1900-01-01")


def converted(column: Column, text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(typed values, mask of cells that had text but could not be converted)."""
    if column.kind == INTEGER:
        return integers(text)
    if column.kind == NUMBER:
        return numbers(text)
    if column.kind == BOOLEAN:
        return booleans(text)
    if column.kind in (DATE, DATETIME):
        values, bad = timestamps(text)
        return (values.dt.normalize() if column.kind == DATE else values), bad
    return choices(column, text), pd.Series(False, index=text.index)


def numbers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Floats from text (thousands commas allowed); NaN, inf and junk are failures."""
    values = pd.to_numeric(_without_commas(text), errors="coerce").astype("float64")
    bad = text.notna() & ~np.isfinite(values.to_numpy())
    return values.where(~bad), bad


def integers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Nullable Int64 from text; '12.0' is 12, '12.5' and junk are failures."""
    values, bad = numbers(text)
    fraction = values.notna() & (values != np.floor(values.fillna(0)))
    bad = bad | fraction
    result = values.where(~bad).round().astype("Int64")
    return result, bad


def booleans(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Nullable booleans from true/false, 1/0, yes/no, 是/否 (any case)."""
    values = text.str.lower().map(BOOLEAN_WORDS)
    bad = text.notna() & values.isna()
    return values.astype("boolean"), bad


def timestamps(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Timestamps from ISO text, 2024/3/5, 2024年3月5日 (with optional time) or Excel serials."""
    values = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    long_enough = text.notna() & (text.str.len() >= 8)  # '2024' alone is not a date
    if long_enough.any():
        iso = pd.to_datetime(text[long_enough], format="ISO8601", errors="coerce")
        values.loc[long_enough] = _naive(iso).astype("datetime64[us]")
    rest = text.notna() & values.isna()
    if rest.any():
        values.loc[rest] = _pattern_dates(text[rest])
    rest = text.notna() & values.isna()
    if rest.any():
        values.loc[rest] = _excel_serials(text[rest])
    too_early = values < EARLIEST
    values = values.mask(too_early)
    bad = text.notna() & values.isna()
    return values, bad


def _naive(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_convert("Asia/Shanghai").dt.tz_localize(None)
    return values


def _pattern_dates(text: pd.Series) -> pd.Series:
    parts = text.str.extract(DATE_PATTERN)
    seconds = pd.to_numeric(parts["second"], errors="coerce").fillna(0.0)
    fields = pd.DataFrame(
        {
            "year": pd.to_numeric(parts["year"], errors="coerce"),
            "month": pd.to_numeric(parts["month"], errors="coerce"),
            "day": pd.to_numeric(parts["day"], errors="coerce"),
            "hour": pd.to_numeric(parts["hour"], errors="coerce").fillna(0),
            "minute": pd.to_numeric(parts["minute"], errors="coerce").fillna(0),
            "second": np.floor(seconds),
        }
    )
    matched = fields["year"].notna()
    result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    if matched.any():
        valid = fields[matched]
        invalid_clock = (valid["hour"] > 23) | (valid["minute"] > 59) | (valid["second"] > 59)
        stamps = pd.to_datetime(valid, errors="coerce")
        stamps = stamps + pd.to_timedelta(seconds[matched] - valid["second"], unit="s")
        result.loc[matched] = stamps.mask(invalid_clock).astype("datetime64[us]")
    return result


def _excel_serials(text: pd.Series) -> pd.Series:
    serial = pd.to_numeric(text, errors="coerce")
    low, high = EXCEL_SERIAL_RANGE
    serial = serial.where((serial >= low) & (serial < high))
    seconds = (serial * 86400).round()
    return (EXCEL_EPOCH + pd.to_timedelta(seconds, unit="s")).astype("datetime64[us]")


def choices(column: Column, text: pd.Series) -> pd.Series:
    """Text with known spellings of a choice mapped to its canonical value."""
    if not column.choices:
        return text
    spelling = {value.lower(): value for value in column.choices}
    spelling.update({alias.lower(): value for alias, value in column.value_aliases.items()})
    canonical = text.str.lower().map(spelling)
    return canonical.where(canonical.notna(), text).astype("str")


def _without_commas(text: pd.Series) -> pd.Series:
    if not text.str.contains(",", regex=False).any():
        return text
    return text.str.replace(",", "", regex=False)
