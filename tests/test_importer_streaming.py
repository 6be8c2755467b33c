"""CSV files are parsed in blocks (issue 12): caps refuse a file whole, rows keep their numbers."""

import pytest
from importer_fixtures import fixture_copy, sha256

from pedatlas.importer import plan, plan_import, reading
from pedatlas.importer.limits import MAX_ROWS
from pedatlas.importer.reading import Source, read_source, streamed_csv_cells

HOSPITAL_HEADER = (
    "医院编号,名称,类别,级别,所在区县代码,经度,纬度,儿科医师数,儿科护士数,儿科床位数,"
    "NICU床位数,PICU床位数"
)


def hospital_line(number: int, physicians: str = "12") -> str:
    return f"H{5000 + number},越秀区儿童保健所,专科医院,二级,440104,113.30,23.13,{physicians},20,30,0,0"


def not_streamed(*args, **kwargs):
    raise AssertionError("read whole, not in blocks")


def problems_of(found) -> list[tuple]:
    return [(p.file, p.reason, p.row, p.column, p.value, p.detail) for p in found.problems]


@pytest.fixture
def fixture_db(tmp_path):
    return fixture_copy(tmp_path)


def test_a_file_over_the_row_cap_is_refused_before_parsing_naming_file_and_limit(fixture_db):
    data = b"\xe5\x8c\xbb\xe9\x99\xa2\xe7\xbc\x96\xe5\x8f\xb7,x\n" + b"H1,a\n" * (MAX_ROWS + 1)
    before = sha256(fixture_db)
    found = plan_import([("big.csv", data)], db_path=fixture_db, lang="en")
    assert problems_of(found) == [
        ("big.csv", "too_many_rows", None, None, f"{MAX_ROWS + 1}", f"{MAX_ROWS}")
    ]
    message = found.problems[0].message
    assert f"{MAX_ROWS + 1:,}" in message or str(MAX_ROWS + 1) in message
    assert not found.ok and sha256(fixture_db) == before


def test_the_cell_cap_holds_for_all_files_of_an_import_together(fixture_db, monkeypatch):
    # 12 columns: 10 rows' worth of cells; the first file takes 6 rows, 4 are left for the next
    monkeypatch.setattr(plan, "MAX_CELLS", 12 * 10)
    first = "\n".join([HOSPITAL_HEADER, *(hospital_line(n) for n in range(6))]).encode()
    second = "\n".join([HOSPITAL_HEADER, *(hospital_line(n) for n in range(10, 16))]).encode()
    before = sha256(fixture_db)
    found = plan_import([("a.csv", first), ("b.csv", second)], db_path=fixture_db, lang="en")
    assert problems_of(found) == [("b.csv", "too_many_rows", None, None, "6", "4")]
    assert "at most 4 more" in found.problems[0].message
    assert sha256(fixture_db) == before


def test_blocks_give_the_same_cells_and_row_numbers_as_one_read(monkeypatch):
    lines = [HOSPITAL_HEADER]
    for number in range(400):
        lines.append(hospital_line(number))
        if number % 37 == 0:
            lines += ["", ",,,,,,,,,,,"]  # an empty line (skipped) and a blank row (numbered)
    data = ("\n".join(lines) + "\n").encode()
    whole = read_source(Source("h.csv", data))
    cells, numbers = streamed_csv_cells(data, ",")  # default block: one block
    monkeypatch.setattr(reading, "CSV_BLOCK_BYTES", 1024)
    _, in_blocks = streamed_csv_cells(data, ",")
    assert len(data) > 20 * 1024 and len(cells) == len(numbers)
    assert list(in_blocks) == list(numbers)
    blocked = read_source(Source("h.csv", data))
    assert blocked.cells.equals(whole.cells) and list(blocked.rows) == list(whole.rows)
    assert blocked.rows[-1] == 400 + 11 + 1  # 400 hospitals, 11 blank rows, the header


def test_a_bad_cell_in_a_later_block_is_reported_at_its_row(fixture_db, monkeypatch):
    monkeypatch.setattr(reading, "CSV_BLOCK_BYTES", 1024)
    monkeypatch.setattr(reading.pd, "read_csv", not_streamed)  # the blocks, not the fallback
    lines = [HOSPITAL_HEADER, *(hospital_line(n) for n in range(300))]
    lines[250] = hospital_line(249, physicians="十二")  # row 251 of the file (header = 1)
    lines.insert(100, ",,,,,,,,,,,")  # a blank row: later rows keep their numbers in the file
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) > 10 * 1024
    found = plan_import([("h.csv", data)], db_path=fixture_db, lang="en")
    assert problems_of(found) == [("h.csv", "bad_integer", 252, "ped_physicians", "十二", None)]


def test_hospitals_beyond_their_table_cap_refuse_the_file_that_crosses_it(fixture_db, monkeypatch):
    monkeypatch.setitem(plan.MAX_TABLE_ROWS, "hospitals", 8)
    first = "\n".join([HOSPITAL_HEADER, *(hospital_line(n) for n in range(6))]).encode()
    second = "\n".join([HOSPITAL_HEADER, *(hospital_line(n) for n in range(10, 13))]).encode()
    before = sha256(fixture_db)
    found = plan_import([("a.csv", first), ("b.csv", second)], db_path=fixture_db, lang="en")
    assert problems_of(found) == [("b.csv", "too_many_rows", None, None, "3", "2")]
    assert not found.ok and sha256(fixture_db) == before


def test_the_byte_cap_holds_for_all_files_of_an_import_together(fixture_db, monkeypatch):
    # Each file arrives as its own request, so only the importer sees them together.
    first = "\n".join([HOSPITAL_HEADER, *(hospital_line(n) for n in range(6))]).encode()
    second = "\n".join([HOSPITAL_HEADER, *(hospital_line(n) for n in range(10, 16))]).encode()
    monkeypatch.setattr(plan, "MAX_TOTAL_UPLOAD_BYTES", len(first) + len(second) - 1)
    before = sha256(fixture_db)
    found = plan_import([("a.csv", first), ("b.csv", second)], db_path=fixture_db, lang="en")
    total = len(first) + len(second)
    limit = str(total - 1)
    assert problems_of(found) == [("b.csv", "upload_too_large", None, None, str(total), limit)]
    assert "this file was not read" in found.problems[0].message
    assert not found.ok and sha256(fixture_db) == before
