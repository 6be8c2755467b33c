"""Build the PedAtlas DuckDB: real geography and census, then the seeded synthetic layer.

The database is written to a temporary file beside the target and renamed into place only after
every table is written and checked, so a failed build never leaves a broken or half-written file.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from pedatlas.build import activity, alliances, derived, hospitals, regions, transport
from pedatlas.paths import SCHEMA_SQL

TARGETS_CSV = Path(__file__).with_name("targets.csv")
DEFAULT_SEED = 20240601


@dataclass(frozen=True)
class Scale:
    """How big the synthetic layer is."""

    name: str
    hospital_density: float
    referral_volume: float
    transfer_volume: float


SCALES = {
    "demo": Scale("demo", 1.0, 1.0, 1.0),
    # National stress size: ~40,000 hospitals, ~10 million referrals, ~200,000 transfers.
    "national": Scale("national", 2.3, 15.5, 2.7),
}


@dataclass
class BuildReport:
    """What a build produced, printed at the end and kept in build_info."""

    path: Path
    row_counts: dict = field(default_factory=dict)
    counties_without_population: list = field(default_factory=list)
    zones_folded: int = 0
    crosswalked: int = 0


def _silent(fraction: float, message: str) -> None:
    return None


def build_database(
    path: Path, seed: int = DEFAULT_SEED, scale: str = "demo", progress=_silent
) -> BuildReport:
    """Build the whole database at path (atomically); returns the build report."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.building-{os.getpid()}")
    try:
        tables, report = build_tables(seed, SCALES[scale], progress)
        progress(0.92, "写入数据库 writing the database")
        rollups = write_database(temporary, tables, {"seed": str(seed), "scale": scale})
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    report.path = path
    report.row_counts = {name: len(frame) for name, frame in tables.items()} | rollups
    progress(1.0, "完成 done")
    return report


def build_tables(seed: int, scale: Scale, progress=_silent) -> tuple[dict, BuildReport]:
    """Every table as a DataFrame, from the same seed."""
    rng = np.random.default_rng(seed)
    progress(0.02, "读取边界与人口普查 reading boundaries and census")
    geo = regions.build_geography(lambda f, m: progress(0.02 + 0.3 * f, m))
    progress(0.4, "生成医院与资源 generating hospitals and resources")
    sites = hospitals.generate_hospitals(
        geo.regions, geo.county_polygons, rng, scale.hospital_density
    )
    progress(0.5, "生成医联体 generating alliances")
    alliance_table, members, sites = alliances.build_alliances(sites, geo.regions, rng)
    resources = hospitals.yearly_resources(sites, geo.regions, rng)
    sites = _with_latest_resources(sites, resources, alliance_table)
    progress(0.6, "生成转诊 generating referrals")
    referrals = activity.generate_referrals(
        sites, resources, geo.regions, members, rng, scale.referral_volume
    )
    progress(0.8, "生成转运与帮扶 generating transfers and outreach")
    transfers = transport.generate_transfers(
        sites, alliance_table, members, rng, scale.transfer_volume
    )
    outreach = transport.generate_outreach(alliance_table, members, rng)
    tables = {
        "regions": geo.regions,
        "region_shapes": geo.shapes,
        "hospitals": sites,
        "hospital_resources": resources,
        "alliances": alliance_table,
        "alliance_members": members,
        "referrals": referrals,
        "transfers": transfers,
        "outreach": outreach,
        "targets": pd.read_csv(TARGETS_CSV),
    }
    report = BuildReport(
        path=Path(),
        counties_without_population=geo.census_report.without_population,
        zones_folded=len(geo.census_report.zones_folded),
        crosswalked=len(geo.census_report.crosswalked),
    )
    return tables, report


def _with_latest_resources(sites, resources, alliance_table) -> pd.DataFrame:
    latest = resources[resources["year"] == resources["year"].max()].drop(
        columns=["year", "is_synthetic"]
    )
    sites = sites.drop(
        columns=[c for c in latest.columns if c != "hospital_id" and c in sites.columns]
    )
    sites = sites.merge(latest, on="hospital_id", how="left", validate="one_to_one")
    sites["is_transport_centre"] = transport.transport_centres(sites, alliance_table)
    return sites


def write_database(path: Path, tables: dict, info: dict) -> dict[str, int]:
    """Create the schema at path, insert every table (columns matched by name), then the rollups.

    Returns the rows of each derived table (pedatlas/build/derived.py).
    """
    path.unlink(missing_ok=True)
    connection = duckdb.connect(str(path))
    try:
        connection.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        for name, frame in tables.items():
            _insert(connection, name, frame)
        _insert(
            connection, "build_info", pd.DataFrame(sorted(info.items()), columns=["key", "value"])
        )
        rollups = derived.refresh(connection)
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    return rollups


def _insert(connection, table: str, frame: pd.DataFrame) -> None:
    columns = [row[0] for row in connection.execute(f"DESCRIBE {table}").fetchall()]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"table {table}: build produced no column(s) {missing}")
    connection.register("incoming", frame[columns])
    connection.execute(f"INSERT INTO {table} SELECT * FROM incoming")
    connection.unregister("incoming")
