"""Benchmark: importer time and peak memory, for a large referral CSV and for hostile workbooks.

Run from the repository root: python benchmarks/bench_import.py [ROWS]   (default 2,000,000;
0 runs the bombs only)

Each case runs in a fresh Python process so that its peak resident memory (VmHWM) is its own:
- a valid referral CSV of ROWS rows, planned and applied against the small fixture database;
- a valid transfer CSV (11 columns) with as many rows as limits.MAX_CELLS allows (1.8 M);
- the bombs of the bad-file corpus (tests/fixtures/import/bad): a 0.4 MB workbook inflating to
  140 MB, a 2 KB workbook declaring A1:XFD1048576, a part compressed 343 times, 1,210 parts,
  entity expansion in the shared strings, a 2,000,000-row declared dimension.
Exits non-zero when a case uses 1.5 GB or more, or a bomb takes a second or more to refuse.
"""

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from importer_fixtures import HOSPITALS, build_fixture_db, great_circle  # noqa: E402

from pedatlas.importer import apply_import, plan_import  # noqa: E402
from pedatlas.importer.limits import MAX_CELLS  # noqa: E402
from pedatlas.tiers import referral_direction  # noqa: E402

MEMORY_BUDGET_MB = 1_536.0
BOMB_BUDGET_SECONDS = 1.0
BAD = ROOT / "tests" / "fixtures" / "import" / "bad"
BOMBS = (
    "zip_bomb.xlsx",
    "dimension_bomb.xlsx",
    "ratio_bomb.xlsx",
    "entry_bomb.xlsx",
    "entity_expansion.xlsx",
    "declared_rows.xlsx",
)


def referral_csv(path: Path, rows: int, seed: int = 1) -> Path:
    """Write a valid referral CSV (Chinese headers) with ids above the fixture's; returns path."""
    rng = np.random.default_rng(seed)
    ids = np.array([row[0] for row in HOSPITALS])
    tiers = {row[0]: row[3] for row in HOSPITALS}
    start = rng.integers(0, len(ids), rows)
    step = rng.integers(1, len(ids), rows)  # never the same hospital at both ends
    origin, target = ids[start], ids[(start + step) % len(ids)]
    rule = {(a, b): referral_direction(tiers[a], tiers[b]) for a in ids for b in ids if a != b}
    pairs = pd.Series(list(zip(origin, target, strict=True)))
    days = pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 1200, rows), unit="D")
    frame = pd.DataFrame(
        {
            "转诊编号": np.arange(1_000, 1_000 + rows),
            "转诊日期": days.strftime("%Y-%m-%d"),
            "转出医院编号": origin,
            "转入医院编号": target,
            "转诊方向": pairs.map(rule).to_numpy(),
            "科室": rng.choice(["儿内科", "新生儿科", "儿外科"], rows),
            "年龄组": rng.choice(["newborn", "infant", "preschool", "school"], rows),
            "是否合成数据": "true",
        }
    )
    frame.to_csv(path, index=False)
    return path


