"""Derived (rollup) tables: national series pre-counted so that page queries read thousands of rows, not millions.

A registry: each entry names a table and the SQL that computes it from the base tables. The build
pipeline runs ``refresh`` after writing the base tables, and the importer runs it on its copy after
applying an import (before the copy is swapped in), so the rollups always match the rows they
summarise. Add a rollup by adding an entry here; nothing else has to know the list.

Rules for an entry: computed from base tables, or from a derived table listed above it (the
national hot spots use the county contiguity); no parameters, deterministic (seeded), and keyed by
``year`` where the series is yearly. A ``compute`` function runs the plain named queries it needs
on the caller's connection (inside the import's transaction, so no macros from queries/rules.sql). The table is replaced
whole on every refresh (a few seconds on the national stress build), which keeps imports simple:
an import can add, replace or remove rows of any base table.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from pedatlas import db


@dataclass(frozen=True)
class DerivedTable:
    """A rollup table: its name, what one row is, and the SELECT that computes it (or, where SQL
    cannot, a function of the connection returning the rows)."""

    name: str
    row: str
    sql: str = ""
    compute: Callable[[duckdb.DuckDBPyConnection], pd.DataFrame] | None = None
    # The tables a slow computed entry reads: an import that writes none of them keeps it as it
    # is (empty = recomputed on every refresh).
    inputs: tuple[str, ...] = ()


def county_neighbours(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Queen contiguity of the county boundaries, islands joined to their nearest county: the
    weights of the hot-spot analysis (a few seconds of geometry, so done once per database)."""
    import geopandas as gpd
    import shapely

    from pedatlas.metrics import clusters

    shapes = connection.execute(
        "SELECT adcode, geom_wkb FROM region_shapes WHERE layer = 'county' ORDER BY adcode"
    ).df()
    if shapes.empty:
        return pd.DataFrame(
            {
                "adcode": pd.Series(dtype=str),
                "neighbour": pd.Series(dtype=str),
                "island": pd.Series(dtype=bool),
            }
        )
    geometry = shapely.from_wkb([bytes(blob) for blob in shapes["geom_wkb"]])
    frame = gpd.GeoDataFrame(geometry=geometry, index=shapes["adcode"].to_numpy(), crs=4326)
    return clusters.neighbour_pairs(*clusters.contiguity(frame))


