"""Every page on a phone (390x844) and a projector (1280x720): screenshots and layout faults.

Faults checked on the page as drawn: a map narrower than the screen allows (legend beside it on a
phone), the plotly toolbar over a chart's title or legend, labels cut off (English on a projector),
and any element wider than the screen. Screenshots go to artifacts/screenshots/ to be looked at.
"""

import pytest

from pedatlas import navigation
from tests.test_browser import Visit, app_url, browser  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SCREENS = {"phone": (390, 844), "projector": (1280, 720)}
PAGE_QUERY = {"planning": "region=360000"}
MAP_PAGES = {"resource_map": 31, "alliances": 10, "referrals": 10, "transport": 10}
# Pages whose charts must be drawn before the check (else it would pass on an empty page).
CHART_PAGES = ("equity", "planning", "transport")

LAYOUT_FAULTS = """() => {
    const faults = [];
    const box = (el) => el.getBoundingClientRect();
    const meets = (a, b) => a.width > 0 && b.width > 0 && a.left < b.right && b.left < a.right
        && a.top < b.bottom && b.top < a.bottom;
    const width = document.documentElement.clientWidth;
    for (const plot of document.querySelectorAll('.js-plotly-plot')) {
        const bar = plot.querySelector('.modebar');
        const covered = [...plot.querySelectorAll('.gtitle, .g-gtitle text, .legend, .g-xtitle, .g-ytitle')];
        if (bar) for (const el of covered) if (meets(box(bar), box(el))) faults.push('toolbar over ' + (el.getAttribute('class') || 'title') + ': ' + el.textContent.slice(0, 40));
        const geo = plot.querySelector('.geo .bglayer rect, .geo .layer');
        if (geo && width < 500 && box(plot).width > 0 && box(geo).width < 0.8 * box(plot).width)
            faults.push('map ' + Math.round(box(geo).width) + ' px wide in a ' + Math.round(box(plot).width) + ' px chart');
    }
    // a metric's label is cut by its markdown box (the ellipsis is on that box, not on its p)
    for (const el of document.querySelectorAll('[data-testid="stWidgetLabel"] p, [data-testid="stMetricLabel"] p, [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"], button p, [data-testid="stCaptionContainer"] p, h1, h2, h3')) {
        const style = getComputedStyle(el);
        if (el.scrollWidth > el.clientWidth + 1 && style.overflow !== 'visible' && style.textOverflow === 'ellipsis')
            faults.push('cut label: ' + el.textContent.slice(0, 60));
    }
    const main = document.querySelector('[data-testid="stMain"]');
    if (main && main.scrollWidth > main.clientWidth + 2) faults.push('page wider than the screen: ' + main.scrollWidth);
    return faults;
}"""


# Chinese on a phone (links opened from chat), English on a projector (where labels were cut);
# every page of the navigation.
@pytest.mark.parametrize(("screen", "lang"), [("phone", "zh"), ("projector", "en")])
@pytest.mark.parametrize("page", navigation.available(), ids=lambda page: page.key)
def test_browser_page_fits_the_screen(browser, app_url, page, screen, lang):  # noqa: F811
    width, height = SCREENS[screen]
    visit = Visit(browser, width=width, height=height)
    try:
        visit.open(app_url + "/")
        path = "" if page.key == navigation.DEFAULT_PAGE else page.url_path
        query = "&".join(filter(None, [f"lang={lang}", PAGE_QUERY.get(page.key, "")]))
        visit.open(f"{app_url}/{path}?{query}", settle=2)
        if page.key in MAP_PAGES:
            visit.map_paths(MAP_PAGES[page.key])
            visit.wait_idle(2)
        if page.key in CHART_PAGES:
            visit.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
            visit.wait_idle(2)
        visit.assert_clean()
        visit.screenshot(f"{screen}_{lang}_{page.key}")
        assert visit.page.evaluate(LAYOUT_FAULTS) == []
    finally:
        visit.close()
