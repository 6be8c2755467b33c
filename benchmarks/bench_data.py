"""Time what the data page runs against $PEDATLAS_DB (default data/pedatlas.duckdb); prints ms each.

Read-only: the quality report, each table's export (rows and CSV bytes), the check of a small
hospitals upload and the templates. Writing is timed by benchmarks/bench_import.py.
Run from the repository root: /work/venv/bin/python benchmarks/bench_data.py
"""

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pedatlas.data_admin import builders as data_page  # noqa: E402
from pedatlas.importer import (  # noqa: E402
    IMPORTABLE_TABLES,
    csv_bytes,
    data_quality_report,
    export_table,
    plan_import,
    template_csv,
    template_xlsx,
)
from pedatlas.paths import database_path  # noqa: E402

UPLOAD = (
    "医院编号,名称,类别,级别,所在区县代码,经度,纬度,儿科医师数,儿科护士数,儿科床位数,NICU床位数,PICU床位数\n"
    "HBENCH1,基准测试医院,儿童医院,三级,360102,115.914,28.717,50,80,120,10,5\n"
).encode()


T = TypeVar("T")


def timed(label: str, action: Callable[[], T]) -> T:
    """Run action once, print its time in ms, return its result."""
    started = time.perf_counter()
    result = action()
    print(f"{label:<40} {1000 * (time.perf_counter() - started):9.1f} ms")
    return result


def main() -> None:
    db = database_path()
    print(f"database: {db}")
    report = timed("data_quality_report", lambda: data_quality_report(db))
    timed("quality display tables", lambda: data_page.row_count_table(report["row_counts"], "zh"))
    for table in IMPORTABLE_TABLES:
        frame = timed(f"export_table {table}", partial(export_table, db, table))
        timed(f"csv_bytes {table} ({len(frame):,} rows)", partial(csv_bytes, frame, table))
    timed("plan_import 1 hospital", lambda: plan_import([("h.csv", UPLOAD)], db_path=db))
    timed(
        "templates (7 CSV + 7 XLSX)",
        lambda: [(template_csv(t), template_xlsx(t)) for t in IMPORTABLE_TABLES],
    )


if __name__ == "__main__":
    main()
