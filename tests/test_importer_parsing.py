"""Reading, header matching and type conversion of the importer."""

import codecs

import duckdb
import pandas as pd
import pytest

from pedatlas.importer.batches import inferred_table
from pedatlas.importer.columns import IMPORTABLE_TABLES, TABLES, normalised_header
from pedatlas.importer.parsing import booleans, integers, numbers, timestamps
from pedatlas.importer.reading import FileRejected, Source, decoded_text, read_source
from pedatlas.paths import SCHEMA_SQL


def _text(*values) -> pd.Series:
    return pd.Series(list(values), dtype="str")


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05",
        "2024/3/5",
        "2024年3月5日",
        "2024.03.05",
        "45356",
        "2024-03-05 00:00:00",
        " 2024 年 3 月 5 日 ",
    ],
)
def test_parsing_date_forms_give_5_march_2024(text):
    values, bad = timestamps(_text(text.strip()))
    assert not bad.iloc[0] and values.iloc[0] == pd.Timestamp("2024-03-05")


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05 14:30",
        "2024-03-05T14:30:00",
        "2024/3/5 14:30",
        "2024年3月5日 14时30分",
        "2024年3月5日14:30",
        "45356.6041666667",
    ],
)
def test_parsing_datetime_forms_give_the_same_moment(text):
    values, bad = timestamps(_text(text))
    assert not bad.iloc[0] and values.iloc[0] == pd.Timestamp("2024-03-05 14:30")


@pytest.mark.parametrize("text", ["2024-02-30", "2024", "昨天", "2024/13/01", "1850-01-01", "0"])
def test_parsing_impossible_dates_are_failures(text):
    values, bad = timestamps(_text(text))
    assert bad.iloc[0] and pd.isna(values.iloc[0])


def test_parsing_empty_cells_are_missing_not_failures():
    values, bad = timestamps(_text(None, "2024-03-05"))
    assert list(bad) == [False, False] and pd.isna(values.iloc[0])


def test_parsing_integers_accept_whole_floats_and_thousands_commas():
    values, bad = integers(_text("12", "12.0", "1,234", "12.5", "十二", None))
    assert list(bad) == [False, False, False, True, True, False]
    assert list(values[:3]) == [12, 12, 1234]


def test_parsing_numbers_reject_infinity_and_words():
    values, bad = numbers(_text("113.30", "-1e3", "inf", "east"))
    assert list(bad) == [False, False, True, True] and values.iloc[1] == -1000.0


def test_parsing_booleans_in_chinese_and_english():
    values, bad = booleans(_text("是", "否", "TRUE", "no", "1", "也许"))
    assert list(values[:5]) == [True, False, True, False, True] and list(bad) == [False] * 5 + [
        True
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("距离（公里）", "距离"),
        (" Hospital ID ", "hospital_id"),
        ("\ufeff医院编号", "医院编号"),
        ("NICU床位数", "nicu床位数"),
        ("lon (GCJ-02)", "lon"),
    ],
)
def test_headers_are_normalised_for_matching(header, expected):
    assert normalised_header(header) == expected


@pytest.mark.parametrize("table", IMPORTABLE_TABLES)
@pytest.mark.parametrize("style", ["zh", "en"])
def test_table_is_inferred_from_chinese_or_english_headers(table, style):
    spec = TABLES[table]
    headers = [column.zh if style == "zh" else column.key for column in spec.columns]
    assert inferred_table(headers).name == table


def test_unrelated_headers_infer_no_table():
    assert inferred_table(["姓名", "年龄"]) is None


def test_columns_cover_every_column_of_the_schema():
    connection = duckdb.connect()
    connection.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    for table in IMPORTABLE_TABLES:
        stored = connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position",
            [table],
        ).fetchall()
        assert [name for (name,) in stored] == TABLES[table].db_columns, table


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("编号,名称\n1,医院\n".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "编号,名称\n".encode(), "utf-8-sig"),
        ("编号,名称\n1,医院\n".encode("gbk"), "gb18030"),
        ("编号,名称\n".encode("utf-16"), "utf-16"),
    ],
)
def test_reading_detects_the_encoding(data, encoding):
    found, text = decoded_text(Source("x.csv", data))
    assert found == encoding and text.decode("utf-8").startswith("编号,名称")


def test_reading_a_bom_only_file_is_empty():
    with pytest.raises(FileRejected) as rejected:
        read_source(Source("bom.csv", codecs.BOM_UTF8))
    assert rejected.value.problems[0]["reason"] == "empty_file"


def test_reading_tab_separated_text_and_quoted_newlines():
    sheet = read_source(Source("t.csv", '编号\t名称\n1\t"第一\n第二"\n2\t乙\n'.encode()))
    assert sheet.headers == ["编号", "名称"] and list(sheet.cells[1]) == ["第一\n第二", "乙"]
    assert list(sheet.rows) == [2, 3]


def test_reading_keeps_row_numbers_across_blank_rows():
    sheet = read_source(Source("t.csv", b"a,b\n1,2\n,\n3,4\n"))
    assert list(sheet.rows) == [2, 4]
