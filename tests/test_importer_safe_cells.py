"""No CSV/XLSX the product writes holds a live formula, and export -> re-import keeps the values."""

import csv
import io

import openpyxl
import pandas as pd
import pytest
from importer_fixtures import fixture_copy, table_rows

from pedatlas import safe_cells
from pedatlas.importer import apply_import, export_csv, plan_import
from pedatlas.importer.__main__ import main as cli

FORMULAS = [
    '=HYPERLINK("http://evil.example","点我")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "''@twice",
]
HARMLESS = ["-5", "+86", "-1.5%", "1,234", "-2e5", "'plain", "儿科", "a=b", ""]


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_like_text_gets_an_apostrophe_and_comes_back(value):
    safe = safe_cells.neutralised(value)
    assert safe == "'" + value
    assert safe_cells.unquoted(safe) == value


@pytest.mark.parametrize("value", HARMLESS)
def test_numbers_and_ordinary_text_are_left_alone(value):
    assert safe_cells.neutralised(value) == value
    assert safe_cells.unquoted(value) == value


def test_series_forms_agree_with_the_scalar_rules():
    values = pd.Series([*FORMULAS, *HARMLESS, None], dtype="str")
    safe = safe_cells.neutralised_series(values)
    assert safe.tolist()[:-1] == [safe_cells.neutralised(v) for v in [*FORMULAS, *HARMLESS]]
    assert safe_cells.unquoted_series(safe).tolist()[:-1] == [*FORMULAS, *HARMLESS]


def test_numbers_in_object_columns_stay_numbers():
    frame = pd.DataFrame({"mixed": pd.Series([-5, "=1+1", 2.5], dtype=object)})
    assert safe_cells.neutralised_frame(frame)["mixed"].tolist() == [-5, "'=1+1", 2.5]


def test_csv_download_starts_no_cell_with_a_formula_character():
    frame = pd.DataFrame({"=name": FORMULAS[:4], "count": [-1, 2, 3, 4]})
    text = safe_cells.csv_bytes(frame).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["'=name", "count"],
        *[
            ["'" + value, str(count)]
            for value, count in zip(FORMULAS[:4], [-1, 2, 3, 4], strict=True)
        ],
    ]


def test_xlsx_download_holds_text_cells_not_formulas():
    frame = pd.DataFrame({"name": FORMULAS[:4], "count": [-1, 2, 3, 4]})
    book = openpyxl.load_workbook(io.BytesIO(safe_cells.xlsx_bytes(frame)))
    sheet = book["data"]
    cells = [sheet.cell(row, 1) for row in range(2, 6)]
    assert [cell.data_type for cell in cells] == ["s"] * 4
    assert [cell.value for cell in cells] == ["'" + value for value in FORMULAS[:4]]
    assert sheet.cell(2, 2).value == -1 and sheet.cell(2, 2).data_type == "n"


def _hospital_csv(names: list[str]) -> bytes:
    header = "医院编号,名称,类别,级别,所在区县代码,经度,纬度,儿科医师数,儿科护士数,儿科床位数,NICU床位数,PICU床位数"
    rows = [
        f'H{200 + n},"{name.replace(chr(34), chr(34) * 2)}",专科医院,二级,440104,113.30,23.13,1,2,3,0,0'
        for n, name in enumerate(names)
    ]
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def test_import_export_reimport_keeps_formula_like_names_and_exports_them_quoted(tmp_path):
    db = fixture_copy(tmp_path)
    names = [value.strip() for value in FORMULAS]  # the importer trims cells
    plan = plan_import([("names.csv", _hospital_csv(names))], db_path=db)
    assert plan.ok, [(p.reason, p.value) for p in plan.problems]
    apply_import(plan, db)
    stored = {row[0]: row[1] for row in table_rows(db, "hospitals") if row[0] >= "H200"}
    # a leading apostrophe before a formula character is a spreadsheet's "this is text" mark
    assert list(stored.values()) == [*names[:6], "=already quoted", "'@twice"]

    exported = export_csv(db, "hospitals", tmp_path / "hospitals.csv")
    text = exported.read_text("utf-8-sig")
    assert "\n=" not in text and ",=" not in text and ",+" not in text and ",@" not in text
    assert ",\"'=HYPERLINK(" in text and "\nH207,''@twice," in text

    before = table_rows(db, "hospitals")
    again = plan_import([exported], mode="replace", db_path=db)
    assert again.ok, [(p.reason, p.value) for p in again.problems]
    apply_import(again, db)
    assert table_rows(db, "hospitals") == before


def test_cli_problem_report_is_formula_safe(tmp_path):
    db = fixture_copy(tmp_path)
    bad = _hospital_csv(["ok"]).replace(b",1,2,3,", b",=1+1,2,3,")
    source = tmp_path / "bad.csv"
    source.write_bytes(bad)
    report = tmp_path / "problems.csv"
    assert cli([str(source), "--db", str(db), "--problems-csv", str(report)]) == 1
    frame = pd.read_csv(report, dtype=str, encoding="utf-8-sig")
    assert frame.loc[0, "value"] == "'=1+1"
    assert not any(str(cell).startswith(("=", "+", "@")) for cell in frame.to_numpy().ravel())
