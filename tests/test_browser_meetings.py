"""Meetings views in a real browser (network closed): projector mode, year change, playback, scenarios.

Screenshots at 1280x720 go to artifacts/screenshots/ (present_*, change_*, playback_*, scenarios_*).
"""

import time

import pytest

from tests import test_browser as harness

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
browser = harness.browser  # the same headless chromium fixture


@pytest.fixture(scope="module")
def app_url(demo_db, tmp_path_factory):
    yield from harness.serve_app(demo_db, tmp_path_factory)


@pytest.fixture
def screen(browser, app_url):
    """A 1280x720 projector-sized page on the warmed-up app."""
    opened = harness.Visit(browser, width=1280, height=720)
    opened.open(app_url + "/")
    yield opened
    opened.close()


def url(visit) -> str:
    return harness.current_url(visit)


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_browser_projector_mode_pages_through_with_the_clicker_keys(screen, app_url, lang):
    screen.open(f"{app_url}/map?_present=1&region=360000&since=2019&lang={lang}", settle=2)
    assert screen.map_paths(11, seconds=180) >= 11
    screen.wait_idle()
    screen.assert_clean()
    assert not screen.page.locator('[data-testid="stSidebar"]').is_visible()
    assert screen.page.locator('[data-testid="stDataFrame"]').count() == 0
    screen.screenshot(f"present_map_change_{lang}")
    for _ in range(15):  # PageDown walks the page's ideas, then moves to the next page
        screen.page.keyboard.press("PageDown")
        if wait_for(lambda: "/alliance" in url(screen), seconds=2):
            break
    assert wait_for(lambda: "/alliance" in url(screen))
    screen.wait_idle(settle=2)
    assert "_present=1" in url(screen) and "region=360000" in url(screen)
    assert f"lang={lang}" in url(screen) or lang == "zh"
    assert screen.map_paths(10, seconds=180) >= 10
    screen.wait_idle()
    screen.assert_clean()
    screen.screenshot(f"present_alliances_{lang}")
    screen.page.keyboard.press("PageUp")  # at the top of a page: back to the previous page
    assert wait_for(lambda: "/map" in url(screen))
    screen.wait_idle(settle=2)
    assert "_present=1" in url(screen) and "since=2019" in url(screen)
    screen.page.keyboard.press("Escape")  # leave: the view stays
    assert wait_for(lambda: "_present" not in url(screen))
    screen.wait_idle()
    assert "/map" in url(screen) and "region=360000" in url(screen) and "since=2019" in url(screen)
    assert screen.page.locator('[data-testid="stSidebar"]').is_visible()
    screen.screenshot(f"present_left_{lang}")


def test_browser_year_change_map_link(screen, app_url):
    screen.open(f"{app_url}/map?since=2019", settle=2)
    assert screen.map_paths(31, seconds=180) >= 31
    screen.wait_idle()
    screen.assert_clean()
    body = screen.page.inner_text("body")
    assert "2019 → 2024" in body and "变化最大的地区" in body and "基本不变" in body
    screen.screenshot("change_map_national_zh")


def test_browser_growth_playback_plays_year_by_year(screen, app_url):
    screen.open(f"{app_url}/alliance?playback=all&region=360000&lang=en", settle=2)
    # the playback's title names its year ("2012: alliances 1 · ..."); other charts have other titles
    title = screen.page.locator(".js-plotly-plot .gtitle", has_text="alliances ").first
    assert wait_for(lambda: title.count() > 0 and title.text_content()[:2] == "20", seconds=180)
    first_year = int(title.text_content()[:4])
    screen.page.locator(".js-plotly-plot .updatemenu-button").first.click()
    assert wait_for(lambda: int(title.text_content()[:4]) >= first_year + 3, seconds=40)
    screen.assert_clean()
    title.scroll_into_view_if_needed()
    screen.screenshot("playback_jiangxi_en")


