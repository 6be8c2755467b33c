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
