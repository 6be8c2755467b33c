"""Reading upload files into cells of text: CSV in UTF-8/BOM/GBK/GB18030/UTF-16, or XLSX."""

import codecs
import errno
import io
import os
import re
import stat
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import numpy as np
import openpyxl
import pandas as pd
import pyarrow
import pyarrow.csv as pyarrow_csv

from pedatlas import safe_cells
from pedatlas.importer.columns import Table, table_by_name
from pedatlas.importer.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    MAX_XLSX_ENTRIES,
    MAX_XLSX_ENTRY_RATIO,
    MAX_XLSX_ROWS,
    MAX_XLSX_UNCOMPRESSED_BYTES,
)
from pedatlas.importer.problems import WARNING, file_problem

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls / .doc
SNIFF_BYTES = 65536
MAX_CONTROL_SHARE = 0.005  # more control characters than this in the first 64 KB = not text
DEFAULT_MAX_BYTES = MAX_UPLOAD_BYTES
DECODE_CHUNK = 16 * 2**20
CSV_BLOCK_BYTES = 16 * 2**20  # parsed and trimmed at a time
MAX_HEADER_BYTES = 64 * 1024  # a header line longer than this is not a table's header
RATIO_CHECKED_BYTES = 8 * 2**20  # small entries may compress well; large ones must not inflate


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
    notes: list[dict] = field(default_factory=list)  # problems (warnings) about skipped sheets


def item_name(item: object) -> str:
    """The name of an upload as the user knows it (a path's file name, an upload's name)."""
    if isinstance(item, Source):
        return item.name
    if isinstance(item, str | Path):
        return Path(item).name
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0])
    return Path(str(getattr(item, "name", "upload"))).name


def item_size(item: object) -> int | None:
    """The size in bytes of an upload when it is known without reading it (paths, byte pairs,
    uploaded files); None for a stream."""
    if isinstance(item, Source):
        return len(item.data)
    if isinstance(item, str | Path):
        try:
            return Path(item).stat().st_size
        except OSError:
            return None  # as_source says what is wrong with the path
    if isinstance(item, tuple) and len(item) == 2:
        return len(item[1])
    size = getattr(item, "size", None)
    return size if isinstance(size, int) else None


def distinct_names(items: list[object]) -> list[str]:
    """A name per item that tells files apart: same-named files get their place in the upload.

    Paths with the same file name are shown by the path as given when that tells them apart.
    """
    names = [item_name(item) for item in items]
    counts = Counter(names)
    shown = [
        str(item) if counts[name] > 1 and isinstance(item, str | Path) else name
        for item, name in zip(items, names, strict=True)
    ]
    again = Counter(shown)
    return [
        f"{name} #{number}" if again[name] > 1 else name
        for number, name in enumerate(shown, start=1)
    ]


def as_source(item: object, name: str | None = None, max_bytes: int = MAX_UPLOAD_BYTES) -> Source:
    """A Source from a path, a (name, bytes) pair or an uploaded file object.

    Raises FileRejected for paths that are not regular files (directories, devices, named pipes,
    dangling or looping links) and for anything larger than max_bytes, before reading it.
    """
    name = name or item_name(item)
    if isinstance(item, Source):
        data = item.data
    elif isinstance(item, str | Path):
        data = regular_file_bytes(Path(item), name, max_bytes)
    elif isinstance(item, tuple) and len(item) == 2:
        data = bytes(item[1])
    elif hasattr(item, "getvalue"):
        refuse_larger(name, getattr(item, "size", None), max_bytes)
        data = bytes(item.getvalue())
    elif hasattr(item, "read"):
        data = item.read(max_bytes + 1)
    else:
        raise TypeError(
            f"cannot import {type(item).__name__}: give a path, (name, bytes) or a file"
        )
    if len(data) > max_bytes:
        raise FileRejected(file_problem(name, "file_too_large", value=len(data), detail=max_bytes))
    return Source(name, bytes(data))


def refuse_larger(name: str, size: object, max_bytes: int) -> None:
    """Raise FileRejected when a known size is above the limit (checked before reading)."""
    if isinstance(size, int) and size > max_bytes:
        raise FileRejected(file_problem(name, "file_too_large", value=size, detail=max_bytes))


