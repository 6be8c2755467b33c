"""Time the briefing: build (queries + builders), HTML, PDF, for the nation, a province and a city.

Run from the repository root on the database in $PEDATLAS_DB (default data/pedatlas.duckdb):
    PEDATLAS_DB=/work/demo.duckdb .venv/bin/python benchmarks/bench_briefing.py
Prints wall and CPU seconds of each step (best of REPEAT runs), and the file sizes. The PDF's CPU
time counts chromium too (the child process).
"""

from __future__ import annotations

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
from pedatlas.paths import database_path  # noqa: E402

REPEAT = 3
SCOPES = (("", "全国"), ("360000", "江西省"), ("360700", "赣州市"))


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed(step):
    """(best wall seconds, CPU seconds of that run, result)."""
    best = None
    for _ in range(REPEAT):
        wall, cpu = time.perf_counter(), cpu_seconds()
        result = step()
        measured = (time.perf_counter() - wall, cpu_seconds() - cpu, result)
        if best is None or measured[0] < best[0]:
            best = measured
    return best


def main() -> None:
    connection = open_read_only(database_path())
    run = frame_runner(connection)
    print(f"database {database_path()}, best of {REPEAT}")
    for region, name in SCOPES:
        request = Request(region, 2024, "zh")
        wall, cpu, briefing = timed(lambda r=request: build_briefing(run, r, date.today()))
        html_wall, html_cpu, page = timed(lambda b=briefing: render(b, "html"))
        pdf_wall, pdf_cpu, pdf = timed(lambda b=briefing: render(b, "pdf"))
        print(
            f"{name:6s} build {wall:5.2f} s (cpu {cpu:5.2f})  html {html_wall:4.2f} s "
            f"({len(page) / 1e6:.1f} MB)  pdf {pdf_wall:5.2f} s (cpu {pdf_cpu:5.2f}, "
            f"{len(pdf) / 1e6:.1f} MB)"
        )


if __name__ == "__main__":
    main()
