"""Benchmark: plan + apply of a 1,000,000-row referral CSV against the small fixture database.

Run from the repository root: python benchmarks/bench_import.py [ROWS]
"""

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from importer_fixtures import HOSPITALS, build_fixture_db  # noqa: E402

from pedatlas.importer import apply_import, plan_import  # noqa: E402
from pedatlas.tiers import referral_direction  # noqa: E402

BUDGET_SECONDS = 60.0


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


def bench_referral_import(rows: int = 1_000_000, folder: Path | None = None) -> dict[str, float]:
    """Seconds to generate, plan and apply a referral CSV of `rows` rows (and the total)."""
    folder = Path(folder or tempfile.mkdtemp(prefix="bench-import-"))
    db = build_fixture_db(folder / "pedatlas.duckdb")
    started = time.perf_counter()
    csv = referral_csv(folder / "referrals.csv", rows)
    generated = time.perf_counter()
    plan = plan_import([csv], mode="append", db_path=db)
    planned = time.perf_counter()
    if not plan.ok:
        raise RuntimeError(plan.summary("en"))
    apply_import(plan, db)
    applied = time.perf_counter()
    return {
        "rows": float(rows),
        "csv_mb": csv.stat().st_size / 1e6,
        "generate_s": generated - started,
        "plan_s": planned - generated,
        "apply_s": applied - planned,
        "plan_apply_s": applied - generated,
    }


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        figures = bench_referral_import(size, Path(tmp))
    print(
        f"referral import: {figures['rows']:,.0f} rows ({figures['csv_mb']:.0f} MB CSV): "
        f"plan {figures['plan_s']:.1f} s + apply {figures['apply_s']:.1f} s = "
        f"{figures['plan_apply_s']:.1f} s (budget {BUDGET_SECONDS:.0f} s)"
    )
