"""Profile one page view's runs (AppTest, every thread) with py-spy: where a page run spends its time.

Usage: PEDATLAS_DB=/work/national.duckdb python benchmarks/profile_page.py referrals region=360000
           [--cold | --new] [--runs 5] [--out profile.txt]
--cold drops every cache before each run (a restart); --new also runs another page first (a
server in use, see bench_pages.py), whose samples are in the profile under pages/data.py.
Writes py-spy's collapsed stacks and prints the functions of this project (pedatlas/, pages/) and
the libraries they call, by share of samples. Needs py-spy (requirements-dev.txt).
"""

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_view(page: str, params: dict, runs: int, cold: bool, new: bool = False) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_pages import PRIMER, View, clear_caches, opened, timed_run

    app = opened(View(page, page, params))
    primer = opened(PRIMER) if new else None
    timed_run(app)  # imports and first-run costs stay out of the profile
    print("ready", flush=True)
    sys.stdin.readline()  # the profiler attaches now
    for _ in range(runs):
        if cold or primer:
            clear_caches()
        if primer:
            primer.run()
        print(f"run: {timed_run(app):.0f} ms", flush=True)


def summary(collapsed: Path, top: int) -> None:
    inclusive: collections.Counter = collections.Counter()
    total = 0
    for line in collapsed.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if "script_runner" not in stack:  # the page run (not the test harness around it)
            continue
        samples = int(count)
        total += samples
        for frame in {_function(f) for f in stack.split(";")[1:]}:
            inclusive[frame] += samples
    print(f"{total} samples in the profiled page runs; inclusive share per function:")
    for frame, samples in inclusive.most_common(top):
        print(f"  {100 * samples / max(total, 1):5.1f}%  {frame[:150]}")


def _function(frame: str) -> str:
    """'name (path:line)' -> 'name (path)': one entry per function, whatever line was sampled."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit(':', 1)[0]})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("params", nargs="*", help="name=value link parameters")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--new", action="store_true")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    params = dict(p.split("=", 1) for p in args.params)
    if args.child:
        run_view(args.page, params, args.runs, args.cold, args.new)
        return
    out = Path(tempfile.mkdtemp()) / "stacks.txt"
    command = [
        sys.executable,
        __file__,
        args.page,
        *args.params,
        "--runs",
        str(args.runs),
        "--child",
    ]
    command += ["--cold"] if args.cold else []
    command += ["--new"] if args.new else []
    child = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=os.environ
    )
    assert child.stdin is not None and child.stdout is not None  # both are pipes
    while child.stdout.readline().strip() != "ready":
        pass
    spy = Path(sys.executable).with_name("py-spy")
    profiler = subprocess.Popen(
        [
            str(spy),
            "record",
            "--format",
            "raw",
            "--threads",
            "--rate",
            "200",
            "-o",
            str(out),
            "--pid",
            str(child.pid),
        ]
    )
    time.sleep(2)  # py-spy attached
    child.stdin.write("go\n")
    child.stdin.flush()
    for line in child.stdout:
        print(line, end="")
    child.wait()
    profiler.wait()
    summary(out, args.top)


if __name__ == "__main__":
    main()
