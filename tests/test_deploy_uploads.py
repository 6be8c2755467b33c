"""Hostile uploads through the app, as a signed-in admin on the data page (数据管理): an oversized
file, a zip-bomb workbook and formula cells each end in the problem list (file, row, column,
value), leave the database byte-identical, and nothing the page gives back holds a live formula.
And the server's own upload limit is the importer's: above it, a size message and a refusal."""

import hashlib
import io
import json
import re
import shutil
import tomllib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from deploy_helpers import (
    Visit,
    app_env,
    app_server,
    chromium,
    record_uploads,
    replay_upload,
)

from pedatlas.auth import audit, proxy
from pedatlas.i18n import translate
from pedatlas.importer import backup_path
from pedatlas.importer.limits import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, MB
from pedatlas.paths import PROJECT_ROOT
from tests.apptest_helpers import deferred_downloads, errors, open_signed_in

DATA = "pages/data.py"
CORPUS = Path(__file__).resolve().parent / "fixtures" / "import" / "bad"
HEADER = "医院编号,名称,类别,级别,等次,所在区县代码,经度,纬度,儿科医师数,儿科护士数,儿科床位数,NICU床位数,PICU床位数\n"
GOOD_ROW = "HUP01,上传测试医院,儿童医院,三级,甲等,360102,115.9140,28.7170,50,80,120,10,5\n"
# Cells a spreadsheet would run as formulas, in columns that must hold ids, codes and numbers
# (each a problem) and in a name (text: stored as written, neutralised on the way out).
FORMULA_ROWS = (
    'HUP01,"=HYPERLINK(""http://evil.example"",""点我"")",儿童医院,三级,甲等,360102,115.91,28.71,5,"=SUM(A1:A9)",12,0,0\n'
    'HUP02,"+cmd|\' /C calc\'!A0",儿童医院,三级,甲等,"@SUM(1+1)",115.91,28.71,5,8,12,0,0\n'
    "HUP03,公式医院三,儿童医院,三级,甲等,360102,\"-2+3+cmd|' /C calc'!A0\",28.71,=1+1,8,12,0,0\n"
)
FORMULA_FILE = "@formulas.csv"  # a file name is echoed in the problem list too


@pytest.fixture
def db_copy(demo_db, tmp_path):
    """A private copy of the demo database: an upload that went wrong must not touch it."""
    (tmp_path / "db").mkdir()
    target = tmp_path / "db" / "atlas.duckdb"
    shutil.copyfile(demo_db, target)
    return target


@pytest.fixture
def deferred(monkeypatch):
    """Every callable registered for a download, by file name (the latest run's wins)."""
    return deferred_downloads(monkeypatch)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def admin_on_data_page(monkeypatch, db, tmp_path, lang="en"):
    """The data page of a session signed in (local users file) as an admin."""
    state = tmp_path / "state"
    app = open_signed_in(monkeypatch, db, state, "admin1", "admin", script=DATA, lang=lang)
    assert errors(app) == []
    assert app.file_uploader, "an admin sees the uploader"
    return app


def problems_shown(app) -> pd.DataFrame:
    frame = next(d.value for d in app.dataframe if "Reason" in d.value.columns)
    return frame.astype(object).where(frame.notna(), "")


def cells(frame: pd.DataFrame) -> list[list[str]]:
    return frame[["File", "Row", "Column", "Value"]].astype(str).values.tolist()


def assert_refused_and_untouched(app, db: Path, before: str) -> None:
    assert app.exception == []
    # "1 error was found" / "3 errors were found": the count picks the plural
    refused = [e.value for e in app.error if re.search(r"\d+ errors? (was|were) found", e.value)]
    assert refused, [e.value for e in app.error]
    assert not [b for b in app.button if b.key == "data_confirm"]  # nothing to confirm
    assert sha256(db) == before and not backup_path(db).exists()
    assert {p.name for p in db.parent.iterdir()} <= {db.name, f"{db.name}.lock"}


