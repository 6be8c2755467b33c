"""docs/data_dictionary.md documents exactly the database's tables and columns (no more, no less).

The dictionary's section 2 has one heading per table ("### 2.1 `regions` ...") with a column table
("| `adcode` | ..."), and one list of rollup tables whose columns are given in parentheses
("| `derived_x` | ... (`year, month, ...`) |"). The built demo database is the other side.
"""

import re

import duckdb
import pytest

from pedatlas.paths import PROJECT_ROOT

DICTIONARY = PROJECT_ROOT / "docs" / "data_dictionary.md"
TABLE_HEADING = re.compile(r"^### \d+\.\d+ `(\w+)`")
COLUMN_ROW = re.compile(r"^\| `(\w+)` \|")
ROLLUP_ROW = re.compile(r"^\| `(\w+)` \|.*\(`([\w, ]+)`\) \|$")


def documented_tables(text: str) -> dict[str, set[str]]:
    """{table: {column, ...}} from section 2 of the dictionary (a heading's first table only)."""
    section = text.split("\n## 2.", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, set[str]] = {}
    current, in_table = None, False
    for line in section.splitlines():
        heading = TABLE_HEADING.match(line)
        rollup = ROLLUP_ROW.match(line)
        if heading:
            current, in_table = heading.group(1), False
            tables[current] = set()
        elif rollup:
            tables[rollup.group(1)] = {name.strip() for name in rollup.group(2).split(",")}
        elif current and line.startswith("|"):
            in_table = True
            if column := COLUMN_ROW.match(line):
                tables[current].add(column.group(1))
        elif current and in_table:
            current = None  # later tables of the section list values, not columns
    return tables


def database_tables(path) -> dict[str, set[str]]:
    """{table: {column, ...}} of the database file."""
    with duckdb.connect(str(path), read_only=True) as connection:
        rows = connection.execute(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal"
        ).fetchall()
    tables: dict[str, set[str]] = {}
    for table, column in rows:
        tables.setdefault(table, set()).add(column)
    return tables


@pytest.fixture(scope="module")
def both(demo_db):
    return documented_tables(DICTIONARY.read_text(encoding="utf-8")), database_tables(demo_db)


def test_every_table_is_documented_and_nothing_else(both):
    documented, actual = both
    assert sorted(documented) == sorted(actual)


def test_every_column_is_documented_and_nothing_else(both):
    documented, actual = both
    differences = {
        table: {
            "undocumented": sorted(actual[table] - documented.get(table, set())),
            "not in the database": sorted(documented.get(table, set()) - actual[table]),
        }
        for table in actual
        if actual[table] != documented.get(table, set())
    }
    assert differences == {}


def test_the_parser_reads_both_kinds_of_entry():
    text = (
        "# Dictionary\n## 2. Tables\n### 2.1 `t` T\n| 列 column | x |\n|---|---|\n| `a` | 1 |\n| `b` | 2 |\n\n"
        "| layer | x |\n|---|---|\n| `not_a_column` | 3 |\n"
        "### 2.2 Rollups\n| 表 table | row |\n|---|---|\n| `derived_r` | one row (`year, n`) |\n"
        "## 3. Next\n"
        "| `ignored` | after the section |\n"
    )
    assert documented_tables(text) == {"t": {"a", "b"}, "derived_r": {"year", "n"}}