def _named(connection: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    # On the caller's connection and transaction: the importer's rows are not committed yet.
    return connection.execute(db.query_sql(name), params or None).df()


def _county_shapes(connection: duckdb.DuckDBPyConnection):
    import geopandas as gpd
    import shapely

    shapes = _named(connection, "common/shapes", layer="county", scope="")
    geometry = shapely.from_wkb([bytes(blob) for blob in shapes["geom_wkb"]])
    return gpd.GeoDataFrame(geometry=geometry, index=shapes["adcode"].to_numpy(), crs=4326)


def national_clusters(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The national LISA (999 permutations) of every measure in every year: ~1 s each, which a
    page cannot pay on a click, so it is paid once per build or import."""
    from pedatlas.equity import hotspots
    from pedatlas.metrics import clusters

    pairs = connection.execute("SELECT * FROM derived_county_neighbours").df()
    counties = _named(connection, "equity/county_resources", scope="")
    sites = _named(connection, "equity/care_sites")
    full = clusters.weights_from_pairs(pairs) if len(pairs) else None
    if full is None or counties.empty:
        return hotspots.national_cluster_rows(counties.iloc[0:0], sites, None, None)
    previous = None
    if _exists(connection, "derived_county_clusters"):
        previous = connection.execute("SELECT * FROM derived_county_clusters").df()
    shapes = _county_shapes(connection)
    return hotspots.national_cluster_rows(counties, sites, shapes, full, previous)


def detour_fits(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The road detour factor per province and pooled, fitted on every recorded transfer route."""
    from pedatlas.equity import time_to_care

    return time_to_care.stored_fits(_named(connection, "equity/transfer_routes"))


DERIVED = (
    DerivedTable(
        "derived_alliance_pair_windows",
        "an ordered pair of hospitals with referrals between them that share an alliance, and the "
        "window in which both are its members (since: the later joining day; until: the earlier "
        "leaving day, 9999-12-31 while both stay); a pair in two alliances gets the hull of both "
        "windows (exact unless the two windows leave a gap)",
        # Only pairs that have referrals: every member paired with every other grows with the
        # square of an alliance's size (a 200,000-member upload would be 4e10 pairs); pairs with
        # referrals are bounded by the referrals.
        """
        WITH pairs AS (SELECT DISTINCT from_hospital_id, to_hospital_id FROM referrals)
        SELECT a.hospital_id AS from_id, b.hospital_id AS to_id,
               min(greatest(a.joined_on, b.joined_on)) AS since,
               max(least(coalesce(a.left_on, DATE '9999-12-31'), coalesce(b.left_on, DATE '9999-12-31'))) AS until
        FROM pairs AS p
        JOIN alliance_members AS a ON a.hospital_id = p.from_hospital_id
        JOIN alliance_members AS b ON b.hospital_id = p.to_hospital_id AND b.alliance_id = a.alliance_id
        WHERE a.hospital_id <> b.hospital_id
        GROUP BY a.hospital_id, b.hospital_id
        ORDER BY from_id, to_id
        """,
    ),
    DerivedTable(
        "derived_referral_pairs",
        "referrals of one year from one hospital to another in one direction, and how many of them "
        "fell inside a window in which both hospitals were members of a common alliance",
        """
        SELECT year(r.referred_on)::INTEGER AS year, r.from_hospital_id, r.to_hospital_id, r.direction,
               count(*)::BIGINT AS referrals,
               count(*) FILTER (WHERE r.referred_on >= s.since AND r.referred_on < s.until)::BIGINT AS same_alliance
        FROM referrals AS r
        LEFT JOIN derived_alliance_pair_windows AS s
             ON s.from_id = r.from_hospital_id AND s.to_id = r.to_hospital_id
        GROUP BY ALL
        ORDER BY year, r.from_hospital_id, r.to_hospital_id, r.direction
        """,
    ),
    DerivedTable(
        "derived_referral_months",
        "referrals of one month in one direction whose patients live in one county (the sending "
        "hospital's county for up and lateral referrals, the receiving hospital's for down)",
        """
        SELECT year(r.referred_on)::INTEGER AS year, month(r.referred_on)::INTEGER AS month, r.direction,
               CASE WHEN r.direction = 'down' THEN t.county_adcode ELSE f.county_adcode END AS home_county,
               count(*)::BIGINT AS referrals
        FROM referrals AS r
        JOIN hospitals AS f ON f.hospital_id = r.from_hospital_id
        JOIN hospitals AS t ON t.hospital_id = r.to_hospital_id
        GROUP BY ALL
        ORDER BY year, month, r.direction, home_county
        """,
    ),
    DerivedTable(
        "derived_county_flows",
        "upward referrals of one year from an origin county to a receiving county (and its "
        "prefecture unit): the input of the service areas",
        """
        SELECT year(r.referred_on)::INTEGER AS year, f.county_adcode AS origin_county,
               t.county_adcode AS dest_county, d.city_adcode AS dest_city, count(*)::BIGINT AS referrals
        FROM referrals AS r
        JOIN hospitals AS f ON f.hospital_id = r.from_hospital_id
        JOIN hospitals AS t ON t.hospital_id = r.to_hospital_id
        JOIN regions AS d ON d.adcode = t.county_adcode
        WHERE r.direction = 'up'
        GROUP BY ALL
        ORDER BY year, origin_county, dest_county
        """,
    ),
    DerivedTable(
        "derived_county_resources",
        "one county in one year: hospitals with resources that year, pediatricians, pediatric beds, "
        "NICU+PICU beds, and hospitals that were alliance members on 31 December",
        """
        WITH years AS (SELECT DISTINCT year FROM hospital_resources),
        resources AS (
            SELECT x.year, h.county_adcode, count(*) AS hospitals, sum(x.ped_physicians) AS physicians,
                   sum(x.ped_beds) AS beds, sum(x.nicu_beds + x.picu_beds) AS icu_beds
            FROM hospital_resources AS x
            JOIN hospitals AS h ON h.hospital_id = x.hospital_id
            GROUP BY x.year, h.county_adcode
        ),
        members AS (
            SELECT y.year, h.county_adcode, count(DISTINCT m.hospital_id) AS member_hospitals
            FROM years AS y
            JOIN alliance_members AS m ON m.joined_on <= make_date(y.year, 12, 31)
                 AND (m.left_on IS NULL OR m.left_on > make_date(y.year, 12, 31))
            JOIN hospitals AS h ON h.hospital_id = m.hospital_id
            GROUP BY y.year, h.county_adcode
        )
        SELECT y.year::INTEGER AS year, c.adcode AS county_adcode,
               coalesce(s.hospitals, 0)::BIGINT AS hospitals, coalesce(s.physicians, 0)::BIGINT AS physicians,
               coalesce(s.beds, 0)::BIGINT AS beds, coalesce(s.icu_beds, 0)::BIGINT AS icu_beds,
               coalesce(m.member_hospitals, 0)::BIGINT AS member_hospitals
        FROM years AS y
        CROSS JOIN (SELECT adcode FROM regions WHERE level = 'county') AS c
        LEFT JOIN resources AS s ON s.year = y.year AND s.county_adcode = c.adcode
        LEFT JOIN members AS m ON m.year = y.year AND m.county_adcode = c.adcode
        ORDER BY year, county_adcode
        """,
    ),
    DerivedTable(
        "derived_transfer_months",
        "transfers of one month from one county to one receiving centre, by patient type and "
        "criticality, with their route km",
        """
        SELECT year(t.dispatched_at)::INTEGER AS year, month(t.dispatched_at)::INTEGER AS month,
               h.county_adcode AS from_county, t.to_hospital_id, t.patient, t.critical,
               count(*)::BIGINT AS trips, sum(t.distance_km) AS km
        FROM transfers AS t
        JOIN hospitals AS h ON h.hospital_id = t.from_hospital_id
        GROUP BY ALL
        ORDER BY year, month, from_county, t.to_hospital_id, t.patient, t.critical
        """,
    ),
    DerivedTable(
        "derived_county_neighbours",
        "one pair of neighbouring counties (queen contiguity of the county boundaries); an island "
        "county is paired with its nearest county and flagged",
        compute=county_neighbours,
        inputs=("region_shapes",),
    ),
    DerivedTable(
        "derived_county_clusters",
        "one county's national LISA cluster of one measure (shortage, access, physicians) in one "
        "year, with the measure's value (smoothed) and raw rate, and the year's global Moran's I",
        compute=national_clusters,
        inputs=(
            "regions",
            "region_shapes",
            "hospitals",
            "hospital_resources",
            "derived_county_neighbours",
        ),
    ),
    DerivedTable(
        "derived_detour_fits",
        "the road detour factor of one origin province (or of all routes, group 'all') fitted on "
        "the recorded transfer routes, with its error",
        compute=detour_fits,
        inputs=("transfers", "hospitals"),
    ),
)


def names() -> tuple[str, ...]:
    """Names of every derived table, in refresh order."""
    return tuple(table.name for table in DERIVED)


def refresh(
    connection: duckdb.DuckDBPyConnection,
    catalog: str | None = None,
    changed: Collection[str] | None = None,
) -> dict[str, int]:
    """(Re)compute the derived tables from the base tables; returns rows per table.

    catalog: the attached database to work in (the importer attaches its copy as 'atlas'); None
    for a connection opened on the database file itself (the build). changed: the tables an
    import wrote (None = everything may have changed, as in a build): an entry with inputs none of
    which changed is kept as it is, so importing referrals does not rerun the national hot spots.
    Runs inside the caller's transaction if one is open, so an import and its rollups commit
    together.
    """
    previous = _value(connection, "SELECT current_database()")
    if catalog is not None:
        connection.execute(f"USE {catalog}")
    touched = None if changed is None else set(changed)
    try:
        counts = {}
        for table in DERIVED:
            if _still_current(connection, table, touched):
                counts[table.name] = _count(connection, table.name)
                continue
            _recompute(connection, table)
            if touched is not None:
                touched.add(table.name)
            counts[table.name] = _count(connection, table.name)
    finally:
        if catalog is not None:
            connection.execute(f"USE {previous}")
    return counts


def _still_current(connection, table: DerivedTable, touched: set[str] | None) -> bool:
    if touched is None or not table.inputs or touched & set(table.inputs):
        return False
    return _exists(connection, table.name)


def _exists(connection: duckdb.DuckDBPyConnection, name: str) -> bool:
    sql = (
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()"
        " AND table_name = $name"
    )
    return bool(_value(connection, sql, {"name": name}))


def _recompute(connection: duckdb.DuckDBPyConnection, table: DerivedTable) -> None:
    if table.compute is None:
        connection.execute(f"CREATE OR REPLACE TABLE {table.name} AS {table.sql}")
        return
    connection.register("derived_rows", table.compute(connection))
    try:
        connection.execute(f"CREATE OR REPLACE TABLE {table.name} AS SELECT * FROM derived_rows")
    finally:
        connection.unregister("derived_rows")


def _count(connection: duckdb.DuckDBPyConnection, name: str) -> int:
    return _value(connection, f"SELECT count(*) FROM {name}")


def _value(connection: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> Any:
    """The one value of a query that returns one row."""
    row = connection.execute(sql, params).fetchone()
    assert row is not None, sql
    return row[0]