def test_oversized_file_is_refused_before_it_is_read(monkeypatch, db_copy, tmp_path):
    before = sha256(db_copy)
    app = admin_on_data_page(monkeypatch, db_copy, tmp_path)
    head, row = HEADER.encode(), GOOD_ROW.encode()  # a plausible file: the same row again and again
    rows = (MAX_UPLOAD_BYTES - len(head)) // len(row) + 1
    big = head + row * rows
    big = big[: MAX_UPLOAD_BYTES + 1]
    assert len(big) == MAX_UPLOAD_BYTES + 1
    app.file_uploader[0].set_value([("huge.csv", big, "text/csv")])
    del big
    app.run()
    assert_refused_and_untouched(app, db_copy, before)
    problems = problems_shown(app)
    assert cells(problems) == [["huge.csv", "", "", f"{MAX_UPLOAD_BYTES + 1}"]]
    assert f"the limit is {MAX_UPLOAD_BYTES}" in problems["Reason"].iloc[0]


def test_zip_bomb_workbook_is_refused_before_it_is_inflated(monkeypatch, db_copy, tmp_path):
    before = sha256(db_copy)
    app = admin_on_data_page(monkeypatch, db_copy, tmp_path)
    bomb = (CORPUS / "zip_bomb.xlsx").read_bytes()
    assert len(bomb) < 1_000_000  # a small file that inflates to 140 MB
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    app.file_uploader[0].set_value([("zip_bomb.xlsx", bomb, xlsx)])
    app.run()
    assert_refused_and_untouched(app, db_copy, before)
    problems = problems_shown(app)
    assert cells(problems) == [["zip_bomb.xlsx", "", "", "146813332"]]


def test_formula_cells_are_listed_and_never_go_back_out_as_formulas(
    monkeypatch, db_copy, tmp_path, deferred
):
    before = sha256(db_copy)
    app = admin_on_data_page(monkeypatch, db_copy, tmp_path)
    upload = (HEADER + FORMULA_ROWS).encode()
    app.file_uploader[0].set_value([(FORMULA_FILE, upload, "text/csv")])
    app.run()
    assert_refused_and_untouched(app, db_copy, before)
    problems = problems_shown(app)
    assert sorted(cells(problems)) == [
        [FORMULA_FILE, "2", "ped_nurses", "=SUM(A1:A9)"],
        [FORMULA_FILE, "3", "county_adcode", "@SUM(1+1)"],
        [FORMULA_FILE, "4", "lon", "-2+3+cmd|' /C calc'!A0"],
        [FORMULA_FILE, "4", "ped_physicians", "=1+1"],
    ]

    # what goes back out: the problem list as CSV and as Excel
    name = next(n for n in deferred if n.startswith("Problems_") and n.endswith(".csv"))
    csv_bytes = deferred[name]()
    text = csv_bytes.decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    risky = ("=", "+", "-", "@", "\t", "\r")
    for cell in [*back.columns, *back.to_numpy().ravel()]:
        assert not str(cell).startswith(risky) or _plain_number(str(cell)), cell
    assert "'=1+1" in set(back["Value"]) and "'@formulas.csv" in set(back["File"])
    book = openpyxl.load_workbook(io.BytesIO(deferred[name[:-4] + ".xlsx"]()))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(risky), cell.value


def _plain_number(text: str) -> bool:
    try:
        float(text.replace(",", "").rstrip("%"))
    except ValueError:
        return False
    return True


# --- the server's upload limit ------------------------------------------------------------------


