"""Benchmark: importer time and peak memory, for a large referral CSV and for hostile workbooks.

Run from the repository root: python benchmarks/bench_import.py [ROWS] [--cases NAME,...]
(default 2,000,000 rows; 0 runs the bombs only). --cases picks among: referral, transfer,
row-cap, wide, wide-refused, long-text, several, several-wide, bombs (default: referral, transfer, bombs).

Each case runs in a fresh Python process so that its peak resident memory (VmHWM) is its own:
- a valid referral CSV of ROWS rows, planned and applied against the small fixture database;
- a valid transfer CSV (11 columns) with as many rows as limits.MAX_CELLS allows (1.8 M);
- the worst cases the caps allow: a referral CSV at the row cap (limits.MAX_ROWS, 2.5 M rows);
  a hospital CSV (the widest table, 18 columns) at its table cap (limits.MAX_TABLE_ROWS) and at
  the cell cap (refused); a UTF-16 hospital CSV of 1,000-character sources at the byte cap (each
  cell 1.5x its size once decoded to UTF-8); three referral files in one upload at the row and
  cell caps together; hospital files at the cell cap each (refused: the caps hold per upload);
- the bombs of the bad-file corpus (tests/fixtures/import/bad): a 0.4 MB workbook inflating to
  140 MB, a 2 KB workbook declaring A1:XFD1048576, a part compressed 343 times, 1,210 parts,
  entity expansion in the shared strings, a 2,000,000-row declared dimension.
With --national-db PATH (a national build: python -m pedatlas.build --scale national), also
imports into a copy of it: ROWS referrals sampled from its own, and two hospitals (whose import
reruns the national hot-spot rollup), so the rollups refreshed by an import run at full size.
Exits non-zero when a case uses 1.5 GB or more, or a bomb takes a second or more to refuse.
"""

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from importer_fixtures import HOSPITALS, build_fixture_db, great_circle  # noqa: E402

from pedatlas.importer import apply_import, plan_import  # noqa: E402
from pedatlas.importer.columns import HOSPITALS as HOSPITAL_TABLE  # noqa: E402
from pedatlas.importer.limits import (  # noqa: E402
    MAX_CELLS,
    MAX_ROWS,
    MAX_TABLE_ROWS,
    MAX_UPLOAD_BYTES,
)
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


def referral_csv(path: Path, rows: int, seed: int = 1, first: int = 1_000) -> Path:
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
            "转诊编号": np.arange(first, first + rows),
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


