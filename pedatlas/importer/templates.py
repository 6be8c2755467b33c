"""Downloadable import templates: Chinese headers plus the English keys (a row or a sheet)."""

import io

import pandas as pd

from pedatlas import safe_cells
from pedatlas.i18n import listed, translate
from pedatlas.importer.columns import DATE, DATETIME, TEXT, Column
from pedatlas.importer.export import importable_table


def template_columns(table: str, lang: str = "zh") -> pd.DataFrame:
    """One row per column of the table: Chinese header, key, required, type, allowed, default."""
    spec = importable_table(table)
    rows = [
        {
            translate("importer_template_header", lang): column.zh,
            translate("importer_template_key", lang): column.key,
            translate("importer_template_required", lang): _yes_no(column.required, lang),
            translate("importer_template_kind", lang): translate(
                f"importer_kind_{column.kind}", lang
            ),
            translate("importer_template_allowed", lang): listed(column.choices, lang),
            translate("importer_template_default", lang): _default_text(column, lang),
        }
        for column in spec.columns
    ]
    return pd.DataFrame(rows)


def _yes_no(flag: bool, lang: str) -> str:
    return translate("importer_template_yes" if flag else "importer_template_no", lang)


def _default_text(column: Column, lang: str) -> str:
    if column.computed:
        return translate("importer_template_computed", lang)
    if column.default is None:
        return ""
    if isinstance(column.default, bool):
        return "true" if column.default else "false"
    return str(column.default)


def template_csv(table: str) -> bytes:
    """A CSV template: Chinese headers, the English keys, one example row.

    The importer skips the key row and the example row while it is unchanged.
    """
    spec = importable_table(table)
    rows = [[column.zh for column in spec.columns], spec.keys, example_values(table)]
    return safe_cells.csv_bytes(pd.DataFrame(rows[1:], columns=rows[0]))


def example_values(table: str) -> list[str]:
    """The table's example row (from the registry), in column order."""
    spec = importable_table(table)
    return [spec.example.get(key, "") for key in spec.keys]


def template_xlsx(table: str, lang: str = "zh") -> bytes:
    """An XLSX template: a sheet named for the table with Chinese headers, and a keys sheet."""
    spec = importable_table(table)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        workbook = writer.book
        sheet = workbook.add_worksheet(spec.name)
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        formats = {
            TEXT: workbook.add_format({"num_format": "@"}),
            DATE: workbook.add_format({"num_format": "yyyy-mm-dd"}),
            DATETIME: workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        }
        example = workbook.add_format({"italic": True, "font_color": "#7F7F7F"})
        for number, (column, value) in enumerate(
            zip(spec.columns, example_values(table), strict=True)
        ):
            sheet.write_string(0, number, column.zh, header)
            sheet.set_column(number, number, max(12, 2 * len(column.zh)), formats.get(column.kind))
            if value:  # row 2: the example, as text (skipped on import while unchanged)
                sheet.write_string(1, number, value, example)
        sheet.freeze_panes(1, 0)
        keys = template_columns(table, lang)
        keys.to_excel(
            writer, sheet_name=translate("importer_template_keys_sheet", lang), index=False
        )
    return buffer.getvalue()
