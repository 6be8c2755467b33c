"""Time every query of the referral and transport pages; prints ms per query (best of a few runs).

Run from the repository root on the database in $PEDATLAS_DB (default data/pedatlas.duckdb):
    PEDATLAS_DB=/path/to/national.duckdb /work/venv/bin/python benchmarks/bench_flows.py
Each page query must stay under 300 ms on the national stress build (2 cores). Exits 1 if any
query is slower, so the script can gate a build.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pedatlas.db import open_read_only, run_query  # noqa: E402
from pedatlas.paths import database_path  # noqa: E402

BUDGET_MS = 300.0
REPEAT = 5
YEAR = 2024


def cases(core: str) -> list[tuple[str, str, dict]]:
    """(label, query, params) for every query the two pages run, in their heaviest usual settings."""
    national = {"year": YEAR, "scope": "", "alliance": "", "hospital": ""}
    province = {**national, "scope": "360000"}
    alliance = {**national, "alliance": "JX"}
    hospital = {**national, "hospital": core}
    transport = {"year": YEAR, "scope": "", "centre": ""}
    centre = {**transport, "centre": core}
    listed: list[tuple[str, dict]] = [
        ("referrals/alliance_list", {}),
        ("referrals/hospital_list", {"scope": "", "alliance": ""}),
        ("referrals/hospital", {"hospital": core}),
        ("referrals/counties", {"scope": ""}),
        ("referrals/footprints", {"year": YEAR, "scope": ""}),
        ("referrals/county_flows", {"year": YEAR}),
        ("transport/centre_points", {}),
        ("transport/centres", {"year": YEAR, "scope": ""}),
        ("transport/counties", {"scope": ""}),
    ]
    filtered = ["referrals/monthly", "referrals/shares", "referrals/tiers"]
    result = [(name, name, params) for name, params in listed]
    for name in filtered:
        for label, params in (
            ("national", national),
            ("province", province),
            ("alliance", alliance),
            ("hospital", hospital),
        ):
            result.append((f"{name} [{label}]", name, params))
    for level in ("province", "city", "hospital"):
        params = {**national, "level": level, "min_referrals": 0, "top": 200}
        result.append((f"referral_corridors [{level}]", "referrals/corridors", params))
    for level in ("province", "city"):
        result.append(
            (
                f"referral_region_flows [{level}]",
                "referrals/region_flows",
                {**national, "level": level},
            )
        )
    for label, params in (("national", transport), ("centre", centre)):
        for name in (
            "transport/summary",
            "transport/monthly",
            "transport/routes",
            "transport/spread",
        ):
            result.append((f"{name} [{label}]", name, params))
        result.append(
            (
                f"transport_histogram [{label}]",
                "transport/histogram",
                {**params, "km_bin": 25, "minutes_bin": 30},
            )
        )
        result.append(
            (f"transport_outliers [{label}]", "transport/outliers", {**params, "limit": 300})
        )
    return result


def best_ms(connection, name: str, params: dict) -> tuple[float, int]:
    """Fastest of REPEAT runs in ms (after one warm-up) and the rows returned."""
    frame = run_query(connection, name, **params)
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        run_query(connection, name, **params)
        times.append((time.perf_counter() - start) * 1000)
    return min(times), len(frame)


def main() -> int:
    path = database_path()
    connection = open_read_only(path)
    sizes = run_query_counts(connection)
    found = connection.execute(
        "SELECT hospital_id FROM atlas.hospitals WHERE name = '江西省儿童医院' ORDER BY hospital_id LIMIT 1"
    ).fetchone()
    core = found[0] if found else ""
    print(f"database: {path}")
    print(f"rows: {sizes}")
    print(f"{'query':48} {'ms':>8} {'rows':>8}")
    slow = []
    for label, name, params in cases(core):
        ms, count = best_ms(connection, name, params)
        flag = "" if ms < BUDGET_MS else "  SLOW"
        print(f"{label:48} {ms:8.1f} {count:8d}{flag}")
        if flag:
            slow.append(label)
    print(
        f"{len(slow)} of {len(cases(core))} queries over {BUDGET_MS:.0f} ms"
        + (f": {', '.join(slow)}" if slow else "")
    )
    return 1 if slow else 0


def run_query_counts(connection) -> dict:
    """Rows of the tables the pages read."""
    return {
        table: connection.execute(f"SELECT count(*) FROM atlas.{table}").fetchone()[0]
        for table in ("hospitals", "referrals", "transfers", "alliance_members")
    }


if __name__ == "__main__":
    sys.exit(main())