def test_browser_scenarios_side_by_side_link(screen, app_url):
    linked = "members-3-50,members-5-50,nicu-2-50"
    screen.open(f"{app_url}/plan?region=630000&scenarios={linked}", settle=3)
    assert wait_for(lambda: "新增 2 个 NICU 点 · 50 km" in screen.page.inner_text("body"), 120)
    screen.wait_idle()
    screen.assert_clean()
    body = screen.page.inner_text("body")
    assert "新增 3 个成员 · 50 km" in body and "新增 5 个成员 · 50 km" in body
    assert f"scenarios={linked.replace(',', '%2C')}" in url(screen)
    screen.page.get_by_text("方案对比").first.scroll_into_view_if_needed()
    screen.screenshot("scenarios_qinghai_zh")


# What a room must not see in projector mode, and figures taller than the screen under a title.
PROJECTOR_FAULTS = """(screen) => {
    const faults = [];
    const shown = (el) => el.offsetParent !== null && el.getBoundingClientRect().height > 0;
    const hidden = '[data-testid="stDataFrame"], [data-testid="stDownloadButton"], '
        + '[data-testid="stSidebar"], [data-testid="stMainBlockContainer"] :is('
        + '[data-testid="stSelectbox"], [data-testid="stRadio"], [data-testid="stSlider"], '
        + '[data-testid="stMultiSelect"], [data-testid="stCheckbox"], [data-testid="stPopover"])';
    for (const el of document.querySelectorAll(hidden))
        if (shown(el)) faults.push('shown: ' + el.getAttribute('data-testid'));
    for (const el of document.querySelectorAll('[data-testid="stMain"] iframe'))
        if (shown(el)) faults.push('shown: iframe ' + (el.title || ''));
    // a heading (or a bold line alone) whose content is hidden: the next thing shown is a heading
    const things = [...document.querySelectorAll('[data-testid="stMain"] :is([data-testid="stHeading"], '
        + '[data-testid="stMarkdown"], [data-testid="stPlotlyChart"], [data-testid="stMetric"], '
        + '[data-testid="stAlert"], [data-testid="stPageLink"], [data-testid="stCode"], '
        + '[data-testid="stImage"])')].filter((el) => shown(el) && !el.closest('.st-key-present_bar'));
    // rank: 1-6 for h1-h6, 7 for a bold line alone, 0 for content
    const rank = (el) => {
        const h = el.matches('[data-testid="stHeading"]') && el.querySelector('h1, h2, h3, h4, h5, h6');
        if (h) return Number(h.tagName[1]);
        const bold = el.matches('[data-testid="stMarkdown"]') && el.querySelector('strong');
        return bold && el.innerText.trim() === bold.innerText.trim() ? 7 : 0;
    };
    things.forEach((el, at) => {
        const next = things[at + 1];
        if (rank(el) && (!next || (rank(next) && rank(next) <= rank(el))))
            faults.push('heading with nothing under it: ' + el.innerText.slice(0, 60));
    });
    for (const plot of document.querySelectorAll('.js-plotly-plot'))
        if (shown(plot) && plot.getBoundingClientRect().height > screen)
            faults.push('chart ' + Math.round(plot.getBoundingClientRect().height) + ' px tall');
    return faults;
}"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_browser_projector_every_page_one_idea_per_screen(screen, app_url, lang):
    """Every page of the deck in projector mode: nothing a room should not see, no chart taller
    than a screen, and a screenshot of each clicker step (present_<lang>_<page>_<step>)."""
    from pedatlas import navigation
    from pedatlas.present import builders

    order = [p for p in navigation.available() if p.key not in builders.SKIPPED_PAGES]
    for page in order:
        path = "" if page.key == navigation.DEFAULT_PAGE else page.url_path
        screen.open(f"{app_url}/{path}?_present=1&region=360000&lang={lang}", settle=2)
        screen.map_paths(1, seconds=60)
        screen.wait_idle(settle=2)
        screen.assert_clean()
        assert screen.page.evaluate(PROJECTOR_FAULTS, builders.SCREEN_HEIGHT) == [], page.key
        start = url(screen)
        for step in range(12):
            screen.page.screenshot(path=str(screen_path(f"present_{lang}_{page.key}_{step}")))
            screen.page.keyboard.press("PageDown")
            time.sleep(0.8)
            if url(screen) != start:
                break


def screen_path(name: str):
    harness.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return harness.SCREENSHOTS / f"{name}.png"
