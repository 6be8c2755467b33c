"""Tables: column choice and order, grid formats, and downloads that keep raw typed values."""

import io

import openpyxl
import pandas as pd

from pedatlas import tables
from pedatlas.i18n import translate
from pedatlas.tables import Column, TableNote

COLUMNS = [
    Column("name", "col_region", keep=True),
    Column("share", "col_coverage", "percent", keep=True),
    Column("children", "col_children", "integer"),
    Column("counties", "col_counties", "integer"),
    Column("rate", "col_physicians", "decimal", digits=2),
]
NOTE = TableNote("每千儿童儿科医师数 [区县]", "江西省", "2024", "每千儿童儿科医师数", "PedAtlas")
LABELS = {
    "note": "说明",
    "field": "项目",
    "value": "内容",
    "title": "表格",
    "scope": "范围",
    "year": "年份",
    "measure": "指标",
    "source": "来源",
}


def county_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rate": [0.71234, 1.5],
            "counties": [1.0, 1.0],
            "children": [59392.0, 1200.0],
            "share": [0.4253, 0.9],
            "name": ["=HYPERLINK(1)", "南昌县"],
            "internal_id": ["a", "b"],
        }
    )


def zh(key, **values):
    return translate(key, "zh", **values)


def test_name_first_measure_next_and_constant_columns_dropped():
    shown = tables.shown_columns(county_rows(), COLUMNS)
    assert [column.key for column in shown] == ["name", "share", "children", "rate"]


def test_single_row_keeps_every_column():
    shown = tables.shown_columns(county_rows().head(1), COLUMNS)
    assert [column.key for column in shown] == ["name", "share", "children", "counties", "rate"]


def test_labelled_table_has_translated_headers_and_typed_raw_values():
    table = tables.labelled(county_rows(), tables.shown_columns(county_rows(), COLUMNS), zh)
    assert list(table.columns) == [
        zh("col_region"),
        zh("col_coverage"),
        zh("col_children"),
        zh("col_physicians"),
    ]
    assert str(table[zh("col_children")].dtype) == "Int64"
    assert table[zh("col_children")].tolist() == [59392, 1200]
    assert table[zh("col_coverage")].tolist() == [0.4253, 0.9]  # not 42.5, not rounded
    assert table[zh("col_physicians")].tolist() == [0.71234, 1.5]


def test_grid_formats_per_kind():
    assert [c.grid_format() for c in COLUMNS] == [None, "percent", "%,d", "%,d", "%,.2f"]
    assert Column("x", "k", "decimal", digits=1).grid_format() == "%,.1f"


def test_csv_keeps_integers_as_integers_and_neutralises_formulas():
    table = tables.labelled(county_rows(), tables.shown_columns(county_rows(), COLUMNS), zh)
    text = tables.csv_bytes(table).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == ",".join(table.columns)
    assert lines[1] == "'=HYPERLINK(1),0.4253,59392,0.71234"
    assert "59392.0" not in text


def test_xlsx_has_a_named_data_sheet_typed_cells_and_a_note_sheet():
    table = tables.labelled(county_rows(), tables.shown_columns(county_rows(), COLUMNS), zh)
    book = openpyxl.load_workbook(io.BytesIO(tables.xlsx_bytes(table, NOTE, LABELS)))
    assert book.sheetnames == ["每千儿童儿科医师数  区县", "说明"]
    data = book["每千儿童儿科医师数  区县"]
    assert [cell.value for cell in data[1]] == list(table.columns)
    assert [cell.value for cell in data[2]] == ["'=HYPERLINK(1)", 0.4253, 59392, 0.71234]
    assert isinstance(data[2][2].value, int)
    note = [[cell.value for cell in row] for row in book["说明"].iter_rows()]
    assert note == [
        ["项目", "内容"],
        ["表格", NOTE.title],
        ["范围", "江西省"],
        ["年份", "2024"],
        ["指标", "每千儿童儿科医师数"],
        ["来源", "PedAtlas"],
    ]


def test_sheet_names_and_file_stems_are_valid():
    assert tables.sheet_name("a/b:c*d?e[f]g\\h") == "a b c d e f g h"
    assert len(tables.sheet_name("x" * 50)) == 31
    assert tables.file_stem("资源 表", "江西省", 2024) == "资源_表_江西省_2024"
    assert tables.file_stem("a/b", "", "c") == "a_b_c"


def test_a_report_in_words_keeps_every_column_typed_by_its_values():
    report = pd.DataFrame(
        {
            "表": ["医院", "区县"],
            "行数": [10.0, 20.0],
            "合成占比": [0.25, 0.5],
            "有效": [True, False],
            "原因": ["a", "b"],
        }
    )
    columns = tables.as_is(report, wide="原因", kinds={"合成占比": "percent"})
    assert [(c.label, c.kind, c.keep) for c in columns] == [
        ("表", "text", True),
        ("行数", "integer", True),
        ("合成占比", "percent", True),
        ("有效", "check", True),
        ("原因", "text", True),
    ]
    assert [c.width for c in columns] == ["medium", "", "", "", "large"]
    assert tables.labelled(report, columns, zh)["行数"].tolist() == [10, 20]


def test_counts_declare_integer_columns():
    assert tables.counts(("a", "col_a"), ("b", "col_b")) == [
        Column("a", "col_a", "integer"),
        Column("b", "col_b", "integer"),
    ]
