"""Database access: read-only connections and named queries from queries/<feature>/<name>.sql.

The database is attached read-only inside a fresh in-memory DuckDB instead of opened with
``duckdb.connect(path)``: DuckDB caches instances by path, so after an import swaps the file in
place a plain reconnect would keep serving the old file. Attaching gives a new view of the file
each time its identity (inode, mtime, size) changes.

The shared SQL rules (queries/rules.sql: membership at a date, hospitals in a scope, the patient
side of a referral, the referrals and transfers a page picks, Tukey's fences) are created as
macros in the in-memory catalog of every connection, and queries reach them through the search
path. They live with the code rather than as views in the file: a database built or imported by
any version, and the scoped views of pedatlas.auth, get the rules of the running app.
"""

import os
import re
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from pedatlas.paths import QUERIES_DIR

CATALOG = "atlas"
RULES = "rules"  # queries/rules.sql
SEARCH_PATH = f"{CATALOG}.main,memory.main"  # the database's tables, then the rule macros
SOURCE_CATALOG = "atlas_source"  # the file itself, behind the scope's views
_VIEW_SOURCE = re.compile(r"FROM atlas_source\.main\.(\w+)")
_PARAM = re.compile(r"(?<![:$\w])\$([a-z_][a-z0-9_]*)")


class QueryError(RuntimeError):
    """A named query could not run (missing file, parameters, or database)."""


def file_identity(path: Path) -> tuple[int, int, int]:
    """(inode, mtime_ns, size) of path: changes whenever the file is replaced or rewritten."""
    stat = os.stat(path)
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def open_read_only(path: str | Path, scope=None) -> duckdb.DuckDBPyConnection:
    """A connection that sees the database at path read-only, as catalog 'atlas'.

    With a scope (pedatlas.auth.scope.Scope other than national), 'atlas' holds views of the
    file's tables restricted to that scope (queries/scope/restrict.sql): every query run on the
    connection sees only the scope's rows.
    """
    if not Path(path).exists():
        raise QueryError(f"database file not found: {path}")
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")  # no bar in the CLI's or server's output
    if scope is None or scope.is_national:
        # A path from the operator's configuration, not from a user; ATTACH takes no parameters.
        connection.execute(f"ATTACH '{_quoted(path)}' AS {CATALOG} (READ_ONLY)")
        return with_rules(connection)
    connection.execute(f"ATTACH '{_quoted(path)}' AS {SOURCE_CATALOG} (READ_ONLY)")
    connection.execute(f"ATTACH ':memory:' AS {CATALOG}")
    tables = {
        row[0]
        for row in connection.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = $source",
            {"source": SOURCE_CATALOG},
        ).fetchall()
    }
    for statement in script_statements("scope/restrict"):
        source = _VIEW_SOURCE.search(statement)
        if source and source.group(1) not in tables:
            continue  # a rollup this file does not have
        used = set(_PARAM.findall(_without_comments(statement)))
        values = {"kind": scope.kind, "code": scope.code}
        connection.execute(statement, {name: values[name] for name in used} or None)
    return with_rules(connection)


def with_rules(connection: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The connection with the shared SQL rules created as macros (queries/rules.sql).

    A rule over a table the file does not have (a rollup of an older build) is left out: the
    queries that need it fail as they would without it, the others work.
    """
    connection.execute(f"SET search_path = '{SEARCH_PATH}'")
    for statement in re.split(r"(?m);\s*$", query_sql(RULES)):
        if _without_comments(statement).strip():
            try:
                connection.execute(statement)
            except duckdb.CatalogException:
                continue
    return connection


def script_statements(name: str) -> list[str]:
    """The statements of a multi-statement file in queries/, split at lines holding only ';'."""
    text = query_sql(name)
    return [part for part in re.split(r"(?m)^;\s*$", text) if _without_comments(part).strip()]


def _quoted(path: str | Path) -> str:
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


def atlas_cursor(connection: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor on the database's catalog that also sees the rule macros (settings are per cursor)."""
    cursor = connection.cursor()
    cursor.execute(f"USE {CATALOG}")
    cursor.execute(f"SET search_path = '{SEARCH_PATH}'")
    return cursor


def run_query(connection: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql (e.g. name "transport/summary") with exactly its named parameters."""
    needed = query_parameters(name)
    if set(params) != needed:
        raise QueryError(f"query {name} takes parameters {sorted(needed)}, got {sorted(params)}")
    cursor = atlas_cursor(connection)
    try:
        return cursor.execute(query_sql(name), params or None).df()
    finally:
        cursor.close()


def run_sql(connection: duckdb.DuckDBPyConnection, sql: str, params=None) -> pd.DataFrame:
    """Run literal SQL (build scripts and tests only; pages use named queries)."""
    cursor = atlas_cursor(connection)
    try:
        return cursor.execute(sql, params).df()
    finally:
        cursor.close()
