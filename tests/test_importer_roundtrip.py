"""Export -> import round trips, undo, templates and the data-quality report."""

import csv
import io

import openpyxl
import pandas as pd
import pytest
from importer_fixtures import fixture_copy, row_count, sha256, table_rows

from pedatlas.importer import (
    IMPORTABLE_TABLES,
    ImporterError,
    apply_import,
    backup_path,
    csv_bytes,
    data_quality_report,
    export_csv,
    export_table,
    plan_import,
    template_columns,
    template_csv,
    template_xlsx,
    undo_last_import,
)
from pedatlas.importer.apply import backup_note_path
from pedatlas.importer.columns import TABLES
from pedatlas.importer.parsing import converted


@pytest.fixture
def fixture_db(tmp_path):
    """A private copy of the fixture database."""
    return fixture_copy(tmp_path)


COMPARED_TABLES = (*IMPORTABLE_TABLES, "hospital_resources", "regions", "build_info")


def _snapshot(db) -> dict[str, list[tuple]]:
    return {table: table_rows(db, table) for table in COMPARED_TABLES}


@pytest.mark.parametrize("headers", ["zh", "en"])
def test_roundtrip_every_table_export_then_replace_leaves_tables_identical(
    fixture_db, tmp_path, headers
):
    before = _snapshot(fixture_db)
    files = [
        export_csv(fixture_db, table, tmp_path / f"{table}.csv", headers)
        for table in IMPORTABLE_TABLES
    ]
    plan = plan_import(files, mode="replace", db_path=fixture_db)
    assert plan.ok, [(p.reason, p.file, p.row, p.column, p.value) for p in plan.problems]
    assert [report.table for report in plan.files] == list(IMPORTABLE_TABLES)
    apply_import(plan, fixture_db)
    assert _snapshot(fixture_db) == before


@pytest.mark.parametrize("table", IMPORTABLE_TABLES)
def test_roundtrip_each_table_alone_in_replace_mode(fixture_db, tmp_path, table):
    before = _snapshot(fixture_db)
    path = export_csv(fixture_db, table, tmp_path / f"{table}.csv")
    plan = plan_import([path], table=table, mode="replace", db_path=fixture_db)
    assert plan.ok and plan.rows_removed == (4 if table == "outreach" else 0)
    apply_import(plan, fixture_db)
    assert _snapshot(fixture_db) == before


def test_export_table_has_database_columns_sorted_by_key(fixture_db):
    frame = export_table(fixture_db, "referrals")
    assert list(frame["referral_id"]) == list(range(1, 9))
    assert "year" not in export_table(fixture_db, "hospitals")


def test_export_rejects_tables_that_are_not_importable(fixture_db):
    with pytest.raises(ImporterError):
        export_table(fixture_db, "regions")


def test_undo_restores_the_previous_file_byte_for_byte(fixture_db, tmp_path):
    before = sha256(fixture_db)
    rows_before = row_count(fixture_db, "targets")
    data = csv_bytes(
        pd.DataFrame(
            {
                "indicator": ["coverage"],
                "year": [2026],
                "value": [0.9],
                "unit": ["%"],
                "label_zh": ["覆盖率"],
                "label_en": ["Coverage"],
                "source": ["test"],
            }
        ),
        "targets",
    )
    plan = plan_import([("targets.csv", data)], db_path=fixture_db)
    result = apply_import(plan, fixture_db)
    assert row_count(fixture_db, "targets") == rows_before + 1
    assert result.backup_path == backup_path(fixture_db) and sha256(result.backup_path) == before
    undone = undo_last_import(fixture_db, lang="en")
    assert sha256(fixture_db) == before
    assert row_count(fixture_db, "targets") == rows_before
    assert undone.restored_import["files"] == ["targets.csv"]
    assert not backup_path(fixture_db).exists() and not backup_note_path(fixture_db).exists()


def test_undo_without_a_previous_import_raises(fixture_db):
    with pytest.raises(ImporterError):
        undo_last_import(fixture_db)


def test_replace_hospitals_removes_resources_of_dropped_unreferenced_hospitals(
    fixture_db, tmp_path
):
    frame = export_table(fixture_db, "hospitals")
    extra = frame.iloc[[0]].assign(hospital_id="H100", name="临时医院")
    path = tmp_path / "with_extra.csv"
    path.write_bytes(csv_bytes(pd.concat([frame, extra]), "hospitals"))
    apply_import(plan_import([path], mode="replace", db_path=fixture_db), fixture_db)
    assert any(row[0] == "H100" for row in table_rows(fixture_db, "hospital_resources"))
    path.write_bytes(csv_bytes(frame, "hospitals"))
    plan = plan_import([path], mode="replace", db_path=fixture_db)
    assert plan.ok and plan.changes["hospitals"].removed == 1
    apply_import(plan, fixture_db)
    assert not any(row[0] == "H100" for row in table_rows(fixture_db, "hospital_resources"))