def transfer_csv(path: Path, rows: int, seed: int = 2) -> Path:
    """Write a valid transfer CSV (11 columns, the widest file per row that is commonly large)."""
    rng = np.random.default_rng(seed)
    ids = np.array([row[0] for row in HOSPITALS])
    start = rng.integers(0, len(ids), rows)
    step = rng.integers(1, len(ids), rows)
    origin, target = ids[start], ids[(start + step) % len(ids)]
    direct = {(a, b): great_circle(a, b) for a in ids for b in ids if a != b}
    crow = np.array([direct[pair] for pair in zip(origin, target, strict=True)])
    route = np.round(crow * rng.uniform(1.1, 1.4, rows) + 1.0, 1)
    minutes = np.ceil(route / rng.uniform(40.0, 90.0, rows) * 60).astype(int)
    dispatched = pd.Timestamp("2021-01-01") + pd.to_timedelta(
        rng.integers(0, 1_200 * 24 * 60, rows), unit="min"
    )
    arrived = dispatched + pd.to_timedelta(minutes, unit="min")
    frame = pd.DataFrame(
        {
            "转运编号": np.arange(1_000, 1_000 + rows),
            "出车时间": dispatched.strftime("%Y-%m-%d %H:%M"),
            "到达时间": arrived.strftime("%Y-%m-%d %H:%M"),
            "转出医院编号": origin,
            "接收医院编号": target,
            "患者类型": rng.choice(["newborn", "child"], rows),
            "是否危重": rng.choice(["是", "否"], rows),
            "里程（公里）": route,
            "用时（分钟）": minutes,
            "结局": "admitted",
            "是否合成数据": "true",
        }
    )
    frame.to_csv(path, index=False)
    return path


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB.

    VmHWM of /proc/self/status: ru_maxrss would keep the parent's peak across fork and exec.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_csv_case(csv: Path, db: Path) -> dict:
    """Plan and apply one CSV (in this process); seconds per step and the peak memory."""
    started = time.perf_counter()
    plan = plan_import([csv], mode="append", db_path=db)
    planned = time.perf_counter()
    if not plan.ok:
        raise RuntimeError(plan.summary("en"))
    apply_import(plan, db)
    applied = time.perf_counter()
    return {
        "plan_s": planned - started,
        "apply_s": applied - planned,
        "peak_mb": peak_rss_mb(),
    }


def run_bomb_case(path: Path, db: Path) -> dict:
    """Plan one hostile file (in this process); seconds to refuse, reason, peak memory.

    A tiny file is planned first, so that the time is the refusal's, not the imports' warm-up.
    """
    plan_import([("warm.csv", b"a,b\n1,2\n")], db_path=db)
    started = time.perf_counter()
    plan = plan_import([path], db_path=db)
    seconds = time.perf_counter() - started
    reasons = sorted({problem.reason for problem in plan.problems})
    return {
        "seconds": seconds,
        "refused": not plan.ok,
        "reasons": reasons,
        "peak_mb": peak_rss_mb(),
    }


def in_child(*arguments: str) -> dict:
    """Run one case in a fresh interpreter and return its JSON result."""
    command = [sys.executable, str(Path(__file__).resolve()), "--case", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(rows: int) -> int:
    """Run every case; print a table; 1 when a budget is exceeded."""
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        db = build_fixture_db(folder / "pedatlas.duckdb")
        csv = referral_csv(folder / "referrals.csv", rows)
        wide_rows = MAX_CELLS // 11 if rows else 0  # the most rows an 11-column file may have
        wide = transfer_csv(folder / "transfers.csv", wide_rows)
        cases = (("referral", csv, rows), ("transfer", wide, wide_rows)) if rows else ()
        for label, path, count in cases:
            figures = in_child("csv", str(path), str(db))
            total = figures["plan_s"] + figures["apply_s"]
            over = figures["peak_mb"] >= MEMORY_BUDGET_MB
            failed |= over
            print(
                f"{label} CSV {count:,} rows ({path.stat().st_size / 1e6:.0f} MB): plan "
                f"{figures['plan_s']:.1f} s + apply {figures['apply_s']:.1f} s = {total:.1f} s, "
                f"peak {figures['peak_mb']:,.0f} MB" + ("  OVER BUDGET" if over else "")
            )
        for name in BOMBS:
            result = in_child("bomb", str(BAD / name), str(db))
            over = result["peak_mb"] >= MEMORY_BUDGET_MB
            over |= result["seconds"] >= BOMB_BUDGET_SECONDS or not result["refused"]
            failed |= over
            print(
                f"{name:24s} refused in {result['seconds']:.2f} s, peak {result['peak_mb']:,.0f} "
                f"MB ({', '.join(result['reasons'])})" + ("  OVER BUDGET" if over else "")
            )
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--case":
        kind, path, database = sys.argv[2:5]
        case = run_csv_case if kind == "csv" else run_bomb_case
        print(json.dumps(case(Path(path), Path(database))))
        sys.exit(0)
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000))
