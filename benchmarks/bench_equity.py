"""Time the equity and planning queries (and the computations on them); prints ms per step.

Run from the repository root: PEDATLAS_DB=path/to.duckdb /work/venv/bin/python benchmarks/bench_equity.py
(default database: data/pedatlas.duckdb).
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pedatlas import db  # noqa: E402
from pedatlas.equity import builders as ev  # noqa: E402
from pedatlas.paths import database_path  # noqa: E402
from pedatlas.planning import builders as pv  # noqa: E402

YEAR = 2024
QUERIES = (
    ("equity/county_resources", {"scope": ""}),
    ("equity/county_resources", {"scope": "510000"}),
    ("equity/county_resources", {"scope": "360100"}),
    ("equity/hospitals", {"year": YEAR}),
    ("planning/candidates", {"year": YEAR, "scope": "510000", "add": "members"}),
    ("planning/candidates", {"year": YEAR, "scope": "510000", "add": "nicu"}),
    ("planning/candidates", {"year": YEAR, "scope": "630000", "add": "members"}),
)


T = TypeVar("T")


def best_ms(step: Callable[[], T], repeat: int = 5) -> tuple[float, T]:
    """Fastest of repeat runs in ms, and the last result."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), result


def main() -> None:
    path = database_path()
    connection = db.open_read_only(path)
    print(f"database: {path}")
    for name, params in QUERIES:
        ms, frame = best_ms(partial(db.run_query, connection, name, **params))
        print(f"{name:28s} {params!s:60s} {ms:8.1f} ms  ({len(frame):,} rows)")
    counties = db.run_query(connection, "equity/county_resources", scope="")
    hospitals = db.run_query(connection, "equity/hospitals", year=YEAR)
    year_counties = ev.year_rows(counties, YEAR)
    steps = {
        "inequality_by_year (counties, provinces)": lambda: ev.inequality_by_year(
            counties, "physicians", "county", "province_adcode"
        ),
        "accessibility E2SFCA step 200 km": lambda: ev.accessibility_scores(
            year_counties, hospitals, "physicians", "e2sfca_step", 200
        ),
        "coverage_shares (national)": lambda: ev.coverage_shares(year_counties, hospitals, ""),
        "shortage_ranking (national, 100)": lambda: ev.shortage_ranking(
            year_counties, hospitals, "", 100
        ),
    }
    for label, step in steps.items():
        ms, _ = best_ms(step, 3)
        print(f"{label:89s} {ms:8.1f} ms")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    all_counties = counties[counties["year"] == YEAR].reset_index(drop=True)
    for region, add, k, radius in (("630000", "members", 3, 50), ("510000", "nicu", 20, 100)):
        candidates = db.run_query(
            connection, "planning/candidates", year=YEAR, scope=region, add=add
        )
        ms, _ = best_ms(
            partial(pv.plan_scenario, all_counties, hospitals, candidates, region, add, k, radius),
            2,
        )
        print(f"plan_scenario {region} {add} k={k} radius={radius} km{'':52s} {ms:8.1f} ms")
    connection.close()


if __name__ == "__main__":
    main()
