"""Vectorised conversion of text cells to typed columns, with the cells that failed and why."""

import re

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
# Times without an offset are Beijing time (the whole country keeps it); '+08:00', 'Z' or
# '-05:00' at the end is converted to Beijing time, so one column may mix both forms.
UTC_OFFSET = r"(?:Z|[+-]\d{2}:?\d{2})$"
LOCAL_ZONE = "Asia/Shanghai"


# zero-width and direction marks, joiners, soft hyphen, BOM: invisible in a spreadsheet cell
INVISIBLE = r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
INTEGER_PATTERN = r"[+-]?\d+(?:\.0*)?"
TRAILING_ZERO_DECIMALS = r"\.0*$"
WELL_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
SAFE_DIGITS = 18  # up to 18 digits always fit int64; longer ones are checked one by one
INT64_RANGE = (-(2**63), 2**63 - 1)
BAD_KIND_REASON = {
    INTEGER: "bad_integer",
    NUMBER: "bad_number",
    BOOLEAN: "bad_boolean",
    DATE: "bad_date",
    DATETIME: "bad_datetime",
}


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
    if column.is_id:
        text = normalised_ids(text)
    return choices(column, text), pd.Series(False, index=text.index)


def normalised_ids(text: pd.Series) -> pd.Series:
    """Ids as NFKC text without invisible characters ('Ｈ０００８８２\u200b' -> 'H000882').

    Only non-ASCII cells need the work; an id that becomes empty is missing.
    """
    special = ~text.str.isascii().fillna(True).astype(bool)
    if not special.any():
        return text
    cleaned = text[special].str.normalize("NFKC").str.replace(INVISIBLE, "", regex=True)
    cleaned = cleaned.str.strip()
    result = text.copy()
    result.loc[special] = cleaned.mask(cleaned == "")
    return result


def numbers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Floats from text (well-grouped thousands commas allowed); NaN, inf and junk are failures."""
    plain, misgrouped = without_thousands(text)
    values = pd.to_numeric(plain, errors="coerce").astype("float64")
    bad = text.notna() & (misgrouped | ~np.isfinite(values.to_numpy()))
    return values.where(~bad), bad


def integers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Nullable Int64 from text, exactly (never through float64 for whole-number text).

    '12', '12.0' and '1,234' are integers; '12.5', junk and numbers beyond the 64-bit range are
    failures. '1.5e3' is accepted when it is whole and small enough to be exact as a float.
    """
    plain, misgrouped = without_thousands(text)
    whole = plain.str.fullmatch(INTEGER_PATTERN).fillna(False).astype(bool) & ~misgrouped
    digits = plain.where(whole).str.replace(TRAILING_ZERO_DECIMALS, "", regex=True)
    values = pd.Series(pd.NA, index=text.index, dtype="Int64")
    bad = text.notna() & ~whole
    long = whole & (digits.str.lstrip("+-").str.lstrip("0").str.len() > SAFE_DIGITS)
    fits = whole & ~long
    if fits.any():
        values.loc[fits] = pd.to_numeric(digits[fits].str.lstrip("+")).astype("int64")
    for index in np.flatnonzero(long.to_numpy()):
        number = int(digits.iloc[index])
        if INT64_RANGE[0] <= number <= INT64_RANGE[1]:
            values.iloc[index] = number
        else:
            bad.iloc[index] = True
    other = bad & ~misgrouped & text.notna()
    if other.any():  # '1.5e3': whole floats within float64's exact range
        floats = pd.to_numeric(plain[other], errors="coerce")
        exact = floats.notna() & (floats == np.floor(floats)) & (floats.abs() <= 2.0**53)
        values.loc[exact[exact].index] = floats[exact].astype("int64")
        bad.loc[exact[exact].index] = False
    return values, bad


def failure_reason(column: Column, text: str) -> str:
    """Why a cell of this column could not be converted (a reason key of problems.REASONS)."""
    if column.kind in (INTEGER, NUMBER) and "," in text and not WELL_GROUPED.fullmatch(text):
        return "misgrouped_thousands"
    if column.kind == INTEGER and re.fullmatch(INTEGER_PATTERN, text.replace(",", "")):
        return "integer_out_of_range"
    return BAD_KIND_REASON[column.kind]


def booleans(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Nullable booleans from true/false, 1/0, yes/no, 是/否 (any case)."""
    values = text.str.lower().map(BOOLEAN_WORDS)
    bad = text.notna() & values.isna()
    return values.astype("boolean"), bad


def timestamps(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Timestamps from ISO text, 2024/3/5, 2024年3月5日 (with optional time) or Excel serials."""
    values = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    long_enough = text.notna() & (text.str.len() >= 8)  # '2024' alone is not a date
    zoned = long_enough & text.str.contains(UTC_OFFSET, regex=True).fillna(False).astype(bool)
    for part, utc in ((long_enough & ~zoned, False), (zoned, True)):  # never mixed in one call
        if part.any():
            values.loc[part] = _iso(text[part], utc)
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


def _iso(text: pd.Series, utc: bool) -> pd.Series:
    """ISO 8601 text as naive Beijing time; a time with an offset is converted to Beijing time."""
    stamps = pd.to_datetime(text, format="ISO8601", errors="coerce", utc=utc)
    if utc:
        stamps = stamps.dt.tz_convert(LOCAL_ZONE).dt.tz_localize(None)
    return stamps.astype("datetime64[us]")


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


def without_thousands(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(text without thousands commas, mask of cells whose commas do not group three digits).

    '1,234' and '1,234,567.5' are grouped; '1,5' (a decimal comma?) and '12,34,5' are not.
    """
    has_comma = text.str.contains(",", regex=False).fillna(False).astype(bool)
    if not has_comma.any():
        return text, has_comma
    grouped = text.str.fullmatch(WELL_GROUPED.pattern).fillna(False).astype(bool)
    misgrouped = has_comma & ~grouped
    return text.str.replace(",", "", regex=False).mask(misgrouped), misgrouped