def hospital_csv(
    path: Path,
    rows: int,
    first: int = 0,
    source_chars: int = 8,
    encoding: str = "utf-8",
    seed: int = 3,
) -> Path:
    """Write a valid hospital CSV (all 18 columns) with ids from H1000000 + first.

    Places are the fixture's hospitals'; source_chars: length of the source text (Chinese).
    """
    rng = np.random.default_rng(seed + first)
    places = np.array([(row[5], row[6], row[7]) for row in HOSPITALS], dtype=object)
    picked = places[rng.integers(0, len(places), rows)]
    text = ("来源说明" * (source_chars // 4 + 1))[:source_chars]
    frame = pd.DataFrame(
        {
            "医院编号": [f"H{1_000_000 + first + i}" for i in range(rows)],
            "名称": rng.choice(["某市儿童医院", "某县人民医院", "某镇卫生院"], rows),
            "类别": rng.choice(["儿童医院", "综合医院", "妇幼保健院"], rows),
            "级别": rng.choice(["三级", "二级", "一级"], rows),
            "等次": rng.choice(["甲等", "乙等"], rows),
            "所在区县代码": picked[:, 0],
            "经度": picked[:, 1],
            "纬度": picked[:, 2],
            "儿科医师数": rng.integers(0, 300, rows),
            "儿科护士数": rng.integers(0, 600, rows),
            "儿科床位数": rng.integers(0, 900, rows),
            "NICU床位数": rng.integers(0, 60, rows),
            "PICU床位数": rng.integers(0, 40, rows),
            "是否转运中心": rng.choice(["是", "否"], rows),
            "是否国家或区域儿童医学中心": "否",
            "是否合成数据": "是",
            "来源": text,
            "年份": 2024,
        }
    )
    assert len(frame.columns) == len(HOSPITAL_TABLE.columns)
    frame.to_csv(path, index=False, encoding=encoding)
    return path


def rows_in_bytes(size: int, source_chars: int, encoding: str) -> int:
    """How many hospital rows of this source length fill size bytes (header included)."""
    with tempfile.TemporaryDirectory() as tmp:
        sample = hospital_csv(Path(tmp) / "sample.csv", 1_000, 0, source_chars, encoding)
        per_row = sample.stat().st_size / 1_000
    return int(size / per_row * 0.995)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB.

    VmHWM of /proc/self/status: ru_maxrss would keep the parent's peak across fork and exec.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """This process's resident memory now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def watch_peak(stop: threading.Event, seen: dict[str, object]) -> None:
    """Sample the resident memory; keep the importer functions running at the highest sample."""
    main = threading.main_thread().ident or 0
    highest = 0.0
    while not stop.wait(0.05):
        rss = current_rss_mb()
        if rss > highest:
            highest = rss
            frame = sys._current_frames().get(main)
            where = []
            while frame is not None:
                if "pedatlas" in frame.f_code.co_filename:
                    where.append(frame.f_code.co_name)
                frame = frame.f_back
            seen.update(rss=rss, where=" < ".join(where[:4]))


def run_csv_case(csv: Path, db: Path) -> dict:
    """Plan and apply one CSV (in this process); seconds per step and the peak memory."""
    stop, seen = threading.Event(), dict[str, object]()
    watcher = threading.Thread(target=watch_peak, args=(stop, seen), daemon=True)
    watcher.start()
    started = time.perf_counter()
    files = [Path(part) for part in str(csv).split(",")]
    plan = plan_import(files, mode="append", db_path=db)
    planned = time.perf_counter()
    plan_peak = peak_rss_mb()
    if not plan.ok:  # refused by a cap: the peak is the refusal's
        stop.set()
        reasons = sorted({problem.reason for problem in plan.problems})
        return {
            "plan_s": planned - started,
            "apply_s": 0.0,
            "plan_peak_mb": plan_peak,
            "peak_mb": peak_rss_mb(),
            "peak_in": f"refused: {', '.join(reasons)}; {seen.get('where', '')}",
        }
    apply_import(plan, db)
    applied = time.perf_counter()
    return {
        "plan_s": planned - started,
        "apply_s": applied - planned,
        "plan_peak_mb": plan_peak,
        "peak_mb": peak_rss_mb(),
        "peak_in": seen.get("where", ""),
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


def csv_cases(folder: Path, rows: int, names: list[str]) -> list[tuple[str, list[Path], int]]:
    """(label, files, data rows) of each CSV case asked for; files are written on demand."""
    cases = []
    for name in names:
        if name == "referral" and rows:
            cases.append(("referral CSV", [referral_csv(folder / "referrals.csv", rows)], rows))
        elif name == "transfer" and rows:
            wide_rows = MAX_CELLS // 11  # the most rows an 11-column file may have
            files = [transfer_csv(folder / "transfers.csv", wide_rows)]
            cases.append(("transfer CSV, cell cap", files, wide_rows))
        elif name == "row-cap":
            path = referral_csv(folder / "referrals_cap.csv", MAX_ROWS)
            cases.append(("referral CSV, row cap", [path], MAX_ROWS))
        elif name == "wide":
            count = min(MAX_CELLS // len(HOSPITAL_TABLE.columns), MAX_TABLE_ROWS["hospitals"])
            files = [hospital_csv(folder / "hospitals_wide.csv", count)]
            cases.append(("hospital CSV (18 columns), its table cap", files, count))
        elif name == "wide-refused":
            count = MAX_CELLS // len(HOSPITAL_TABLE.columns)
            files = [hospital_csv(folder / "hospitals_cells.csv", count)]
            cases.append(("hospital CSV (18 columns), cell cap", files, count))
        elif name == "long-text":
            count = rows_in_bytes(MAX_UPLOAD_BYTES, 1_000, "utf-16")
            path = hospital_csv(folder / "hospitals_text.csv", count, 0, 1_000, "utf-16")
            cases.append(("UTF-16 hospital CSV, 1,000-char sources, byte cap", [path], count))
        elif name == "several":
            counts = [MAX_ROWS // 3, MAX_ROWS // 3, MAX_ROWS - 2 * (MAX_ROWS // 3)]
            files = [
                referral_csv(folder / f"referrals_{i}.csv", count, 10 + i, 1_000 + sum(counts[:i]))
                for i, count in enumerate(counts)
            ]
            label = f"{len(files)} referral CSVs in one upload, row and cell caps together"
            cases.append((label, files, sum(counts)))
        elif name == "several-wide":
            each = MAX_CELLS // len(HOSPITAL_TABLE.columns)
            counts = [each] * (MAX_ROWS // each) + [MAX_ROWS % each]
            files = [
                hospital_csv(folder / f"hospitals_{i}.csv", count, sum(counts[:i]))
                for i, count in enumerate(counts)
                if count
            ]
            label = f"{len(files)} hospital CSVs in one upload, cell cap each, row cap together"
            cases.append((label, files, sum(counts)))
    return cases


def national_cases(folder: Path, national: Path, rows: int) -> list[tuple[str, list[Path], int]]:
    """Referrals sampled from the national build's own (new ids) and two new hospitals."""
    referrals = folder / "national_referrals.csv"
    with duckdb.connect(str(national), read_only=True) as connection:
        connection.execute(
            f"""COPY (SELECT max_id.n + row_number() OVER () AS 转诊编号, referred_on AS 转诊日期,
                      from_hospital_id AS 转出医院编号, to_hospital_id AS 转入医院编号,
                      direction AS 转诊方向, department AS 科室, age_group AS 年龄组,
                      distance_km AS "距离（公里）", 'true' AS 是否合成数据
                FROM (SELECT * FROM referrals USING SAMPLE {int(rows)} ROWS (reservoir, 7)),
                     (SELECT max(referral_id) AS n FROM referrals) AS max_id)
                TO '{referrals}' (HEADER)"""
        )
    hospitals = folder / "national_hospitals.csv"
    hospitals.write_text(
        "医院编号,名称,类别,级别,等次,所在区县代码,经度,纬度,儿科医师数,儿科护士数,儿科床位数,"
        "NICU床位数,PICU床位数\n"
        "HBENCH1,基准测试儿童医院,儿童医院,三级,甲等,360102,115.914,28.717,50,80,120,10,5\n"
        "HBENCH2,基准测试妇幼保健院,妇幼保健院,二级,,360102,115.915,28.718,10,20,30,0,0\n",
        "utf-8",
    )
    return [
        ("national build: referral CSV", [referrals], rows),
        ("national build: 2 hospitals (national hot spots rerun)", [hospitals], 2),
    ]


def run_and_print(label: str, files: list[Path], count: int, db: Path, case_db: Path) -> bool:
    """Import files into a copy of db in a fresh process; print its figures; True if over budget."""
    shutil.copyfile(db, case_db)
    joined = ",".join(str(path) for path in files)
    figures = in_child("csv", joined, str(case_db))
    total = figures["plan_s"] + figures["apply_s"]
    over = figures["peak_mb"] >= MEMORY_BUDGET_MB
    size = sum(path.stat().st_size for path in files) / 1e6
    print(
        f"{label}: {count:,} rows ({size:.0f} MB): plan "
        f"{figures['plan_s']:.1f} s + apply {figures['apply_s']:.1f} s = {total:.1f} s"
        f", peak {figures['plan_peak_mb']:,.0f} MB planning, "
        f"{figures['peak_mb']:,.0f} MB in all (highest in {figures['peak_in']})"
        + ("  OVER BUDGET" if over else ""),
        flush=True,
    )
    for path in files:
        path.unlink()
    for leftover in case_db.parent.glob(case_db.name + "*"):
        leftover.unlink()  # the copy and the backup the import keeps
    return over


def main(rows: int, names: list[str], national: Path | None = None) -> int:
    """Run every case; print a table; 1 when a budget is exceeded."""
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        db = build_fixture_db(folder / "pedatlas.duckdb")
        for name in names:
            for label, files, count in csv_cases(folder, rows, [name]):
                failed |= run_and_print(label, files, count, db, folder / f"case-{name}.duckdb")
        if national is not None:
            for label, files, count in national_cases(folder, national, rows or 2_000_000):
                failed |= run_and_print(label, files, count, national, folder / "national.duckdb")
        for name in BOMBS if "bombs" in names else ():
            result = in_child("bomb", str(BAD / name), str(db))
            over = result["peak_mb"] >= MEMORY_BUDGET_MB
            over |= result["seconds"] >= BOMB_BUDGET_SECONDS or not result["refused"]
            failed |= over
            print(
                f"{name:24s} refused in {result['seconds']:.2f} s, peak {result['peak_mb']:,.0f} "
                f"MB ({', '.join(result['reasons'])})" + ("  OVER BUDGET" if over else ""),
                flush=True,
            )
    print(f"load average {' '.join(f'{value:.1f}' for value in os.getloadavg())}")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--case":
        kind, path, database = sys.argv[2:5]
        case = run_csv_case if kind == "csv" else run_bomb_case
        print(json.dumps(case(Path(path), Path(database))))
        sys.exit(0)
    arguments = sys.argv[1:]
    national_db = None
    if "--national-db" in arguments:
        at = arguments.index("--national-db")
        national_db = Path(arguments[at + 1])
        del arguments[at : at + 2]
    chosen = ["referral", "transfer", "bombs"]
    if "--cases" in arguments:
        at = arguments.index("--cases")
        chosen = arguments[at + 1].split(",")
        del arguments[at : at + 2]
    sys.exit(main(int(arguments[0]) if arguments else 2_000_000, chosen, national_db))
