"""The data page: sections, quality panel, a full import through the uploader, refusal, undo."""

import hashlib
import json
import shutil

import pandas as pd
import pytest

from pedatlas import fmt
from pedatlas.data_admin import builders as data_page
from pedatlas.db import open_read_only, run_sql
from pedatlas.importer import backup_path, data_quality_report, plan_import
from pedatlas.importer.validation import TableChange
from tests.apptest_helpers import errors, open_page, texts

DATA = "pages/data.py"
MAP = "pages/resource_map.py"
HEADER = "医院编号,名称,类别,级别,等次,所在区县代码,经度,纬度,儿科医师数,儿科护士数,儿科床位数,NICU床位数,PICU床位数\n"
# two hospitals in 东湖区, Nanchang (360102), next to 江西省儿童医院
GOOD_ROWS = (
    "HTEST01,测试儿童医院,儿童医院,三级,甲等,360102,115.9140,28.7170,50,80,120,10,5\n"
    "HTEST02,测试妇幼保健院,妇幼保健院,二级,,360102,115.9150,28.7180,10,20,30,0,0\n"
)
BAD_ROWS = (
    "HBAD01,坏数据医院,儿童医院,三级,甲等,360102,abc,28.7170,50,80,120,10,5\n"
    "HBAD02,坏数据卫生院,乡镇卫生院,一级,,999999,115.9150,28.7180,3,20,30,0,0\n"
)
GOOD = (HEADER + GOOD_ROWS).encode("utf-8")
BAD = (HEADER + BAD_ROWS).encode("utf-8")


@pytest.fixture
def db_copy(demo_db, tmp_path):
    """A private copy of the demo database: imports never touch the shared file."""
    target = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_db, target)
    return target


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hospital_names(path, prefix: str) -> list[str]:
    connection = open_read_only(path)
    try:
        frame = run_sql(
            connection,
            "SELECT name FROM hospitals WHERE starts_with(hospital_id, ?) ORDER BY hospital_id",
            [prefix],
        )
    finally:
        connection.close()
    return list(frame["name"])


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def frame_with(app, column: str) -> pd.DataFrame:
    return next(d.value for d in app.dataframe if column in d.value.columns)


def upload(app, *files):
    app.file_uploader[0].set_value([(name, content, "text/csv") for name, content in files])
    return app.run()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("tab", data_page.TABS)
def test_page_opens_each_section_without_errors(monkeypatch, demo_db, lang, tab):
    app = open_page(monkeypatch, demo_db, DATA, lang=lang, tab=tab)
    assert errors(app) == []
    assert app.radio(key="w_tab").value == tab
    title = {"zh": "数据管理", "en": "Data"}[lang]
    assert any(t.value == title for t in app.title)
    assert (app.query_params.get("tab") or "import") == tab
    assert app.warning == []


def test_page_import_section_has_the_uploader_and_says_uploads_are_not_linked(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, DATA)
    uploader = app.file_uploader[0]
    assert uploader.accept_multiple_files and set(uploader.allowed_type) == {".csv", ".xlsx"}
    assert "不会写入链接" in texts(app)
    assert app.selectbox(key="data_table").options[1:] == [
        "医院",
        "联盟",
        "联盟成员",
        "转诊",
        "转运",
        "下沉帮扶",
        "规划目标",
    ]


def test_page_bad_tab_falls_back_with_a_notice(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, DATA, tab="charts")
    assert app.exception == []
    assert app.radio(key="w_tab").value == "import"
    assert any("tab=charts" in w.value for w in app.warning)


