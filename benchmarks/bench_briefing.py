"""Time the briefing: build (queries + builders), HTML, PDF, for the nation, a province and a city.

Run from the repository root, on --db or else the database in $PEDATLAS_DB (default
data/pedatlas.duckdb):
    .venv/bin/python benchmarks/bench_briefing.py --db /work/demo.duckdb
Prints wall and CPU seconds of each step (best of --repeat runs; the build's first run too, with
cold caches), the file sizes, and what a user
waits for after pressing the button: build + HTML, build + PDF (the promise is seconds).
The PDF's CPU time counts chromium too (the child process).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pedatlas.briefing.generate import build_briefing, frame_runner  # noqa: E402
from pedatlas.briefing.model import Request  # noqa: E402
from pedatlas.briefing.output import render  # noqa: E402
from pedatlas.db import open_read_only  # noqa: E402
from pedatlas.paths import DB_ENV_VAR, database_path  # noqa: E402

REPEAT = 3
SCOPES = (("", "全国"), ("360000", "江西省"), ("360100", "南昌市"), ("360700", "赣州市"))


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed(step, repeat: int):
    """(best wall seconds, CPU seconds of that run, result, wall seconds of the first run)."""
    best, first = None, None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), cpu_seconds()
        result = step()
        measured = (time.perf_counter() - wall, cpu_seconds() - cpu, result)
        first = measured[0] if first is None else first
        if best is None or measured[0] < best[0]:
            best = measured
    assert best is not None and first is not None
    return (*best, first)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", type=Path, default=None, help="database (else $PEDATLAS_DB)")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))
    parser.add_argument("--repeat", type=int, default=REPEAT)
    args = parser.parse_args()
    if args.db is not None:
        os.environ[DB_ENV_VAR] = str(args.db)
    connection = open_read_only(database_path())
    run = frame_runner(connection)
    print(f"database {database_path()}, {args.year}, {args.lang}, best of {args.repeat}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    for region, name in SCOPES:
        request = Request(region, args.year, args.lang)
        wall, cpu, briefing, cold = timed(
            lambda r=request: build_briefing(run, r, date.today()), args.repeat
        )
        html_wall, _, page, _ = timed(lambda b=briefing: render(b, "html"), args.repeat)
        pdf_wall, pdf_cpu, pdf, _ = timed(lambda b=briefing: render(b, "pdf"), args.repeat)
        print(
            f"{name:6s} build {wall:5.2f} s (cpu {cpu:5.2f}, first {cold:5.2f})  html {html_wall:4.2f} s "
            f"({len(page) / 1e6:.1f} MB)  pdf {pdf_wall:5.2f} s (cpu {pdf_cpu:5.2f}, "
            f"{len(pdf) / 1e6:.1f} MB)  waited: html {wall + html_wall:5.2f} s, "
            f"pdf {wall + pdf_wall:5.2f} s"
        )


if __name__ == "__main__":
    main()