def test_every_way_of_serving_takes_exactly_what_the_importer_can():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB == MAX_UPLOAD_BYTES // MB
    assert proxy.MAX_BODY_MB > MAX_UPLOAD_MB  # nginx passes a whole file plus the form around it


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_server_refuses_uploads_above_the_importers_limit_with_a_size_message(
    browser, demo_db, tmp_path
):
    db = tmp_path / "db" / "atlas.duckdb"
    db.parent.mkdir()
    shutil.copyfile(demo_db, db)
    before = sha256(db)
    # started as scripts/run.sh does; no users file: the local admin on this machine only
    with app_server(app_env(db, tmp_path / "state"), tmp_path / "app.log", launcher=True) as (
        url,
        _,
    ):
        visit = Visit(browser)
        visit.open(f"{url}/")
        visit.open(f"{url}/manage")
        uploads = record_uploads(visit)
        chooser = visit.page.locator('input[type="file"]')
        chooser.wait_for(state="attached", timeout=60_000)

        # one byte above the limit: the browser refuses it with Streamlit's size message
        huge = tmp_path / "huge.csv"
        with open(huge, "wb") as handle:
            handle.truncate(MAX_UPLOAD_BYTES + 1)  # sparse: no disk is used
        chooser.set_input_files(str(huge))
        message = visit.page.get_by_text(f"File must be {MAX_UPLOAD_MB}.0MB or smaller.")
        message.wait_for(state="attached", timeout=30_000)
        limit = translate("data_upload_limit", "zh", mb=MAX_UPLOAD_MB)  # said under the box
        assert limit in visit.page.inner_text("body")
        visit.wait_idle(1)
        assert uploads == []  # nothing was sent
        visit.screenshot("deploy_upload_too_large")

        # a small file goes through; its request is replayed as a client skipping that check
        small = tmp_path / "small.csv"
        small.write_text(HEADER + GOOD_ROW, "utf-8")
        chooser.set_input_files(str(small))
        visit.page.get_by_text("small.csv").first.wait_for(timeout=60_000)
        visit.wait_idle(1)
        assert len(uploads) == 1
        status, text = replay_upload(visit, uploads[0], MAX_UPLOAD_BYTES + 1, send_body=False)
        assert status == 413 and "too large" in text.lower()
        # a body of exactly the limit is taken (Streamlit's own default would refuse it)
        status, _ = replay_upload(visit, uploads[0], MAX_UPLOAD_BYTES)
        assert status == 204
        visit.assert_clean()
        visit.close()
    assert sha256(db) == before


# --- undo is audited ----------------------------------------------------------------------------


def test_import_and_undo_on_the_data_page_are_audited(monkeypatch, db_copy, tmp_path):
    before = sha256(db_copy)
    app = admin_on_data_page(monkeypatch, db_copy, tmp_path)
    app.file_uploader[0].set_value([("one_hospital.csv", (HEADER + GOOD_ROW).encode(), "text/csv")])
    app.run()
    app.button(key="data_confirm").click().run()
    assert errors(app) == [] and sha256(db_copy) != before
    app.checkbox(key="data_undo_sure_1").check().run()
    app.button(key="data_undo").click().run()
    assert errors(app) == [] and sha256(db_copy) == before
    log = audit.events(tmp_path / "state" / "audit.sqlite3").iloc[::-1]
    writes = log[log["event"] != "sign_in"]
    assert [tuple(e) for e in writes[["event", "who", "what", "rows"]].values] == [
        ("import_started", "admin1", "one_hospital.csv", 1),
        ("import", "admin1", "one_hospital.csv", 1),
        ("import_started", "admin1", "one_hospital.csv", 2),
        ("undo", "admin1", "one_hospital.csv", 2),  # the hospital and its resources row
    ]
    undo = writes.iloc[-1]
    assert json.loads(undo["detail"])["after"] == list(audit.file_identity(db_copy))
    assert pd.Timestamp(undo["at"]) >= pd.Timestamp(writes.iloc[0]["at"])
    assert audit.reconcile(db_copy, tmp_path / "state" / "audit.sqlite3") == 0
    # and the admin reads it at the bottom of the import tab
    shown = next(d.value for d in app.dataframe if "event" in d.value.columns)
    assert list(shown["event"][:2]) == ["undo", "import_started"]
