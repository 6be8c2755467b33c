"""The import registry (columns.py) agrees with the schema, the data dictionary and its rules."""

import re

import duckdb
import pytest

from pedatlas.importer.columns import HELPER_COLUMNS, IMPORTABLE_TABLES, TABLES
from pedatlas.paths import PROJECT_ROOT, SCHEMA_SQL

SQL_TYPES = {
    "text": {"VARCHAR"},
    "integer": {"INTEGER", "BIGINT"},
    "number": {"DOUBLE"},
    "boolean": {"BOOLEAN"},
    "date": {"DATE"},
    "datetime": {"TIMESTAMP"},
}
DICTIONARY = (PROJECT_ROOT / "docs" / "data_dictionary.md").read_text("utf-8")


def _schema_columns() -> dict[str, dict[str, str]]:
    connection = duckdb.connect()
    connection.execute(SCHEMA_SQL.read_text("utf-8"))
    rows = connection.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns()"
    ).fetchall()
    columns: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        columns.setdefault(table, {})[column] = kind
    return columns


SCHEMA = _schema_columns()


@pytest.mark.parametrize("table", IMPORTABLE_TABLES)
def test_registry_columns_are_the_schema_columns_with_matching_types(table):
    spec = TABLES[table]
    stored = SCHEMA[table]
    assert spec.db_columns == list(stored), "registry and schema.sql list different columns"
    for column in spec.columns:
        if column.key in HELPER_COLUMNS.get(table, ()):
            continue
        assert stored[column.key] in SQL_TYPES[column.kind], (column.key, stored[column.key])


@pytest.mark.parametrize("table", IMPORTABLE_TABLES)
def test_registry_tables_and_columns_are_in_the_data_dictionary(table):
    section = re.search(rf"^### [\d.]+ `{table}` .*?(?=^### |\Z)", DICTIONARY, re.S | re.M)
    assert section, f"docs/data_dictionary.md has no section for {table}"
    for key in TABLES[table].db_columns:
        assert f"| `{key}` |" in section.group(0), (table, key)


@pytest.mark.parametrize("table", IMPORTABLE_TABLES)
def test_registry_example_row_names_every_column_and_row_rules_name_real_columns(table):
    spec = TABLES[table]
    assert list(spec.example) == spec.keys
    assert all(rule.column in spec.keys for rule in spec.row_rules)
    assert all(spec.column(key).is_id for key in spec.references)
