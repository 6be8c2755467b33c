"""Every CSV/XLSX the product writes goes through here: no cell can become a live formula.

A text cell that starts with = + - @ (or tab / carriage return) is what a spreadsheet reads as a
formula ("CSV injection"). Such cells are written with a leading apostrophe, the convention OWASP
recommends and Excel/WPS show as text. Plain numbers written as text ("-5", "+86", "-1.5%") stay
as they are: a spreadsheet reads them as numbers, not formulas. The importer undoes the apostrophe
(``unquoted``), so export -> re-import gives back the same values; a value that already starts
with apostrophes before a trigger gets one more, which keeps that round trip exact.
"""

import io
import re

import pandas as pd

TRIGGERS = "=+-@\t\r"
QUOTE = "'"
_TRIGGERED = re.compile(r"'*[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"'*[+-]?\d[\d,]*(\.\d+)?(e[+-]?\d+)?%?", re.IGNORECASE)
# vectorised forms of the same two rules (pandas str.match anchors at the start only)
_TRIGGERED_PATTERN = r"'*[=+\-@\t\r]"
_PLAIN_NUMBER_PATTERN = r"'*[+-]?\d[\d,]*(\.\d+)?([eE][+-]?\d+)?%?$"
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False}


def needs_quote(text: str) -> bool:
    """True when a spreadsheet could read the text as a formula (after any apostrophes)."""
    return bool(_TRIGGERED.match(text)) and not _PLAIN_NUMBER.fullmatch(text)


def neutralised(value: object) -> object:
    """The value as it is safe to write into a cell: text that could be a formula gets a quote."""
    if isinstance(value, str) and needs_quote(value):
        return QUOTE + value
    return value


def unquoted(value: object) -> object:
    """The inverse of ``neutralised`` for text read back from a file the product wrote."""
    if isinstance(value, str) and value.startswith(QUOTE) and needs_quote(value[1:]):
        return value[1:]
    return value


def neutralised_series(values: pd.Series) -> pd.Series:
    """``neutralised`` applied to a column of text (other columns are returned unchanged)."""
    if not _is_text(values):
        return values
    text = values.astype("str")
    risky = _holds_text(values) & text.str.match(_TRIGGERED_PATTERN)
    risky &= ~text.str.match(_PLAIN_NUMBER_PATTERN)
    if not risky.any():
        return values
    return values.mask(risky, QUOTE + text)


def unquoted_series(text: pd.Series) -> pd.Series:
    """``unquoted`` applied to a column of text cells (NA stays NA)."""
    quoted = text.str.startswith(QUOTE).fillna(False).astype(bool)
    if not quoted.any():
        return text
    rest = text.str.slice(1)
    undo = quoted & rest.str.match(_TRIGGERED_PATTERN).fillna(False).astype(bool)
    undo &= ~rest.str.match(_PLAIN_NUMBER_PATTERN).fillna(False).astype(bool)
    return text.mask(undo, rest)


def neutralised_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame whose text cells (and headers) cannot become formulas."""
    safe = pd.DataFrame({key: neutralised_series(frame[key]) for key in frame.columns})
    safe.columns = [neutralised(str(name)) for name in frame.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A UTF-8 CSV with BOM (Excel shows Chinese) of the frame, formula-safe."""
    text = neutralised_frame(frame).to_csv(index=False, lineterminator="\n")
    return ("\ufeff" + text).encode("utf-8")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """The frame as an XLSX workbook: text stays text (no formulas, no links), formula-safe."""
    buffer = io.BytesIO()
    options = {"options": XLSX_OPTIONS}
    with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs=options) as writer:
        neutralised_frame(frame).to_excel(writer, index=False, sheet_name=sheet)
    return buffer.getvalue()


def _holds_text(values: pd.Series) -> pd.Series:
    if values.dtype == object:  # mixed columns: numbers stay numbers
        return values.map(lambda value: isinstance(value, str)).astype(bool)
    return values.notna()


def _is_text(values: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(values.dtype) or values.dtype == object
