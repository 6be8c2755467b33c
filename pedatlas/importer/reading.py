"""Reading upload files into cells of text: CSV in UTF-8/BOM/GBK/GB18030/UTF-16, or XLSX."""

import codecs
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import numpy as np
import pandas as pd

from pedatlas import safe_cells
from pedatlas.importer.columns import Table, table_by_name
from pedatlas.importer.limits import MAX_UPLOAD_BYTES
from pedatlas.importer.problems import file_problem

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls / .doc
SNIFF_BYTES = 65536
MAX_CONTROL_SHARE = 0.005  # more control characters than this in the first 64 KB = not text
DEFAULT_MAX_BYTES = MAX_UPLOAD_BYTES


class FileRejected(Exception):
    """A file that cannot be used at all; carries its problem(s)."""

    def __init__(self, problems: dict | list[dict]):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__(", ".join(problem["reason"] for problem in self.problems))


@dataclass(frozen=True)
class Source:
    """An upload: its name as shown to the user and its bytes."""

    name: str
    data: bytes


@dataclass
class RawSheet:
    """A file's cells as text: header cells, data cells (NA when empty) and their row numbers."""

    file: str
    headers: list[str]
    cells: pd.DataFrame  # columns 0..n-1 in file order, string values or NA
    rows: np.ndarray  # spreadsheet row number (header = 1) of each cells row
    encoding: str | None = None
    sheet: str | None = None
    sheet_names: tuple[str, ...] = ()
    sheet_table: str | None = None  # table named by the sheet, if any
    notes: list[str] = field(default_factory=list)


def as_source(item: object) -> Source:
    """A Source from a path, a (name, bytes) pair or an uploaded file object."""
    if isinstance(item, Source):
        return item
    if isinstance(item, str | Path):
        path = Path(item)
        return Source(path.name, path.read_bytes())
    if isinstance(item, tuple) and len(item) == 2:
        return Source(str(item[0]), bytes(item[1]))
    name = getattr(item, "name", "upload")
    if hasattr(item, "getvalue"):
        return Source(Path(str(name)).name, bytes(item.getvalue()))
    if hasattr(item, "read"):
        return Source(Path(str(name)).name, bytes(item.read()))
    raise TypeError(f"cannot import {type(item).__name__}: give a path, (name, bytes) or a file")