def test_page_quality_panel_shows_the_report_counts(monkeypatch, demo_db):
    report = data_quality_report(demo_db)
    app = open_page(monkeypatch, demo_db, DATA, tab="quality", lang="en")
    assert errors(app) == []
    shown = metrics(app)
    assert shown["Rows (all tables)"] == fmt.integer(report["row_counts"]["rows"].sum())
    assert shown["Hospitals without staff figures"] == fmt.integer(
        len(report["hospitals_without_staff"])
    )
    assert shown["Counties without population"] == fmt.integer(
        len(report["counties_without_population"])
    )
    assert shown["Hospitals without valid coordinates"] == fmt.integer(
        len(report["hospitals_without_coordinates"])
    )
    assert shown["Rows pointing at missing rows"] == fmt.integer(report["orphans"]["rows"].sum())
    counts = frame_with(app, "Total").set_index("Table")
    totals = report["row_counts"].groupby("table")["rows"].sum()
    assert counts.loc["hospitals", "Total"] == totals["hospitals"]
    assert counts.loc["referrals", "Total"] == totals["referrals"]
    referrals_2024 = report["row_counts"].query("table == 'referrals' and year == 2024")["rows"]
    assert counts.loc["referrals", "2024"] == referrals_2024.iloc[0]
    staff = frame_with(app, "Resource years")
    assert list(staff["Hospital id"]) == list(report["hospitals_without_staff"]["hospital_id"])
    synthetic = frame_with(app, "Synthetic rows").set_index("Table")
    expected = report["synthetic_share"].set_index("table")
    assert (
        synthetic.loc["hospitals", "Synthetic rows"] == expected.loc["hospitals", "synthetic_rows"]
    )
    # raw (0-1): the grid shows it as %
    assert synthetic.loc["hospitals", "Synthetic share"] == expected.loc["hospitals", "share"]


def test_page_import_round_preview_confirm_visible_then_undo(monkeypatch, db_copy):
    original = sha256(db_copy)
    app = open_page(monkeypatch, db_copy, DATA)
    upload(app, ("new_hospitals.csv", GOOD))
    assert errors(app) == []
    assert metrics(app)["新增行"] == "2" and metrics(app)["错误"] == "0"
    changes = frame_with(app, "方式").set_index("表")
    assert changes.loc["医院", "新增"] == 2 and changes.loc["医院", "拒绝"] == 0
    assert sha256(db_copy) == original  # checked and previewed, nothing written
    app.button(key="data_confirm").click().run()
    assert errors(app) == []
    assert any("导入完成：写入 2 行" in s.value for s in app.success)
    assert hospital_names(db_copy, "HTEST") == ["测试儿童医院", "测试妇幼保健院"]
    assert backup_path(db_copy).exists() and sha256(backup_path(db_copy)) == original
    assert app.file_uploader[0].value in (None, [])  # the uploader is emptied after the import

    app.radio(key="w_tab").set_value("quality").run()
    counts = frame_with(app, "合计").set_index("表")
    assert (
        counts.loc["医院", "合计"]
        == data_quality_report(db_copy)["row_counts"].query("table == 'hospitals'")["rows"].sum()
    )

    app.switch_page(MAP).run()
    app.query_params["region"], app.query_params["county"] = "360100", "360102"
    app.run()
    assert errors(app) == []
    shown = {str(v) for d in app.dataframe for v in d.value.to_numpy().ravel()}
    assert {"测试儿童医院", "测试妇幼保健院"} <= shown  # the map page's hospital table

    app.switch_page(DATA).run()
    app.radio(key="w_tab").set_value("import").run()
    assert "new_hospitals.csv" in texts(app)  # the undo panel names the import it would undo
    assert app.button(key="data_undo").disabled
    app.checkbox(key="data_undo_sure_1").check().run()
    app.button(key="data_undo").click().run()
    assert errors(app) == []
    assert any("已撤销上一次导入" in s.value for s in app.success)
    undone = frame_with(app, "删除").set_index("表")
    assert undone.loc["医院", "新增"] == 2
    assert sha256(db_copy) == original and hospital_names(db_copy, "HTEST") == []
    assert not backup_path(db_copy).exists()


def test_page_bad_file_lists_its_problems_and_writes_nothing(monkeypatch, db_copy):
    original = sha256(db_copy)
    app = open_page(monkeypatch, db_copy, DATA, lang="en")
    upload(app, ("bad.csv", BAD), ("good.csv", GOOD))
    assert app.exception == []
    problems = frame_with(app, "Reason")
    assert list(problems.columns) == ["File", "Row", "Column", "Value", "Severity", "Reason"]
    assert problems[["File", "Row", "Column", "Value"]].astype(str).values.tolist() == [
        ["bad.csv", "2", "lon", "abc"],
        ["bad.csv", "3", "county_adcode", "999999"],
    ]
    assert problems["Reason"].tolist() == [
        "'lon' must be a number, not 'abc'.",
        "'999999' is not the code of a county in the regions table.",
    ]
    files = frame_with(app, "Read as (encoding/sheet)").set_index("File")
    assert files.loc["bad.csv", "Rejected"] == 2 and files.loc["good.csv", "Added"] == 2
    assert any("2 errors" in e.value for e in app.error)
    assert not [b for b in app.button if b.key == "data_confirm"]
    assert sha256(db_copy) == original and not backup_path(db_copy).exists()
    assert hospital_names(db_copy, "HTEST") == [] and hospital_names(db_copy, "HBAD") == []


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "extra_column.csv",
            (
                HEADER + GOOD_ROWS.splitlines()[0] + "\n" + GOOD_ROWS.splitlines()[1] + ",多余\n"
            ).encode(),
            ["extra_column.csv", "3", "", ""],
        ),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, ["photo.csv", "", "", ""]),
    ],
)
def test_page_structurally_broken_upload_ends_in_the_problem_list(
    monkeypatch, demo_db, name, content, expected
):
    app = open_page(monkeypatch, demo_db, DATA, lang="en")
    upload(app, (name, content))
    assert app.exception == []
    shown = [e.value for e in app.error]
    assert len(shown) == 1 and shown[0].startswith("1 error was found")
    problems = frame_with(app, "Reason")
    assert problems[["File", "Row", "Column", "Value"]].astype(object).fillna("").astype(
        str
    ).values.tolist() == [expected]
    assert "IndexError" not in texts(app)


