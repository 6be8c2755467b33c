"""Database access: read-only connections and named queries from queries/<feature>/<name>.sql.

The database is attached read-only inside a fresh in-memory DuckDB instead of opened with
``duckdb.connect(path)``: DuckDB caches instances by path, so after an import swaps the file in
place a plain reconnect would keep serving the old file. Attaching gives a new view of the file
each time its identity (inode, mtime, size) changes.
"""

import os
import re
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from pedatlas.paths import QUERIES_DIR, database_path

CATALOG = "atlas"
SOURCE_CATALOG = "atlas_source"  # the file itself, behind the scope's views
_VIEW_SOURCE = re.compile(r"FROM atlas_source\.main\.(\w+)")
_PARAM = re.compile(r"(?<![:$\w])\$([a-z_][a-z0-9_]*)")


class QueryError(RuntimeError):
    """A named query could not run (missing file, parameters, or database)."""


def file_identity(path: Path) -> tuple[int, int, int]:
    """(inode, mtime_ns, size) of path: changes whenever the file is replaced or rewritten."""
    stat = os.stat(path)
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def open_read_only(path: Path, scope=None) -> duckdb.DuckDBPyConnection:
    """A connection that sees the database at path read-only, as catalog 'atlas'.

    With a scope (pedatlas.auth.scope.Scope other than national), 'atlas' holds views of the
    file's tables restricted to that scope (queries/scope/restrict.sql): every query run on the
    connection sees only the scope's rows.
    """
    if not Path(path).exists():
        raise QueryError(f"database file not found: {path}")
    connection = duckdb.connect()
    if scope is None or scope.is_national:
        # A path from the operator's configuration, not from a user; ATTACH takes no parameters.
        connection.execute(f"ATTACH '{_quoted(path)}' AS {CATALOG} (READ_ONLY)")
        return connection
    connection.execute(f"ATTACH '{_quoted(path)}' AS {SOURCE_CATALOG} (READ_ONLY)")
    connection.execute(f"ATTACH ':memory:' AS {CATALOG}")
    tables = {row[0] for row in connection.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = $source",
        {"source": SOURCE_CATALOG}).fetchall()}  # fmt: skip
    for statement in script_statements("scope/restrict"):
        source = _VIEW_SOURCE.search(statement)
        if source and source.group(1) not in tables:
            continue  # a rollup this file does not have
        used = set(_PARAM.findall(_without_comments(statement)))
        values = {"kind": scope.kind, "code": scope.code}
        connection.execute(statement, {name: values[name] for name in used} or None)
    return connection


def script_statements(name: str) -> list[str]:
    """The statements of a multi-statement file in queries/, split at lines holding only ';'."""
    text = query_sql(name)
    return [part for part in re.split(r"(?m)^;\s*$", text) if _without_comments(part).strip()]


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


@cache
def query_sql(name: str) -> str:
    """The SQL text of queries/<name>.sql; names carry their folder: "referrals/corridors"."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.exists():
        raise QueryError(f"no query file queries/{name}.sql")
    return path.read_text(encoding="utf-8")


def query_parameters(name: str) -> set[str]:
    """The $named parameters a query file uses."""
    return set(_PARAM.findall(_without_comments(query_sql(name))))


def _without_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def run_query(connection: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql (e.g. name "transport/summary") with exactly its named parameters."""
    needed = query_parameters(name)
    if set(params) != needed:
        raise QueryError(f"query {name} takes parameters {sorted(needed)}, got {sorted(params)}")
    cursor = connection.cursor()
    try:
        cursor.execute(f"USE {CATALOG}")
        return cursor.execute(query_sql(name), params or None).df()
    finally:
        cursor.close()


def run_sql(connection: duckdb.DuckDBPyConnection, sql: str, params=None) -> pd.DataFrame:
    """Run literal SQL (build scripts and tests only; pages use named queries)."""
    cursor = connection.cursor()
    try:
        cursor.execute(f"USE {CATALOG}")
        return cursor.execute(sql, params).df()
    finally:
        cursor.close()


def default_connection() -> duckdb.DuckDBPyConnection:
    """A fresh read-only connection to the configured database (no caching)."""
    return open_read_only(database_path())
