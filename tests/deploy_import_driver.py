"""Run one import the way the app does (audited), printing progress; the fault test kills it.

python tests/deploy_import_driver.py DB CSV AUDIT
"""

import sys
from pathlib import Path

from pedatlas.auth import audit
from pedatlas.importer import apply_import, plan_import


def main(db: Path, csv: Path, log: Path) -> None:
    plan = plan_import([csv], table="referrals", mode="append", db_path=db)
    assert plan.ok, plan.problems_frame("en").head().to_string()
    rows = plan.rows_added + plan.rows_replaced

    def report(fraction, message):
        print(f"progress {fraction:.3f} {message}", flush=True)

    audit.audited_write(
        "import", "admin1", db, lambda: apply_import(plan, db, progress=report), csv.name, rows, log
    )
    print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