def test_replace_hospitals_flags_changed_figures_by_the_hospital_and_keeps_unchanged_flags(
    fixture_db, tmp_path
):
    frame = export_table(fixture_db, "hospitals")
    frame.loc[frame["hospital_id"] == "H001", "ped_physicians"] = 330
    path = tmp_path / "hospitals.csv"
    path.write_bytes(csv_bytes(frame, "hospitals"))
    apply_import(plan_import([path], mode="replace", db_path=fixture_db), fixture_db)
    latest = {row[0]: row for row in table_rows(fixture_db, "hospital_resources") if row[1] == 2023}
    assert latest["H001"][2:] == (330, 600, 1200, 80, 60, False)  # H001 is a real hospital
    assert latest["H002"][-1] is True  # unchanged figures keep their synthetic flag


@pytest.mark.parametrize("table", IMPORTABLE_TABLES)
def test_template_csv_is_header_and_key_row_that_reads_as_header_only(fixture_db, table):
    plan = plan_import([(f"{table}.csv", template_csv(table))], db_path=fixture_db)
    assert [(p.reason, p.table) for p in plan.problems] == [("header_only", table)]


@pytest.mark.parametrize("table", IMPORTABLE_TABLES)
def test_template_xlsx_names_its_sheet_and_lists_the_keys(table):
    sheets = pd.read_excel(pd.io.common.BytesIO(template_xlsx(table, "en")), sheet_name=None)
    assert list(sheets)[0] == table
    assert list(sheets["keys"]["key"]) == list(template_columns(table)["英文列名"])


def test_template_csv_with_a_data_row_imports(fixture_db):
    template = template_csv("targets").decode("utf-8")
    data = template + "coverage,2026,0.9,%,覆盖率,Coverage,test\n"
    plan = plan_import([("targets.csv", data.encode("utf-8"))], db_path=fixture_db)
    assert plan.ok and plan.files[0].rows == 1 and plan.rows_added == 1
    assert [(p.reason, p.row) for p in plan.problems] == [("example_row_skipped", 3)]


def test_quality_report_finds_the_fixture_gaps(fixture_db):
    report = data_quality_report(fixture_db)
    assert set(report) == {
        "row_counts",
        "synthetic_share",
        "hospitals_without_coordinates",
        "hospitals_without_staff",
        "counties_without_population",
        "orphans",
    }
    counts = report["row_counts"]
    referrals = counts[counts["table"] == "referrals"].set_index("year")["rows"].to_dict()
    assert referrals == {2023: 6, 2024: 2}
    share = report["synthetic_share"].set_index("table")["share"]
    assert share["referrals"] == 1.0 and share["hospitals"] == pytest.approx(4 / 6)
    assert list(report["hospitals_without_staff"]["hospital_id"]) == ["H006"]
    assert list(report["counties_without_population"]["adcode"]) == ["450102"]
    assert report["hospitals_without_coordinates"].empty and report["orphans"].empty


def test_quality_report_lists_orphans_and_bad_coordinates(fixture_db):
    import duckdb

    connection = duckdb.connect(str(fixture_db))
    connection.execute("DELETE FROM alliances WHERE alliance_id = 'A02'")
    connection.execute("UPDATE hospitals SET lon = 0 WHERE hospital_id = 'H002'")
    connection.close()
    report = data_quality_report(fixture_db)
    orphans = report["orphans"]
    assert set(zip(orphans["table"], orphans["missing_id"], orphans["rows"], strict=True)) == {
        ("alliance_members", "A02", 2),
        ("outreach", "A02", 1),
    }
    assert list(report["hospitals_without_coordinates"]["hospital_id"]) == ["H002"]


@pytest.mark.parametrize("table", IMPORTABLE_TABLES)
def test_templates_carry_one_example_row_of_valid_values(table):
    spec = TABLES[table]
    lines = template_csv(table).decode("utf-8-sig").splitlines()
    assert len(lines) == 3 and lines[1] == ",".join(spec.keys)
    example = dict(zip(spec.keys, next(csv.reader([lines[2]])), strict=True))
    assert example == spec.example
    for column in spec.columns:
        text = pd.Series([example[column.key] or None], dtype="str")
        _, bad = converted(column, text)
        assert not bad.any(), (column.key, example[column.key])
        if column.required and not column.computed:
            assert example[column.key], column.key
    sheet = pd.read_excel(io.BytesIO(template_xlsx(table)), sheet_name=table, dtype=str)
    assert sheet.iloc[0].fillna("").tolist() == [spec.example[key] for key in spec.keys]


def test_filled_xlsx_template_skips_its_example_row_and_says_so(fixture_db):
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx("targets")))
    book["targets"].append(["coverage", 2026, 0.9, "%", "覆盖率", "Coverage", "test"])
    buffer = io.BytesIO()
    book.save(buffer)
    plan = plan_import([("targets.xlsx", buffer.getvalue())], db_path=fixture_db)
    assert plan.ok and plan.rows_added == 1
    assert [(p.reason, p.severity, p.row) for p in plan.problems] == [
        ("sheet_not_read", "warning", None),  # the sheet listing the columns
        ("example_row_skipped", "warning", 2),
    ]