def test_page_resource_preview_counts_only_hospitals_that_are_not_rejected(monkeypatch, demo_db):
    rows = (
        GOOD_ROWS
        + BAD_ROWS.splitlines()[0].replace("abc", "115.9160")
        + "\n"
        + BAD_ROWS.splitlines()[1]
        + "\n"
    )
    app = open_page(monkeypatch, demo_db, DATA, lang="en")
    upload(app, ("three.csv", (HEADER + rows).encode()))
    changes = frame_with(app, "Mode").set_index("Table")
    assert changes.loc["hospitals", ["Added", "Rejected"]].tolist() == [3, 1]
    resources = changes.loc["hospital_resources"]
    assert resources[["Rows", "Added", "Rejected"]].tolist() == [4, 3, 1]


def test_page_append_of_stored_ids_is_refused(monkeypatch, db_copy):
    app = open_page(monkeypatch, db_copy, DATA)
    upload(app, ("again.csv", GOOD))
    app.button(key="data_confirm").click().run()
    upload(app, ("again.csv", GOOD))
    problems = frame_with(app, "原因")
    assert set(problems["列"]) == {"医院编号"} and set(problems["值"]) == {"HTEST01", "HTEST02"}
    assert not [b for b in app.button if b.key == "data_confirm"]


def test_page_export_counts_rows_and_warns_before_a_large_download(monkeypatch, demo_db):
    monkeypatch.setattr(data_page, "LARGE_EXPORT_ROWS", 1000)
    app = open_page(monkeypatch, demo_db, DATA, tab="export", lang="en")
    hospitals = (
        data_quality_report(demo_db)["row_counts"].query("table == 'hospitals'")["rows"].sum()
    )
    assert f"{fmt.integer(hospitals)} rows." in texts(app)
    assert any("--export hospitals" in w.value for w in app.warning)
    app.selectbox(key="data_export_table").set_value("targets").run()
    assert "5 rows." in texts(app) and app.warning == []


# pure helpers


def test_helpers_row_count_table_pivots_years_with_zero_for_missing_years():
    counts = pd.DataFrame(
        {
            "table": ["hospitals", "referrals", "referrals", "targets"],
            "year": pd.array([None, 2023, 2024, 2030], dtype="Int64"),
            "rows": [10, 3, 4, 5],
        }
    )
    table = data_page.row_count_table(counts, "en")
    assert list(table.columns) == ["Table", "Total", "2023", "2024", "2030"]
    rows = table.set_index("Table").astype(object).where(table.set_index("Table").notna(), None)
    assert rows.loc["hospitals"].tolist() == [10, None, None, None]
    assert rows.loc["referrals"].tolist() == [7, 3, 4, 0]
    assert rows.loc["targets"].tolist() == [5, 0, 0, 5]


def test_helpers_change_table_reads_plan_changes_and_undo_notes():
    plan_changes = {
        "hospitals": TableChange(
            "hospitals", "append", rows=3, added=2, replaced=0, removed=0, rejected=1
        )
    }
    table = data_page.change_table(plan_changes, "zh")
    assert table.values.tolist() == [["医院", "追加", 3, 2, 0, 0, 1]]
    note = {"referrals": {"added": 5, "replaced": 1, "removed": 0}}
    table = data_page.change_table(note, "en")
    assert list(table.columns) == ["Table", "Added", "Replaced", "Removed"]
    assert table.values.tolist() == [["referrals", 5, 1, 0]]


