"""Numbers that mislead, in a real browser: the national county map's legend and the overview lists.

Screenshots for a person to look at: artifacts/screenshots/numbers_*.png.
"""

import pytest

from tests.test_browser import Visit, app_url, browser  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_browser_national_county_legend_flags_small_populations(browser, app_url):  # noqa: F811
    visit = Visit(browser, width=1280, height=720)
    try:
        visit.open(app_url + "/")
        visit.open(f"{app_url}/map?level=county", settle=2)
        assert visit.map_paths(2800, seconds=240) >= 2800  # all counties: slow on a shared machine
        visit.wait_idle()
        visit.assert_clean()
        visit.screenshot("numbers_county_map_legend")
        legend = visit.page.locator("g.legend").first.text_content() or ""
        assert "儿童少于1万，比率不稳定（" in legend
        assert "833" not in legend and "611" not in legend
        visit.screenshot("numbers_county_map_legend")
    finally:
        visit.close()


def test_browser_beijing_overview_lists_districts(browser, app_url):  # noqa: F811
    visit = Visit(browser, width=1280, height=720)
    try:
        visit.open(app_url + "/")
        visit.open(f"{app_url}/?region=110000", settle=2)
        visit.assert_clean()
        body = visit.page.inner_text("body")
        assert "每千儿童儿科医师最多的 5 个区县" in body and "较上年" in body
        visit.screenshot("numbers_beijing_overview")
    finally:
        visit.close()
