"""Real browser (Debian chromium driven by Playwright) against the running app, network closed.

Every page and a drill-down link must render with no error and no request to any host other than
this machine; a screenshot of each is saved under artifacts/screenshots/ for a person to look at.
"""

import os
import shutil
import time
from pathlib import Path

import pytest

from pedatlas import chromium, local_app, navigation
from pedatlas.i18n import translate
from pedatlas.local_app import free_port, wait_healthy
from pedatlas.paths import DB_ENV_VAR, PROJECT_ROOT

CHROMIUM = chromium.DEBIAN_PATH
SCREENSHOTS = PROJECT_ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [*chromium.HEADLESS_FLAGS, "--disable-quic"]
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def app_url(demo_db, tmp_path_factory):
    """The app served on a free loopback port against the demo database."""
    yield from serve_app(demo_db, tmp_path_factory)


@pytest.fixture
def fresh_app_url(demo_db, tmp_path_factory):
    """A server that no session has visited yet."""
    yield from serve_app(demo_db, tmp_path_factory)


def serve_app(demo_db, tmp_path_factory):
    port = free_port()
    env = {**os.environ, DB_ENV_VAR: str(demo_db), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    log = open(tmp_path_factory.mktemp("server") / "streamlit.log", "w")  # noqa: SIM115
    server = local_app.start(port, env, log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser():
    """Headless Debian chromium; a clear message if it is not installed."""
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.fail(
            "Browser tests need Debian's chromium and CJK fonts: `apt-get install -y chromium fonts-noto-cjk` "
            "(scripts/test.sh installs them). To leave browser tests out locally set PEDATLAS_SKIP_BROWSER=1."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# What wait_idle compares between polls: a run in progress, the main area's text, and how many
# plotly charts have not drawn their svg yet.
DRAWN_STATE = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return {
        running: document.querySelector('[data-testid="stStatusWidget"]') !== null,
        text: main ? main.innerText : "",
        undrawn: charts.filter(chart => !chart.querySelector(".main-svg")).length,
    };
}"""


class Visit:
    """One browser page that records every request leaving this machine."""

    def __init__(self, browser, width=1280, height=900):
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, locale="zh-CN"
        )
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.page.on("request", self._record)

    def _record(self, request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        host = url.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
        if host not in LOCAL_HOSTS and not host.startswith("127."):
            self.outside.append(url)

    def open(self, url: str, settle: float = 1.5) -> None:
        """Go to url and wait until its run drew something and then stopped: on a loaded machine
        the run can start seconds after the page loaded, and waiting for quiet alone returned
        before it (an empty page failed its checks)."""
        self.page.goto(url)
        drawn = '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]'
        self.page.wait_for_selector(drawn, state="attached", timeout=120_000)
        self.wait_idle(settle)

    def open_root(self, url: str) -> None:
        """Open the app's root and wait for its first run to draw a title (on a slow machine
        wait_idle alone can return before the websocket even started that run)."""
        self.page.goto("/".join(url.split("/", 3)[:3]) + "/")
        self.page.wait_for_selector('[data-testid="stApp"] h1', timeout=120_000)
        self.wait_idle()

    def wait_idle(self, settle: float = 1.5, seconds: float = 90) -> None:
        """Until, for settle seconds, the app ran nothing and the main area's text stayed the same.

        The status widget alone was not enough: after a run ends the browser still loads and draws
        the lazily loaded elements (plotly charts, download buttons), and on CI's loaded machine a
        copied link's view was read while they were missing."""
        self.page.wait_for_selector('[data-testid="stApp"]', timeout=seconds * 1000)
        deadline = time.monotonic() + seconds
        quiet_since = None
        drawn = None
        while time.monotonic() < deadline:
            now = self.page.evaluate(DRAWN_STATE)
            if now["running"] or now != drawn:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= settle:
                return
            drawn = now
            time.sleep(0.25)

    def map_paths(self, minimum: int, seconds: float = 60) -> int:
        """Wait until at least minimum choropleth polygons are drawn; returns the count."""
        locator = self.page.locator("path.choroplethlocation")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and locator.count() < minimum:
            time.sleep(0.5)
        return locator.count()

    def assert_clean(self) -> None:
        body = self.page.inner_text("body")
        assert self.page.locator('[data-testid="stException"]').count() == 0, body[:2000]
        assert "Traceback" not in body
        assert "出现问题" not in body and "Something went wrong" not in body, body[:2000]
        assert self.outside == [], self.outside

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, app_url):
    """A fresh browser context on the warmed-up app."""
    opened = Visit(browser)
    opened.open_root(app_url)
    yield opened
    opened.close()


