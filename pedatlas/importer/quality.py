"""Data-quality tables for the data page: counts, synthetic shares, gaps and orphans."""

from pathlib import Path

import duckdb
import pandas as pd

from pedatlas.db import open_read_only
from pedatlas.importer.columns import CHINA_LAT, CHINA_LON, TABLES
from pedatlas.paths import database_path

# table -> expression giving the year of a row (None: no year); importable tables declare theirs
YEAR_OF_ROW = (
    {"regions": None}
    | {name: table.year_of_row for name, table in TABLES.items()}
    | {"hospital_resources": "year"}
)
# tables with an is_synthetic flag: every importable table that has the column, and resources
SYNTHETIC_TABLES = (
    *(name for name, table in TABLES.items() if "is_synthetic" in table.keys),
    "hospital_resources",
)


def data_quality_report(db_path: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Named quality tables of the database, each a DataFrame the page can offer for download."""
    connection = open_read_only(Path(db_path) if db_path is not None else database_path())
    try:
        return {
            "row_counts": row_counts(connection),
            "synthetic_share": synthetic_share(connection),
            "hospitals_without_coordinates": hospitals_without_coordinates(connection),
            "hospitals_without_staff": hospitals_without_staff(connection),
            "counties_without_population": counties_without_population(connection),
            "orphans": orphan_rows(connection),
        }
    finally:
        connection.close()


def _df(connection: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return connection.execute(sql).df()


def row_counts(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """table, year (empty for tables without one), rows."""
    parts = []
    for table, year in YEAR_OF_ROW.items():
        expression = year or "NULL"
        parts.append(
            f"SELECT '{table}' AS \"table\", CAST({expression} AS INTEGER) AS year, "
            f"count(*) AS rows FROM atlas.{table} GROUP BY ALL"
        )
    sql = " UNION ALL ".join(parts) + ' ORDER BY "table", year NULLS FIRST'
    frame = _df(connection, sql)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def synthetic_share(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """table, rows, synthetic_rows, share (0..1; empty for an empty table)."""
    parts = [
        f"SELECT '{table}' AS \"table\", count(*) AS rows, "
        f"count(*) FILTER (WHERE is_synthetic) AS synthetic_rows FROM atlas.{table}"
        for table in SYNTHETIC_TABLES
    ]
    frame = _df(connection, " UNION ALL ".join(parts))
    frame["share"] = (frame["synthetic_rows"] / frame["rows"].where(frame["rows"] > 0)).astype(
        "float64"
    )
    return frame


def hospitals_without_coordinates(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Hospitals whose lon/lat is missing, zero or outside China."""
    (low_lon, high_lon), (low_lat, high_lat) = CHINA_LON, CHINA_LAT
    return _df(
        connection,
        "SELECT hospital_id, name, county_adcode, lon, lat FROM atlas.hospitals "
        "WHERE lon IS NULL OR lat IS NULL OR isnan(lon) OR isnan(lat) "
        f"OR lon NOT BETWEEN {low_lon} AND {high_lon} OR lat NOT BETWEEN {low_lat} AND {high_lat} "
        "ORDER BY hospital_id",
    )


def hospitals_without_staff(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Hospitals with no staff figures: no hospital_resources year, or no physicians and nurses."""
    return _df(
        connection,
        "SELECT h.hospital_id, h.name, h.county_adcode, h.ped_physicians, h.ped_nurses, "
        "count(r.year) AS resource_years FROM atlas.hospitals h "
        "LEFT JOIN atlas.hospital_resources r USING (hospital_id) "
        "GROUP BY ALL HAVING count(r.year) = 0 "
        "OR coalesce(h.ped_physicians, 0) + coalesce(h.ped_nurses, 0) = 0 "
        "ORDER BY h.hospital_id",
    )


def counties_without_population(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Counties whose total or child population is missing."""
    return _df(
        connection,
        "SELECT adcode, name, province_adcode, pop_total, pop_0_14 FROM atlas.regions "
        "WHERE level = 'county' AND (pop_total IS NULL OR pop_0_14 IS NULL) ORDER BY adcode",
    )


def orphan_relations() -> list[tuple[str, str, str]]:
    """(table, column, referenced table) of every id column that points at another table."""
    relations = [
        (table.name, column, target)
        for table in TABLES.values()
        for column, target in table.references.items()
    ]
    return [*relations, ("hospital_resources", "hospital_id", "hospitals")]


def orphan_rows(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """table, column, target, missing_id, rows: ids that point at a missing hospital or alliance."""
    parts = []
    for table, column, target in orphan_relations():
        target_id = TABLES[target].key[0]
        parts.append(
            f"SELECT '{table}' AS \"table\", '{column}' AS \"column\", '{target}' AS target, "
            f"r.{column} AS missing_id, count(*) AS rows FROM atlas.{table} r "
            f"WHERE NOT EXISTS (SELECT 1 FROM atlas.{target} t WHERE t.{target_id} = r.{column}) "
            "GROUP BY ALL"
        )
    return _df(connection, " UNION ALL ".join(parts) + ' ORDER BY "table", "column", missing_id')


def orphan_totals(connection: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], int]:
    """(table, column) -> rows pointing at a missing id."""
    frame = orphan_rows(connection)
    totals = frame.groupby(["table", "column"])["rows"].sum()
    return {key: int(value) for key, value in totals.items()}
