"""Command line: python -m pedatlas.importer FILE... [--table T] [--mode replace|append] ...

Also --undo, --template TABLE, --export TABLE and --quality DIR (see --help). Imports and undos
are written to the audit log as the app's are (who: --by, else the operating-system user).
"""

import argparse
import getpass
import os
import sys
from pathlib import Path

from pedatlas import safe_cells
from pedatlas.auth import audit
from pedatlas.i18n import translate
from pedatlas.importer.apply import (
    apply_import,
    clean_stale_imports,
    last_import_note,
    note_rows,
    undo_last_import,
)
from pedatlas.importer.columns import IMPORTABLE_TABLES
from pedatlas.importer.export import export_csv
from pedatlas.importer.plan import MODES, ImporterError, ImportPlan, plan_import
from pedatlas.importer.problems import MAX_LISTED_PROBLEMS, shown_value
from pedatlas.importer.quality import data_quality_report
from pedatlas.importer.templates import template_csv, template_xlsx
from pedatlas.paths import database_path

PRINTED_PROBLEMS = 50
OK, REJECTED, USAGE = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    """The command-line options."""
    cli = argparse.ArgumentParser(
        prog="python -m pedatlas.importer",
        description="Import CSV/XLSX files into the PedAtlas database (plan, check, apply).",
    )
    cli.add_argument("files", nargs="*", type=Path, help="CSV or XLSX files to import")
    cli.add_argument(
        "--table", help=f"table of every file (default: inferred): {IMPORTABLE_TABLES}"
    )
    cli.add_argument("--mode", choices=MODES, default="append", help="default: append")
    cli.add_argument("--db", type=Path, help="database file (default: $PEDATLAS_DB)")
    cli.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    cli.add_argument("--lang", choices=("zh", "en"), default="zh")
    cli.add_argument("--max-problems", type=int, default=MAX_LISTED_PROBLEMS)
    cli.add_argument("--problems-csv", type=Path, help="write the listed problems to this CSV")
    cli.add_argument("--undo", action="store_true", help="restore the file before the last import")
    cli.add_argument("--template", choices=IMPORTABLE_TABLES, help="write an empty template")
    cli.add_argument("--format", choices=("csv", "xlsx"), default="xlsx", help="template format")
    cli.add_argument("--export", choices=IMPORTABLE_TABLES, help="write a table as CSV")
    cli.add_argument("--headers", choices=("zh", "en"), default="zh", help="export headers")
    cli.add_argument("--quality", type=Path, help="write the data-quality tables as CSVs here")
    cli.add_argument("-o", "--output", type=Path, help="output file for --template/--export")
    cli.add_argument("--by", help="who imports or undoes, for the audit log (default: OS user)")
    return cli


def who(args: argparse.Namespace) -> str:
    """The name the audit log records for this command: --by, else the operating-system user."""
    if args.by:
        return args.by
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no USER/LOGNAME (some containers)
        return f"uid:{os.getuid()}"


def undo(args: argparse.Namespace) -> int:
    """Restore the file before the last import; audited like the data page's undo."""
    db = Path(args.db) if args.db is not None else database_path()
    note = last_import_note(db) or {}
    result = audit.audited_write(
        "undo",
        who(args),
        db,
        lambda: undo_last_import(db, args.lang),
        ", ".join(note.get("files") or ()),
        note_rows(note),
        via="cli",
    )
    print(result.message)
    return OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parser().parse_args(argv)
    try:
        return run(args)
    except ImporterError as error:
        print(error, file=sys.stderr)
        return REJECTED
    except Exception as error:  # last line of defence: one line, never a traceback
        detail = shown_value(f"{type(error).__name__}: {error}", 300)
        print(translate("importer_cli_failed", args.lang, detail=detail), file=sys.stderr)
        return REJECTED


def run(args: argparse.Namespace) -> int:
    """Dispatch to undo, template, export, quality or import."""
    if args.undo:
        return undo(args)
    if args.template or args.export:
        return write_output(args)
    if args.quality:
        return write_quality(args)
    if not args.files:
        parser().print_usage(sys.stderr)
        return USAGE
    return import_files(args)


def write_output(args: argparse.Namespace) -> int:
    """Write a template or an exported table to --output."""
    if args.output is None:
        print("--output is required with --template and --export", file=sys.stderr)
        return USAGE
    if args.template:
        data = template_csv(args.template) if args.format == "csv" else template_xlsx(args.template)
        args.output.write_bytes(data)
    else:
        export_csv(args.db, args.export, args.output, args.headers)
    print(translate("importer_cli_written", args.lang, path=args.output))
    return OK


def write_quality(args: argparse.Namespace) -> int:
    """Write each data-quality table as <name>.csv in --quality."""
    args.quality.mkdir(parents=True, exist_ok=True)
    for name, frame in data_quality_report(args.db).items():
        path = args.quality / f"{name}.csv"
        path.write_bytes(safe_cells.csv_bytes(frame))
        print(translate("importer_cli_written", args.lang, path=path))
    return OK


def import_files(args: argparse.Namespace) -> int:
    """Plan the import, print the plan, and apply it unless --dry-run or it has errors."""
    clean_stale_imports(args.db)
    plan = plan_import(
        args.files,
        args.table,
        args.mode,
        args.db,
        args.lang,
        progress=print_progress,
        max_problems=args.max_problems,
    )
    print_plan(plan, args.lang)
    if args.problems_csv:
        args.problems_csv.write_bytes(safe_cells.csv_bytes(plan.problems_frame(args.lang)))
    if not plan.ok:
        return REJECTED
    if args.dry_run:
        print(translate("importer_cli_dry_run", args.lang))
        return OK
    db = Path(plan.db_path)
    result = audit.audited_write(
        "import",
        who(args),
        db,
        lambda: apply_import(plan, db, progress=print_progress),
        ", ".join(report.file for report in plan.files),
        plan.rows_added + plan.rows_replaced,
        via="cli",
    )
    print(result.message)
    print(translate("importer_cli_backup", args.lang, path=result.backup_path))
    return OK


def print_plan(plan: ImportPlan, lang: str) -> None:
    """Print each file's outcome, the summary and the first problems."""
    for report in plan.files:
        print(
            translate(
                "importer_cli_file",
                lang,
                file=report.file,
                table=report.table or "?",
                rows=report.rows,
                source=report.sheet or report.encoding or "?",
                added=report.added,
                replaced=report.replaced,
                rejected=report.rejected,
            )
        )
    print(plan.summary(lang))
    for problem in plan.problems[:PRINTED_PROBLEMS]:
        print(
            translate(
                "importer_cli_problem",
                lang,
                file=problem.file,
                row=problem.row if problem.row is not None else "-",
                column=problem.column or "-",
                message=problem.message,
            )
        )


def print_progress(fraction: float, message: str) -> None:
    """Progress on stderr as a percentage and a message."""
    print(f"[{fraction:4.0%}] {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
