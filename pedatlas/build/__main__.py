"""python -m pedatlas.build [--out PATH] [--seed N] [--scale demo|national]"""

import argparse
import sys
import time
from pathlib import Path

from pedatlas.build.pipeline import DEFAULT_SEED, SCALES, build_database
from pedatlas.paths import database_path


def print_progress(fraction: float, message: str) -> None:
    """One progress line per step on stderr."""
    print(f"[{fraction:4.0%}] {message}", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pedatlas.build", description=__doc__)
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="database file (default: $PEDATLAS_DB or data/pedatlas.duckdb)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--scale", choices=sorted(SCALES), default="demo")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = build_database(args.out or database_path(), args.seed, args.scale, print_progress)
    print(f"built {report.path} in {time.perf_counter() - started:.0f} s")
    for table, rows in report.row_counts.items():
        print(f"  {table:<20} {rows:>10,} rows")
    print(
        f"census: {report.crosswalked} codes crosswalked, {report.zones_folded} development zones folded"
    )
    print(f"counties without population: {', '.join(report.counties_without_population) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