def regular_file_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a regular file; never opens a device or a named pipe for reading."""
    try:
        info = path.stat()  # follows links: a dangling link raises ENOENT, a loop ELOOP
    except OSError as error:
        raise FileRejected(file_problem(name, "not_a_file", detail=_os_reason(error))) from error
    if not stat.S_ISREG(info.st_mode):
        raise FileRejected(file_problem(name, "not_a_file", detail=_file_kind(info.st_mode)))
    refuse_larger(name, info.st_size, max_bytes)
    try:
        # O_NONBLOCK: should the path become a pipe after the check, open() does not wait for it
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise FileRejected(file_problem(name, "not_a_file", detail=_os_reason(error))) from error
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise FileRejected(file_problem(name, "not_a_file", detail="special"))
        return handle.read(max_bytes + 1)


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "named_pipe"),
        (stat.S_ISCHR, "device"),
        (stat.S_ISBLK, "device"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return kind
    return "special"


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink_loop"
    if error.errno == errno.ENOENT:
        return "not_found"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission_denied"
    return errno.errorcode.get(error.errno or 0, type(error).__name__)


def read_source(
    source: Source,
    table: Table | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = MAX_ROWS,
    max_cells: int = MAX_CELLS,
) -> RawSheet:
    """The cells of a CSV upload or of the first sheet read from an XLSX upload."""
    return read_sheets(source, table, max_bytes, max_rows, max_cells)[0]


def read_sheets(
    source: Source,
    table: Table | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = MAX_ROWS,
    max_cells: int = MAX_CELLS,
) -> list[RawSheet]:
    """The cells of a CSV, or of each table sheet of an XLSX; raises FileRejected if unreadable.

    Sizes are checked before parsing: bytes, lines and header columns of a CSV; entries,
    inflated size and declared dimensions of a workbook. max_rows, max_cells: data rows and
    cells (rows x columns) still allowed in this import.
    """
    data = source.data
    if len(data) > max_bytes:
        raise FileRejected(
            file_problem(source.name, "file_too_large", value=len(data), detail=max_bytes)
        )
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise FileRejected(file_problem(source.name, "empty_file"))
    if data.startswith(XLSX_MAGIC):
        return workbook_sheets(source, table, max_rows, max_cells)
    if data.startswith(OLE_MAGIC):
        raise FileRejected(file_problem(source.name, "unsupported_format", detail="xls"))
    encoding, text = decoded_text(source)
    name = source.name
    del source, data  # a recoded file's bytes are not needed beside its UTF-8 text
    refuse_oversized_csv(name, text, max_rows, max_cells)
    return [csv_sheet(name, text, encoding)]


def allowed_rows(max_rows: int, columns: int, max_cells: int = MAX_CELLS) -> int:
    """Data rows a file of this width may have: the rows left, and the cells left (MAX_CELLS)."""
    return max(min(max_rows, max_cells // max(columns, 1)), 0)


def refuse_oversized_csv(name: str, text: bytes, max_rows: int, max_cells: int = MAX_CELLS) -> None:
    """Refuse a CSV with more lines than rows allowed or a header wider than MAX_COLUMNS.

    Counting line breaks is a fast upper bound of the rows (a quoted cell may span lines).
    """
    header = text[: text.find(b"\n")] if b"\n" in text else text
    if len(header) > MAX_HEADER_BYTES:
        raise FileRejected(
            file_problem(name, "too_many_columns", row=1, value=len(header), detail=MAX_COLUMNS)
        )
    columns = 1 + header.count(delimiter(header).encode())
    if columns > MAX_COLUMNS:
        raise FileRejected(
            file_problem(name, "too_many_columns", row=1, value=columns, detail=MAX_COLUMNS)
        )
    lines = text.count(b"\n") + (0 if text.endswith(b"\n") else 1)
    limit = allowed_rows(max_rows, columns, max_cells)
    if lines - 1 > limit:
        raise FileRejected(file_problem(name, "too_many_rows", value=lines - 1, detail=limit))


def decoded_text(source: Source) -> tuple[str, bytes]:
    """(encoding name, the text as UTF-8 bytes); tries UTF-8, GB18030 (covers GBK), then guesses."""
    data = source.data
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return encoding, _recoded(source.name, data, encoding)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise FileRejected(file_problem(source.name, "binary_file"))
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", _utf8_or_reject(source.name, data[len(codecs.BOM_UTF8) :])
    try:
        return "utf-8", _utf8_or_reject(source.name, data)
    except UnicodeDecodeError:
        pass
    try:
        return "gb18030", _recoded(source.name, data, "gb18030")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:SNIFF_BYTES]).best()
    if best is None or best.encoding is None:
        raise FileRejected(file_problem(source.name, "binary_file"))
    return best.encoding, _recoded(source.name, data, best.encoding, errors="replace")


def _utf8_or_reject(name: str, data: bytes) -> bytes:
    _checked_text(name, data[:SNIFF_BYTES].decode("utf-8", errors="ignore"))
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(data), DECODE_CHUNK):  # in chunks: no full copy as a str
        decoder.decode(data[start : start + DECODE_CHUNK])  # raises for other encodings
    decoder.decode(b"", final=True)
    return data


def _recoded(name: str, data: bytes, encoding: str, errors: str = "strict") -> bytes:
    """data decoded from encoding, as UTF-8 bytes; chunked so that no full str copy is made."""
    _checked_text(
        name,
        data[:SNIFF_BYTES].decode(encoding, errors="replace" if errors == "replace" else "ignore"),
    )
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    parts = [
        decoder.decode(data[start : start + DECODE_CHUNK]).encode("utf-8")
        for start in range(0, len(data), DECODE_CHUNK)
    ]
    parts.append(decoder.decode(b"", final=True).encode("utf-8"))
    return b"".join(parts)


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
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def csv_sheet(name: str, text: bytes, encoding: str) -> RawSheet:
    """The cells of a CSV text (UTF-8 bytes), header row first.

    Parsed in blocks of CSV_BLOCK_BYTES by pyarrow's streaming reader, each block trimmed and its
    blank rows dropped before the next is parsed, so that the whole file is never held as parsed
    and as trimmed text at once. Rows are numbered across blocks. A file pyarrow cannot stream
    (rows of another width than the header, quoted line breaks) is read by pandas' C parser,
    which pads short rows and names the line of a row that is too long.
    """
    sep = delimiter(text)
    try:
        cells, numbers = streamed_csv_cells(text, sep)
    except pyarrow.ArrowInvalid:
        pass
    else:
        return sheet_from_cells(name, cells, numbers, encoding=encoding)
    options = {
        "header": None,
        "dtype": str,
        "sep": sep,
        "keep_default_na": False,
        "na_values": [""],
    }
    try:
        table = pd.read_csv(io.BytesIO(text), **options)
    except pd.errors.ParserError as error:
        raise FileRejected(malformed_problem(name, str(error))) from error
    return sheet_from_table(name, table, encoding=encoding)


def streamed_csv_cells(text: bytes, sep: str) -> tuple[pd.DataFrame, np.ndarray]:
    """Every record of a CSV text, trimmed, blank data rows dropped, with its record number.

    The header (record 1) is always kept. Raises pyarrow.ArrowInvalid for what the streaming
    reader cannot parse.
    """
    reader = pyarrow_csv.open_csv(
        pyarrow.BufferReader(text),
        read_options=pyarrow_csv.ReadOptions(
            autogenerate_column_names=True, block_size=CSV_BLOCK_BYTES
        ),
        parse_options=pyarrow_csv.ParseOptions(delimiter=sep, ignore_empty_lines=True),
        convert_options=pyarrow_csv.ConvertOptions(
            null_values=[""], strings_can_be_null=True, default_column_type=pyarrow.string()
        ),
    )
    frames, numbers, first = [], [], 1
    for batch in reader:
        if not batch.num_rows:
            continue
        frame = pd.DataFrame(
            {
                position: stripped(pd.Series(column, dtype="str"))
                for position, column in enumerate(batch.columns)
            }
        )
        keep = np.array(frame.notna().any(axis=1), dtype=bool)
        if first == 1:
            keep[0] = True  # the header row
        frames.append(frame if keep.all() else frame.loc[keep])
        numbers.append(np.arange(first, first + len(frame), dtype=np.int64)[keep])
        first += len(frame)
        del batch, frame
    if not frames:
        return pd.DataFrame(), np.zeros(0, dtype=np.int64)
    cells = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    return cells.reset_index(drop=True), np.concatenate(numbers)


def malformed_problem(name: str, message: str) -> dict:
    """The problem for a CSV whose row has more fields than the header."""
    line = re.search(r"line (\d+)", message)
    counts = re.search(r"Expected (\d+) fields.*saw (\d+)", message)
    detail = f"{counts.group(1)}/{counts.group(2)}" if counts else None
    row = int(line.group(1)) if line else None
    return file_problem(name, "malformed_csv", row=row, detail=detail)


def sheet_from_table(
    name: str, table: pd.DataFrame, numbers: np.ndarray | None = None, **extra
) -> RawSheet:
    """A RawSheet from a header-less table of text: trimmed, empty cells NA, blank rows dropped.

    numbers: the file's row number of each table row (default 1, 2, ...; the header is first).
    """
    table = table.reset_index(drop=True)
    table.columns = range(table.shape[1])
    cells = pd.DataFrame({column: stripped(table[column]) for column in table.columns})
    return sheet_from_cells(name, cells, numbers, **extra)


def sheet_from_cells(
    name: str, cells: pd.DataFrame, numbers: np.ndarray | None = None, **extra
) -> RawSheet:
    """A RawSheet from trimmed cells (columns 0..n-1, header row first): blank rows dropped."""
    if cells.empty:
        raise FileRejected(file_problem(name, "empty_file"))
    filled = cells.notna()
    used_columns = filled.any(axis=0).to_numpy()
    if not used_columns.any():
        raise FileRejected(file_problem(name, "empty_file"))
    del filled
    if not used_columns.all():
        cells = cells.loc[:, used_columns]
    cells.columns = range(cells.shape[1])
    headers = [("" if pd.isna(value) else str(value)) for value in cells.iloc[0]]
    data = cells.iloc[1:]
    keep = data.notna().any(axis=1).to_numpy()
    if numbers is None:
        numbers = np.arange(1, len(cells) + 1, dtype=np.int64)
    rows = np.asarray(numbers, dtype=np.int64)[1:][keep]
    data = data if keep.all() else data.loc[keep]
    return RawSheet(name, headers, data.reset_index(drop=True), rows, **extra)


def stripped(column: pd.Series) -> pd.Series:
    """Text values without surrounding blanks, apostrophes of formula-safe exports undone.

    Empty strings become NA.
    """
    text = column.astype("str")
    text = text.str.strip()
    return safe_cells.unquoted_series(text.mask(text == ""))


def workbook_sheets(
    source: Source, table: Table | None, max_rows: int, max_cells: int = MAX_CELLS
) -> list[RawSheet]:
    """The cells of each table sheet of an XLSX workbook (visible sheets only).

    Read: the visible sheets named for a table (only the given table's, when one is given), or
    else the first visible sheet. Every other sheet is skipped, and a note (a warning in the
    problem list) says which and why.
    """
    inspect_archive(source)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged or hostile archive
        raise FileRejected(corrupt_problem(source.name, error)) from error
    try:
        names = tuple(workbook.sheetnames)
        visible = tuple(name for name in names if workbook[name].sheet_state == "visible")
        chosen, notes = chosen_sheets(source.name, names, visible, table)
        several = len(chosen) > 1
        sheets: list[RawSheet] = []
        for sheet_name, sheet_table in chosen:
            shown = f"{source.name} [{sheet_name}]" if several else source.name
            rows, cells = sheet_values(shown, workbook[sheet_name], max_rows, max_cells)
            max_rows -= len(rows)
            max_cells -= len(rows) * max((len(row) for row in cells), default=0)
            sheets.append(
                sheet_from_rows(
                    shown,
                    rows,
                    cells,
                    encoding="xlsx",
                    sheet=sheet_name,
                    sheet_names=names,
                    sheet_table=sheet_table,
                    notes=notes if not sheets else [],
                )
            )
    except FileRejected:
        raise
    except Exception as error:  # a damaged sheet (bad XML, entities) found while reading
        raise FileRejected(corrupt_problem(source.name, error)) from error
    finally:
        workbook.close()
    return sheets


def corrupt_problem(name: str, error: Exception) -> dict:
    """The problem of a workbook that cannot be parsed (no traceback, the error's kind only)."""
    return file_problem(name, "corrupt_workbook", detail=type(error).__name__)


def inspect_archive(source: Source) -> None:
    """Refuse a workbook whose zip entries are too many or inflate too much, before parsing."""
    try:
        with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise FileRejected(
            file_problem(source.name, "unsupported_format", detail=type(error).__name__)
        ) from error
    if not any(entry.filename == "[Content_Types].xml" for entry in entries):
        raise FileRejected(file_problem(source.name, "unsupported_format", detail="zip"))
    if len(entries) > MAX_XLSX_ENTRIES:
        raise FileRejected(
            file_problem(
                source.name,
                "workbook_too_many_entries",
                value=len(entries),
                detail=MAX_XLSX_ENTRIES,
            )
        )
    inflated = sum(entry.file_size for entry in entries)
    if inflated > MAX_XLSX_UNCOMPRESSED_BYTES:
        raise FileRejected(
            file_problem(
                source.name,
                "workbook_too_large",
                value=inflated,
                detail=MAX_XLSX_UNCOMPRESSED_BYTES,
            )
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_CHECKED_BYTES and ratio > MAX_XLSX_ENTRY_RATIO:
            raise FileRejected(
                file_problem(
                    source.name,
                    "workbook_compression",
                    value=round(ratio),
                    detail=MAX_XLSX_ENTRY_RATIO,
                )
            )


def chosen_sheets(
    file: str, names: tuple[str, ...], visible: tuple[str, ...], table: Table | None
) -> tuple[list[tuple[str, str | None]], list[dict]]:
    """(sheet, table it is named for) of the sheets to read, and a note per skipped sheet."""
    named: list[tuple[str, str | None]] = []
    for name in visible:
        spec = table_by_name(name)
        if spec is not None and (table is None or spec.name == table.name):
            named.append((name, spec.name))
    if not visible:
        raise FileRejected(file_problem(file, "empty_file", detail=", ".join(names)))
    chosen = named or [(visible[0], None)]
    read = {name for name, _ in chosen}
    notes = [
        file_problem(
            file,
            "sheet_hidden" if name not in visible else "sheet_not_read",
            value=name,
            severity=WARNING,
        )
        for name in names
        if name not in read
    ]
    return chosen, notes


def sheet_values(
    file: str, sheet, max_rows: int, max_cells: int = MAX_CELLS
) -> tuple[np.ndarray, list[list]]:
    """(row numbers, cell texts) of the sheet's non-empty rows, within the row and column caps.

    The declared dimensions are checked first; a sheet that declares none, or too few, is still
    stopped at the caps while it is read, and never widened beyond MAX_COLUMNS.
    """
    declared_rows, declared_columns = sheet.max_row, sheet.max_column
    width = declared_columns or MAX_COLUMNS
    allowed = allowed_rows(min(max_rows, MAX_XLSX_ROWS), width, max_cells) + 1  # + the header
    if declared_columns is not None and declared_columns > MAX_COLUMNS:
        raise FileRejected(
            file_problem(file, "too_many_columns", value=declared_columns, detail=MAX_COLUMNS)
        )
    if declared_rows is not None and declared_rows > allowed:
        raise FileRejected(
            file_problem(file, "too_many_rows", value=declared_rows - 1, detail=allowed - 1)
        )
    numbers, rows = [], []
    for number, values in enumerate(
        sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1, values_only=True), start=1
    ):
        if len(values) > MAX_COLUMNS and values[MAX_COLUMNS] is not None:
            raise FileRejected(
                file_problem(file, "too_many_columns", row=number, detail=MAX_COLUMNS)
            )
        if number > allowed:
            raise FileRejected(
                file_problem(file, "too_many_rows", value=f">{number - 1}", detail=allowed - 1)
            )
        if any(value is not None for value in values):
            numbers.append(number)
            rows.append([cell_text(value) for value in values[:MAX_COLUMNS]])
    return np.asarray(numbers, dtype=np.int64), rows


def sheet_from_rows(file: str, numbers: np.ndarray, rows: list[list], **extra) -> RawSheet:
    """A RawSheet from a sheet's non-empty rows; the first one is the header."""
    if not rows:
        raise FileRejected(file_problem(file, "empty_file", detail=extra.get("sheet")))
    width = max(len(row) for row in rows)
    frame = pd.DataFrame([row + [None] * (width - len(row)) for row in rows], dtype=object)
    return sheet_from_table(file, frame, numbers, **extra)


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
