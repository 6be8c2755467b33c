"""The data importer: plan (read + validate), apply atomically, undo, export, templates, quality.

Typical use from the data page::

    plan = plan_import(uploaded_files, table=None, mode="append", db_path=path, lang="zh")
    if plan.ok:
        result = apply_import(plan, path, progress=callback)
"""

from pedatlas.importer.apply import (
    ImportRejected,
    ImportResult,
    UndoResult,
    apply_import,
    backup_path,
    clean_stale_imports,
    undo_last_import,
)
from pedatlas.importer.columns import IMPORTABLE_TABLES, TABLES
from pedatlas.importer.export import csv_bytes, export_csv, export_table
from pedatlas.importer.plan import FileReport, ImporterError, ImportPlan, plan_import
from pedatlas.importer.problems import MAX_LISTED_PROBLEMS, REASONS, Problem
from pedatlas.importer.quality import data_quality_report
from pedatlas.importer.reading import Source
from pedatlas.importer.templates import template_columns, template_csv, template_xlsx
from pedatlas.importer.validation import TableChange

__all__ = [
    "IMPORTABLE_TABLES",
    "MAX_LISTED_PROBLEMS",
    "REASONS",
    "TABLES",
    "FileReport",
    "ImportPlan",
    "ImportRejected",
    "ImportResult",
    "ImporterError",
    "Problem",
    "Source",
    "TableChange",
    "UndoResult",
    "apply_import",
    "backup_path",
    "clean_stale_imports",
    "csv_bytes",
    "data_quality_report",
    "export_csv",
    "export_table",
    "plan_import",
    "template_columns",
    "template_csv",
    "template_xlsx",
    "undo_last_import",
]
