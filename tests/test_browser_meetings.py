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
    assert screen.page.evaluate(SCROLLED) < 5  # the next page starts at its top
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
    than a screen, at each clicker step nothing cut or under the deck bar (STEP_FAULTS), and a
    screenshot of each step (present_<lang>_<page>_<step>)."""
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
            assert step_faults(screen) == [], f"{page.key} step {step}"
            screen.page.keyboard.press("PageDown")
            time.sleep(0.8)
            if url(screen) != start:
                break


SCROLLED = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"


def screen_path(name: str):
    harness.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return harness.SCREENSHOTS / f"{name}.png"


# What one clicker step must not show: text running under the deck bar (the bar is an opaque band
# across the top: text wholly behind it is covered, text across its lower edge is cut), a metric's
# label cut with an ellipsis, a chart's text label outside its plot area (clipped there), and
# sankey node labels on top of each other.
STEP_FAULTS = """(barBox) => {
    const faults = [];
    const box = (el) => el.getBoundingClientRect();
    const bar = document.querySelector('.st-key-' + barBox);
    if (!bar) return ['no deck bar'];
    const b = box(bar);
    if (b.left > 1 || b.right < document.documentElement.clientWidth - 20
            || getComputedStyle(bar).backgroundColor !== 'rgb(255, 255, 255)')
        faults.push('deck bar is not an opaque band across the screen');
    const texts = document.querySelectorAll('[data-testid="stMain"] :is(h1, h2, h3, p, li, '
        + '[data-testid="stMetricValue"], .gtitle, .textpoint text, .node-label, .legendtext, '
        + '.xtick text, .ytick text)');
    for (const el of texts) {
        const r = box(el);
        if (el.closest('.st-key-' + barBox) || r.width === 0 || r.height === 0) continue;
        // each line of letters (an element's box has padding and line spacing round them): cut
        // if a quarter of a line is on each side of the edge
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = el instanceof SVGElement ? [r] : [...range.getClientRects()];
        if (lines.some((line) => line.top < b.bottom - line.height / 4
                && line.bottom > b.bottom + line.height / 4))
            faults.push('across the deck bar edge: ' + el.textContent.slice(0, 50));
        else if (r.top < b.bottom - 2 && r.bottom > b.top + 1 && r.right > b.left
                && r.left < b.right) {  // on screen, where the band is
            const x = Math.min(Math.max((r.left + r.right) / 2, b.left + 1), b.right - 1);
            const y = (Math.max(r.top, b.top) + Math.min(r.bottom, b.bottom)) / 2;
            if (!bar.contains(document.elementFromPoint(x, y)))
                faults.push('shows through the deck bar: ' + el.textContent.slice(0, 50));
        }
    }
    for (const el of document.querySelectorAll('[data-testid="stMetricLabel"] *')) {
        const style = getComputedStyle(el);
        if (style.textOverflow === 'ellipsis' && style.overflow !== 'visible'
                && el.scrollWidth > el.clientWidth + 1)
            faults.push('cut metric label: ' + el.textContent.slice(0, 50));
    }
    for (const plot of document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')) {
        const area = plot.querySelector('.nsewdrag');
        if (!area || box(area).width === 0) continue;
        const a = box(area);
        for (const el of plot.querySelectorAll('.textpoint text')) {
            const r = box(el);
            if (r.width > 0 && (r.top < a.top - 1 || r.bottom > a.bottom + 1))
                faults.push('label outside the plot area: ' + el.textContent);
        }
        const labels = [...plot.querySelectorAll('.node-label')].map(box).filter((r) => r.width > 0);
        labels.forEach((r, at) => labels.slice(at + 1).forEach((s) => {
            if (r.left < s.right && s.left < r.right && r.top < s.bottom - 1 && s.top < r.bottom - 1)
                faults.push('sankey labels overlap at y ' + Math.round(r.top) + '/' + Math.round(s.top));
        }));
    }
    return faults;
}"""


def step_faults(visit) -> list[str]:
    from pedatlas.present import builders

    return visit.page.evaluate(STEP_FAULTS, builders.BAR_BOX)


def test_browser_projector_equity_sentence_stays_clear_of_the_deck_bar(browser, app_url):
    """The Equity page, English: its metrics' labels wrap (not cut), the Gini chart has room for
    its top label, and stepping to the charts leaves the trend sentence behind the deck bar's band
    (it ran under the floating bar's links)."""
    visit = harness.Visit(browser, width=1280, height=720)
    try:
        visit.open_root(app_url)
        visit.open(f"{app_url}/balance?_present=1&region=360000&lang=en", settle=2)
        gini = visit.page.locator(".js-plotly-plot", has_text="Gini coefficient by year")
        gini.locator(".textpoint text").first.wait_for(timeout=120_000)
        visit.wait_idle(settle=2)
        visit.assert_clean()
        assert gini.locator(".textpoint text").count() >= 2
        assert step_faults(visit) == []
        labels = visit.page.locator('[data-testid="stMetricLabel"]').all_inner_texts()
        assert any(label.startswith("County Theil: within-city share") for label in labels)
        visit.page.screenshot(path=str(screen_path("present_equity_en_0")))
        sentence = visit.page.locator("p:visible", has_text="The gap is").first
        bar = visit.page.locator(".st-key-present_bar")
        visit.page.keyboard.press("PageDown")
        time.sleep(0.8)
        visit.page.screenshot(path=str(screen_path("present_equity_en_1")))
        assert step_faults(visit) == []
        # the step went to the charts: the sentence above them is wholly behind the band
        band, said = bar.bounding_box(), sentence.bounding_box()
        assert said["y"] + said["height"] <= band["y"] + band["height"]
        assert gini.locator(".gtitle").bounding_box()["y"] >= band["y"] + band["height"]
    finally:
        visit.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_browser_projector_sankey_labels_apart(browser, app_url, lang):
    """Referrals between care levels on a projector: the ten node labels (five levels, both sides)
    are all drawn, none on another, none beyond the chart."""
    visit = harness.Visit(browser, width=1280, height=720)
    try:
        visit.open_root(app_url)
        visit.open(f"{app_url}/referral?_present=1&region=360000&lang={lang}", settle=2)
        sankey = visit.page.locator(".js-plotly-plot", has=visit.page.locator(".sankey"))
        sankey.locator(".node-label").first.wait_for(timeout=120_000)
        visit.wait_idle(settle=2)
        visit.assert_clean()
        sankey.scroll_into_view_if_needed()
        chart = sankey.bounding_box()
        labels = [sankey.locator(".node-label").nth(i).bounding_box() for i in range(10)]
        assert sankey.locator(".node-label").count() == 10
        for label in labels:
            assert (
                chart["x"] <= label["x"]
                and label["x"] + label["width"] <= chart["x"] + chart["width"]
            )
            assert (
                chart["y"] <= label["y"]
                and label["y"] + label["height"] <= chart["y"] + chart["height"]
            )
        assert [f for f in step_faults(visit) if "sankey" in f] == []
        visit.page.screenshot(path=str(screen_path(f"present_sankey_{lang}")))
    finally:
        visit.close()


def test_browser_projector_next_on_the_last_page_stays_and_says_so(browser, app_url):
    """The deck's last page has no next page: Next walks it to its bottom, then stays there and
    lights up the bar's "last page" note (before, the key did nothing a room could see)."""
    from pedatlas import navigation
    from pedatlas.present import builders

    last = [p for p in navigation.available() if p.key not in builders.SKIPPED_PAGES][-1]
    visit = harness.Visit(browser, width=1280, height=720)
    try:
        visit.open_root(app_url)
        visit.open(f"{app_url}/{last.url_path}?_present=1&region=360000", settle=2)
        visit.page.locator(".js-plotly-plot").first.wait_for(timeout=120_000)
        visit.wait_idle(settle=2)
        note = visit.page.locator(f".st-key-{builders.END_BOX}")
        assert note.is_visible() and note.inner_text() == "最后一页"
        assert visit.page.locator(f".st-key-{builders.NEXT_BOX}").count() == 0
        scroller = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"
        for _ in range(20):  # to the bottom of the page
            before = visit.page.evaluate(scroller)
            visit.page.keyboard.press("PageDown")
            time.sleep(0.5)
            if visit.page.evaluate(scroller) == before:
                break
        start, bottom = url(visit), visit.page.evaluate(scroller)
        visit.page.keyboard.press("PageDown")
        assert wait_for(lambda: builders.FLASH in (note.get_attribute("class") or ""), 5)
        visit.page.screenshot(path=str(screen_path("present_last_page_next")))
        time.sleep(1.5)
        assert url(visit) == start and f"/{last.url_path}" in start
        assert visit.page.evaluate(scroller) == bottom
        visit.assert_clean()
    finally:
        visit.close()


def test_browser_briefing_shows_progress_while_it_is_made(browser, app_url):
    """Generate on the 简报 page (PDF, a province): a progress bar with the step's name is on the
    screen (not below its bottom) while the briefing is built and printed, then the download."""
    visit = harness.Visit(browser, width=1280, height=720)
    try:
        visit.open_root(app_url)
        visit.open(f"{app_url}/brief?region=360000&format=pdf", settle=2)
        visit.page.locator(".st-key-brief_page_generate button").click()
        progress = visit.page.locator('[data-testid="stProgress"]')
        progress.wait_for(state="visible", timeout=30_000)
        seen: set[str] = set()
        while texts := progress.all_inner_texts():  # does not wait: the bar goes when done
            if not seen:
                visit.page.screenshot(path=str(screen_path("briefing_progress")))
                shown = progress.first.bounding_box()
                assert shown is not None and shown["y"] + shown["height"] <= 720
            seen.update(texts)
            time.sleep(0.2)
        download = visit.page.locator(".st-key-brief_page_download")
        download.wait_for(state="visible", timeout=120_000)
        assert any(text.startswith(("生成：", "排版 PDF")) for text in seen), seen
        assert progress.count() == 0
        visit.assert_clean()
    finally:
        visit.close()