PAGE_MAPS = {"resource_map": 31, "alliances": 10, "referrals": 10, "transport": 10}


@pytest.mark.parametrize("page", navigation.available(), ids=lambda page: page.key)
def test_browser_page_renders_offline(visit, app_url, page):
    visit.open(
        f"{app_url}/{'' if page.key == navigation.DEFAULT_PAGE else page.url_path}", settle=2
    )
    if page.key in PAGE_MAPS:
        assert visit.map_paths(PAGE_MAPS[page.key]) >= PAGE_MAPS[page.key]
        visit.wait_idle()
    visit.assert_clean()
    assert visit.page.locator("h1").count() >= 1  # the page's own title, not only the shell
    assert translate(page.title_key, "zh") in visit.page.inner_text("body")
    visit.screenshot(page.key)


def test_browser_drill_down_link_draws_the_province_counties(visit, app_url):
    visit.open(f"{app_url}/map?region=360000&level=county&hospitals=1", settle=2)
    assert visit.map_paths(100) == 100
    visit.wait_idle()
    visit.assert_clean()
    assert "江西省" in visit.page.inner_text("body")
    visit.screenshot("resource_map_jiangxi_counties")


def test_browser_first_deep_link_on_a_fresh_server_opens_the_page_ready_to_use(
    browser, fresh_app_url
):
    """The first request a server ever gets is a shared deep link: the page opens, with no
    "Page not found" dialog over it, and its widgets answer clicks (pedatlas.serve)."""
    first = Visit(browser)
    try:
        first.open(f"{fresh_app_url}/map?region=360000&lang=en", settle=2)
        assert first.map_paths(11) == 11
        body = first.page.inner_text("body")
        assert "Pediatric resource map" in body
        assert "Page not found" not in body and "页面未找到" not in body
        assert first.page.locator('[role="dialog"]').count() == 0
        toggle = first.page.locator('[data-testid="stCheckbox"]').filter(
            has_text=translate("map_hospitals", "en")
        )
        toggle.first.locator("label").click(timeout=10_000)  # inert under a dialog
        first.wait_idle(2)
        assert "hospitals=1" in current_url(first)
        first.assert_clean()
        first.screenshot("resource_map_fresh_server_deep_link")
    finally:
        first.close()


def test_browser_english_link_on_a_projector(browser, app_url):
    projector = Visit(browser, width=1280, height=720)
    try:
        projector.open(app_url + "/")
        projector.open(f"{app_url}/?lang=en&year=2023&region=140000", settle=2)
        projector.assert_clean()
        body = projector.page.inner_text("body")
        assert "Pediatric resources at a glance" in body and "2023" in body
        projector.screenshot("overview_en_projector")
    finally:
        projector.close()


def test_browser_click_on_a_province_drills_down(visit, app_url):
    visit.open(f"{app_url}/map", settle=2)
    assert visit.map_paths(31) >= 31
    visit.wait_idle()
    # Click the middle of a province whose middle is inside itself (as a person would).
    point = visit.page.evaluate(
        """() => {
            for (const path of document.querySelectorAll('path.choroplethlocation')) {
                const box = path.getBoundingClientRect();
                const x = box.left + box.width / 2, y = box.top + box.height / 2;
                const local = new DOMPoint(x, y).matrixTransform(path.getScreenCTM().inverse());
                if (box.width > 40 && path.isPointInFill(local)) return [x, y];
            }
            return null;
        }"""
    )
    assert point is not None
    visit.page.mouse.click(*point)
    deadline = time.monotonic() + 30
    while "region=" not in current_url(visit) and time.monotonic() < deadline:
        time.sleep(0.5)
    # Streamlit rewrites the address with history.replaceState, which page.url does not follow.
    assert "region=" in current_url(visit)
    visit.wait_idle()
    assert visit.map_paths(2) < 31 + 3
    visit.assert_clean()
    visit.screenshot("resource_map_after_click")


def current_url(visit) -> str:
    return visit.page.evaluate("window.location.href")
