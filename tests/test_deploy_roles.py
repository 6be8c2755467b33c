"""Sign in as each role (local users file) in a real browser and check what each sees and can do,
including a scoped user trying other provinces through links and the sidebar widgets."""

import pytest
from deploy_helpers import PASSWORD, Visit, app_env, app_server, chromium, make_users, sign_in

from pedatlas.auth import audit
from pedatlas.i18n import translate

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
WRITE_CLOSED = translate("auth_write_admin_only", "zh")
WHOLE_DB = translate("auth_whole_database_only", "zh")
DOWNLOAD_CSV = translate("download_csv", "zh")


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture(scope="module")
def signed_app(demo_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("roles")
    state = folder / "state"
    make_users(state)
    with app_server(app_env(demo_db, state), folder / "app.log") as (url, _):
        yield url, state


@pytest.fixture
def visit(browser):
    opened = Visit(browser)
    yield opened
    opened.close()


def open_tab(visit: Visit, tab: str) -> None:
    """Pick a section of the data page with its radio button (same session)."""
    visit.page.get_by_text(translate(f"data_tab_{tab}", "zh"), exact=True).click()
    visit.wait_idle(2)


def body(visit: Visit) -> str:
    return visit.page.inner_text("body")


def test_nothing_without_signing_in_and_a_failed_sign_in_is_audited(visit, signed_app):
    url, state = signed_app
    visit.open_root(url)
    visit.open(f"{url}/map?region=360000")
    assert "登录" in body(visit) and "资源地图" not in visit.page.locator("h1").inner_text()
    sign_in(visit, f"{url}/", "viewer1", "wrong-password")
    assert translate("auth_failed", "zh") in body(visit)
    failed = audit.events(state / "audit.sqlite3")
    assert ("sign_in_failed", "viewer1") in set(zip(failed["event"], failed["who"], strict=True))
    visit.screenshot("deploy_sign_in_failed")


def test_viewer_reads_but_cannot_import_or_download(visit, signed_app):
    url, _ = signed_app
    sign_in(visit, f"{url}/manage", "viewer1")
    assert "已登录：viewer1（查看者，全国）" in body(visit)
    assert WRITE_CLOSED in body(visit)
    assert visit.page.locator('input[type="file"]').count() == 0
    open_tab(visit, "quality")
    visit.page.get_by_text(translate("data_quality_metric_rows", "zh")).first.wait_for(
        timeout=60_000
    )
    assert visit.page.get_by_role("button", name=DOWNLOAD_CSV).count() == 0
    visit.assert_clean()
    visit.screenshot("deploy_viewer_data_page")


def test_analyst_downloads_but_cannot_import(visit, signed_app):
    url, _ = signed_app
    sign_in(visit, f"{url}/manage", "analyst1")
    assert WRITE_CLOSED in body(visit)
    assert visit.page.locator('input[type="file"]').count() == 0
    open_tab(visit, "quality")
    visit.page.get_by_role("button", name=DOWNLOAD_CSV).first.wait_for(timeout=60_000)
    assert visit.page.get_by_role("button", name=DOWNLOAD_CSV).count() >= 1
    visit.assert_clean()


def test_admin_imports_and_reads_the_audit_log(visit, signed_app):
    url, state = signed_app
    sign_in(visit, f"{url}/manage", "admin1")
    visit.page.locator('input[type="file"]').wait_for(state="attached", timeout=60_000)
    visit.page.get_by_text(translate("audit_title", "zh"), exact=True).wait_for(timeout=60_000)
    text = body(visit)
    assert WRITE_CLOSED not in text
    assert visit.page.locator('input[type="file"]').count() == 1
    assert translate("audit_title", "zh") in text
    # the log's table (the only table of the tab while nothing was imported)
    visit.page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=90_000)
    assert visit.page.get_by_role("button", name=translate("audit_download", "zh")).count() == 1
    visit.assert_clean()
    visit.screenshot("deploy_admin_data_page")
    log = audit.events(state / "audit.sqlite3")
    assert ("sign_in", "admin1") in set(zip(log["event"], log["who"], strict=True))


def test_scoped_user_gets_the_nearest_allowed_view_from_links_and_widgets(visit, signed_app):
    url, _ = signed_app
    # a shared link to Beijing opens Jiangxi, says so, and the link now says Jiangxi
    sign_in(visit, f"{url}/map?region=110000", "jiangxi")
    text = body(visit)
    assert "您的数据范围：江西省" in text
    assert "链接指向的范围（110000）不在您的数据范围内，已改为显示江西省" in text
    assert "region=360000" in visit.page.url
    # the province widget offers no other province
    visit.page.get_by_label("省份").click(timeout=90_000)
    options = visit.page.locator('[role="option"]').all_inner_texts()
    assert "江西省" in options and "北京市" not in options and "广东省" not in options
    visit.page.keyboard.press("Escape")
    # the whole-database reports of the data page are closed to a scoped user
    visit.page.get_by_role("link", name="数据管理").first.click()
    visit.wait_idle(2)
    open_tab(visit, "quality")
    assert WHOLE_DB in body(visit)
    visit.assert_clean()
    visit.screenshot("deploy_scoped_data_page")


def test_password_is_never_in_the_audit_log_or_users_file(signed_app):
    _, state = signed_app
    for path in (state / "audit.sqlite3", state / "users.json"):
        assert PASSWORD.encode() not in path.read_bytes()
