"""Time each query of the alliances page on a database; prints milliseconds per query.

Run from the repository root:
    PEDATLAS_DB=data/pedatlas.duckdb /work/venv/bin/python benchmarks/bench_alliances.py [repeat]
The database defaults to $PEDATLAS_DB, else data/pedatlas.duckdb (use a --scale national build
to check the stress size: 40,000 hospitals, 10 million referrals, 200,000 transfers).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pedatlas import db  # noqa: E402
from pedatlas.paths import database_path  # noqa: E402

YEAR = 2024


def cases(connection) -> list[tuple[str, dict]]:
    """(query, params) for every query of the page, for the largest alliance and a cross-province one."""
    largest = db.run_query(connection, "alliances/list")["alliance_id"].iloc[0]
    cases = [
        ("alliances/list", {}),
        ("alliances/reach", {"year": YEAR}),
        ("alliances/activity", {"year": YEAR}),
    ]
    for alliance in dict.fromkeys([largest, "HH"]):
        cases += [
            ("alliances/member_list", {"alliance": alliance, "year": YEAR}),
            ("alliances/map_counties", {"alliance": alliance, "year": YEAR}),
            ("alliances/growth", {"alliance": alliance}),
            ("alliances/outreach", {"alliance": alliance}),
        ]
    return cases


def best_ms(connection, name: str, params: dict, repeat: int) -> tuple[float, int]:
    """(fastest of repeat runs in ms, rows returned)."""
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(db.run_query(connection, name, **params))
        times.append((time.perf_counter() - start) * 1000)
    return min(times), rows


def main(argv: list[str]) -> int:
    repeat = int(argv[1]) if len(argv) > 1 else 3
    path = database_path()
    connection = db.open_read_only(path)
    counts = {
        table: db.run_sql(connection, f"SELECT count(*) AS n FROM {table}")["n"].iloc[0]
        for table in ("hospitals", "alliance_members", "referrals", "transfers", "outreach")
    }
    print(f"database {path}: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    print(f"{'query':<24} {'params':<34} {'ms (best of ' + str(repeat) + ')':>16} {'rows':>6}")
    for name, params in cases(connection):
        ms, rows = best_ms(connection, name, params, repeat)
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        print(f"{name:<24} {shown:<34} {ms:>16.1f} {rows:>6}")
    connection.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