def read_source(
    source: Source, table: Table | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> RawSheet:
    """The cells of a CSV or XLSX upload; raises FileRejected when it cannot be read."""
    data = source.data
    if len(data) > max_bytes:
        raise FileRejected(
            file_problem(source.name, "file_too_large", value=len(data), detail=max_bytes)
        )
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise FileRejected(file_problem(source.name, "empty_file"))
    if data.startswith(XLSX_MAGIC):
        return workbook_sheet(source, table)
    if data.startswith(OLE_MAGIC):
        raise FileRejected(file_problem(source.name, "unsupported_format", detail="xls"))
    encoding, text = decoded_text(source)
    return csv_sheet(source.name, text, encoding)


def decoded_text(source: Source) -> tuple[str, bytes]:
    """(encoding name, the text as UTF-8 bytes); tries UTF-8, GB18030 (covers GBK), then guesses."""
    data = source.data
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return encoding, _checked_text(source.name, data.decode(encoding)).encode("utf-8")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise FileRejected(file_problem(source.name, "binary_file"))
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", _utf8_or_reject(source.name, data[len(codecs.BOM_UTF8) :])
    try:
        return "utf-8", _utf8_or_reject(source.name, data)
    except UnicodeDecodeError:
        pass
    for encoding in ("gb18030",):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding, _checked_text(source.name, text).encode("utf-8")
    best = charset_normalizer.from_bytes(data[:SNIFF_BYTES]).best()
    if best is None or best.encoding is None:
        raise FileRejected(file_problem(source.name, "binary_file"))
    text = data.decode(best.encoding, errors="replace")
    return best.encoding, _checked_text(source.name, text).encode("utf-8")


def _utf8_or_reject(name: str, data: bytes) -> bytes:
    _checked_text(name, data[:SNIFF_BYTES].decode("utf-8", errors="ignore"))
    data.decode("utf-8")  # raises UnicodeDecodeError for other encodings
    return data


def _checked_text(name: str, text: str) -> str:
    sample = text[:SNIFF_BYTES]
    control = sum(
        1 for char in sample if (ord(char) < 32 and char not in "\t\r\n") or char == "\ufffd"
    )
    if sample and control / len(sample) > MAX_CONTROL_SHARE:
        raise FileRejected(file_problem(name, "binary_file"))
    return text


def delimiter(text: bytes) -> str:
    """The field separator, guessed from the header line: comma, tab or semicolon."""
    first_line = text.split(b"\n", 1)[0]
    counts = {sep: first_line.count(sep.encode()) for sep in (",", "\t", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def csv_sheet(name: str, text: bytes, encoding: str) -> RawSheet:
    """The cells of a CSV text (UTF-8 bytes), header row first."""
    sep = delimiter(text)
    options = {
        "header": None,
        "dtype": str,
        "sep": sep,
        "keep_default_na": False,
        "na_values": [""],
    }
    try:
        table = pd.read_csv(io.BytesIO(text), engine="pyarrow", **options)
    except (pd.errors.ParserError, ValueError):
        # the C parser is slower but says which line is malformed
        try:
            table = pd.read_csv(io.BytesIO(text), **options)
        except pd.errors.ParserError as error:
            raise FileRejected(malformed_problem(name, str(error))) from error
    return sheet_from_table(name, table, encoding=encoding)


def malformed_problem(name: str, message: str) -> dict:
    """The problem for a CSV whose row has more fields than the header."""
    line = re.search(r"line (\d+)", message)
    counts = re.search(r"Expected (\d+) fields.*saw (\d+)", message)
    detail = f"{counts.group(1)}/{counts.group(2)}" if counts else None
    row = int(line.group(1)) if line else None
    return file_problem(name, "malformed_csv", row=row, detail=detail)


def sheet_from_table(name: str, table: pd.DataFrame, **extra) -> RawSheet:
    """A RawSheet from a header-less table of text: trimmed, empty cells NA, blank rows dropped."""
    table = table.reset_index(drop=True)
    table.columns = range(table.shape[1])
    cells = pd.DataFrame({column: stripped(table[column]) for column in table.columns})
    filled = cells.notna()
    used_columns = filled.any(axis=0).to_numpy()
    if not used_columns.any():
        raise FileRejected(file_problem(name, "empty_file"))
    cells = cells.loc[:, used_columns]
    cells.columns = range(cells.shape[1])
    headers = [("" if pd.isna(value) else str(value)) for value in cells.iloc[0]]
    data = cells.iloc[1:]
    keep = data.notna().any(axis=1).to_numpy()
    rows = np.arange(2, len(cells) + 1, dtype=np.int64)[keep]
    return RawSheet(name, headers, data.loc[keep].reset_index(drop=True), rows, **extra)


def stripped(column: pd.Series) -> pd.Series:
    """Text values without surrounding blanks, apostrophes of formula-safe exports undone.

    Empty strings become NA.
    """
    text = column.astype("str")
    text = text.str.strip()
    return safe_cells.unquoted_series(text.mask(text == ""))


def workbook_sheet(source: Source, table: Table | None) -> RawSheet:
    """The cells of the sheet named for the table (or the first sheet) of an XLSX workbook."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileRejected(
            file_problem(source.name, "unsupported_format", detail=type(error).__name__)
        ) from error
    try:
        names = tuple(workbook.sheetnames)
        sheet_name, sheet_table = chosen_sheet(names, table)
        values = list(workbook[sheet_name].iter_rows(values_only=True))
    finally:
        workbook.close()
    if not values:
        raise FileRejected(file_problem(source.name, "empty_file", detail=sheet_name))
    width = max(len(row) for row in values)
    frame = pd.DataFrame(
        [[cell_text(cell) for cell in row] + [None] * (width - len(row)) for row in values],
        dtype=object,
    )
    return sheet_from_table(
        source.name,
        frame,
        encoding="xlsx",
        sheet=sheet_name,
        sheet_names=names,
        sheet_table=sheet_table,
    )


def chosen_sheet(names: tuple[str, ...], table: Table | None) -> tuple[str, str | None]:
    """(sheet to read, table it is named for): the sheet named for the table, else the first."""
    for name in names:
        named = table_by_name(name)
        if named is not None and (table is None or named.name == table.name):
            return name, named.name
    return names[0], None


def cell_text(value: object) -> str | None:
    """A spreadsheet cell as the text a CSV would hold (dates ISO, whole floats without .0)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        return (
            value.isoformat(sep=" ")
            if hasattr(value, "hour") and hasattr(value, "day")
            else (value.isoformat())
        )
    return str(value)