def test_helpers_problem_table_and_verdict_from_a_plan(db_copy):
    plan = plan_import([("bad.csv", BAD)], db_path=db_copy, lang="zh")
    table = data_page.problem_table(plan, "zh")
    assert list(table.columns) == ["文件", "行", "列", "值", "严重程度", "原因"]
    assert table["列"].tolist() == ["经度", "所在区县代码"]
    assert table["原因"].iloc[0] == "“经度”应为数字，填写的是“abc”。"
    assert data_page.plan_verdict(plan) == "errors"
    assert data_page.plan_totals(plan) == {
        "added": 0,
        "replaced": 0,
        "removed": 0,
        "rejected": 2,
        "errors": 2,
        "warnings": 0,
    }
    good = plan_import([("good.csv", GOOD)], db_path=db_copy)
    assert data_page.plan_verdict(good) == "ready"
    assert data_page.file_table(good.files, "en").values.tolist() == [
        ["good.csv", "hospitals", "utf-8", 2, 2, 0, 0, 0]
    ]
    header_only = plan_import([("empty.csv", HEADER.encode())], db_path=db_copy)
    assert data_page.plan_verdict(header_only) == "errors"


def test_helpers_quality_counts_and_table_rows():
    report = {
        "row_counts": pd.DataFrame(
            {"table": ["hospitals", "referrals", "referrals"], "rows": [4, 6, 10]}
        ),
        "synthetic_share": pd.DataFrame(
            {"table": ["hospitals", "referrals"], "rows": [4, 16], "synthetic_rows": [1, 14]}
        ),
        "hospitals_without_coordinates": pd.DataFrame({"hospital_id": ["H1"]}),
        "hospitals_without_staff": pd.DataFrame({"hospital_id": ["H1", "H2"]}),
        "counties_without_population": pd.DataFrame({"adcode": []}),
        "orphans": pd.DataFrame({"rows": [3, 4]}),
    }
    assert data_page.quality_counts(report) == {
        "row_counts": 20,
        "synthetic_share": 0.75,
        "hospitals_without_coordinates": 1,
        "hospitals_without_staff": 2,
        "counties_without_population": 0,
        "orphans": 7,
    }
    assert data_page.table_rows(report["row_counts"], "referrals") == 16
    assert list(data_page.quality_labels()) == list(data_page.QUALITY_TABLES)


def test_helpers_upload_signature_changes_with_files_table_mode_and_database():
    class Upload:
        def __init__(self, file_id, name, size):
            self.file_id, self.name, self.size = file_id, name, size

    base = data_page.upload_signature([Upload("a", "x.csv", 10)], "", "append", (1, 2, 3))
    assert base == data_page.upload_signature([Upload("a", "x.csv", 10)], "", "append", (1, 2, 3))
    for other in (
        data_page.upload_signature([Upload("b", "x.csv", 10)], "", "append", (1, 2, 3)),
        data_page.upload_signature([Upload("a", "x.csv", 10)], "hospitals", "append", (1, 2, 3)),
        data_page.upload_signature([Upload("a", "x.csv", 10)], "", "replace", (1, 2, 3)),
        data_page.upload_signature([Upload("a", "x.csv", 10)], "", "append", (1, 2, 4)),
    ):
        assert other != base


def test_helpers_undo_note_and_its_text(tmp_path):
    db = tmp_path / "x.duckdb"
    db.write_bytes(b"now")
    assert data_page.undo_note(db) is None
    backup_path(db).write_bytes(b"before")
    assert data_page.undo_note(db) == {}
    note = {"applied_at": "2025-03-05T14:30:12", "mode": "replace", "files": ["a.csv", "b.xlsx"]}
    db.with_name(f"{db.name}.previous.json").write_text(json.dumps(note), "utf-8")
    read = data_page.undo_note(db)
    assert data_page.note_time(read) == "2025-03-05 14:30"
    assert data_page.note_files(read) == "a.csv、b.xlsx"
    assert data_page.note_mode(read, "en") == "replace"


def test_helpers_dictionary_and_table_labels():
    assert data_page.dictionary_markdown().startswith("# PedAtlas 数据字典")
    assert data_page.table_label("", "en").startswith("Detect")
    assert data_page.table_label("regions", "zh") == "行政区"
    assert data_page.table_label("outreach", "zh") == "下沉帮扶"
    assert data_page.export_name("referrals", "en") == "pedatlas_referrals_en.csv"
