"""The link a person copies is the view on screen: every page, after a real interaction.

For each page a main-area widget is changed by a real click or key press, the link is taken from
the share control (its copy button, not the address bar), opened in a fresh browser context, and
the widgets and numbers shown there must equal those of the original view.
"""

import re
import time
from dataclasses import dataclass

import pytest

from pedatlas import navigation
from pedatlas.i18n import translate
from tests.test_browser import Visit, app_url, browser, current_url  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@dataclass(frozen=True)
class Step:
    """One real interaction: kind, the widget's label key, which option, and what the link must say."""

    kind: str  # select (option index), radio (option label key), toggle, slider (key presses)
    label_key: str
    option: int | str | None  # None for a toggle
    expect: str  # a regular expression the copied link must match afterwards


PAGE_STEPS = {
    "overview": ("", [Step("select", "sidebar_year", 1, r"year=2023")]),  # newest year first
    "resource_map": (
        "",
        [
            Step("toggle", "map_hospitals", None, r"hospitals=1"),
            Step("select", "map_metric", 1, r"metric=beds_per_1000"),
        ],
    ),
    "alliances": ("", [Step("select", "alliances_pick", 1, r"alliance=[^&]+")]),
    "referrals": ("", [Step("select", "referrals_top", 3, r"top=50")]),
    "transport": ("", [Step("select", "transport_centre", 1, r"centre=[^&]+")]),
    "equity": (
        "",
        [
            Step("radio", "equity_section", "equity_section_access", r"section=access"),
            Step("slider", "equity_catchment", 3, r"catchment=130"),
        ],
    ),
    "planning": ("?region=360000", [Step("slider", "planning_k", 1, r"k=4")]),
    "briefing": ("", [Step("radio", "brief_language", "lang_en", r"brief_lang=en")]),
    "data": ("", [Step("radio", "data_tab_label", "data_tab_quality", r"tab=quality")]),
}

# Lines that differ between two identical views (how long a computation took).
VOLATILE = re.compile(r"\d+(\.\d+)?\s*(秒|s\b)")


def share_link(visit: Visit, seconds: float = 30) -> str:
    """The link held by the share control's copy button (inside its component frame)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for frame in visit.page.frames:
            try:
                button = frame.query_selector("#copy")
                link = button.get_attribute("data-link") if button else None
            except Exception:  # the frame was replaced while reading; try again
                link = None
            if link:
                return link
        time.sleep(0.3)
    raise AssertionError("no share control with a link on the page")


def copy_button_frame(visit: Visit):
    return next(frame for frame in visit.page.frames if frame.query_selector("#copy"))


def widget(visit: Visit, label_key: str, testids: str):
    label = translate(label_key, "zh")
    return visit.page.locator(testids).filter(has_text=label).first


def interact(visit: Visit, step: Step) -> None:
    page = visit.page
    if step.kind == "select":
        box = widget(visit, step.label_key, '[data-testid="stSelectbox"]')
        box.scroll_into_view_if_needed()
        box.locator('[role="combobox"], input').first.click()
        page.get_by_role("option").nth(step.option).click()
    elif step.kind == "toggle":
        widget(visit, step.label_key, '[data-testid="stCheckbox"]').locator("label").click()
    elif step.kind == "radio":
        group = widget(visit, step.label_key, '[data-testid="stRadio"]')
        assert isinstance(step.option, str)
        group.get_by_text(translate(step.option, "zh"), exact=True).click()
    elif step.kind == "slider":
        thumb = widget(visit, step.label_key, '[data-testid="stSlider"]').get_by_role("slider")
        thumb.focus()
        assert isinstance(step.option, int)
        for _ in range(step.option):
            thumb.press("ArrowRight")
    else:
        raise ValueError(step.kind)
    visit.wait_idle(2)


def shown_state(visit: Visit) -> dict:
    """Widget values and the text (with its numbers) of the main area, as a person sees them."""
    state = visit.page.evaluate(
        """() => {
            const all = (selector) => [...document.querySelectorAll(selector)];
            return {
                selects: all('[data-testid="stSelectbox"]').map(e => e.innerText.trim()),
                radios: all('[data-testid="stRadio"] input:checked').map(i => i.closest('label').innerText.trim()),
                toggles: all('[data-testid="stCheckbox"] input').map(i => i.checked),
                sliders: all('[data-testid="stSlider"]').map(e => e.innerText.trim()),
                metrics: all('[data-testid="stMetric"]').map(e => e.innerText.trim()),
                main: document.querySelector('[data-testid="stMain"]').innerText,
            };
        }"""
    )
    state["main"] = [line for line in state["main"].splitlines() if not VOLATILE.search(line)]
    return state


def open_page(visit: Visit, url: str, key: str) -> None:
    visit.open(url, settle=2)
    if key in ("resource_map",):
        visit.map_paths(31)
    visit.wait_idle(2)


@pytest.mark.parametrize("page", navigation.available(), ids=lambda page: page.key)
def test_browser_copied_link_reproduces_the_view_after_an_interaction(browser, app_url, page):  # noqa: F811
    query, steps = PAGE_STEPS[page.key]
    path = "" if page.key == navigation.DEFAULT_PAGE else page.url_path
    sender = Visit(browser)
    receiver = Visit(browser)
    try:
        sender.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
        sender.open(app_url + "/")
        open_page(sender, f"{app_url}/{path}{query}", page.key)
        for step in steps:
            interact(sender, step)
            link = share_link(sender)
            assert re.search(step.expect, link), (step, link)
        # One click copies exactly that link.
        copy_button_frame(sender).click("#copy")
        assert sender.page.evaluate("navigator.clipboard.readText()") == link
        assert link.split("?")[0].rstrip("/") == f"{app_url}/{path}".rstrip("/")
        expected = shown_state(sender)
        sender.assert_clean()

        receiver.open(app_url + "/")
        open_page(receiver, link, page.key)
        receiver.assert_clean()
        assert share_link(receiver) == link
        shown = shown_state(receiver)
        for part in ("selects", "radios", "toggles", "sliders", "metrics", "main"):
            assert shown[part] == expected[part], part
    finally:
        sender.close()
        receiver.close()


def test_browser_map_click_is_in_the_copied_link(browser, app_url):  # noqa: F811
    visit = Visit(browser)
    try:
        visit.open(app_url + "/")
        open_page(visit, f"{app_url}/map?region=360000&level=county", "resource_map")
        assert visit.map_paths(100) == 100
        visit.wait_idle(2)
        point = visit.page.evaluate(
            """() => {
                for (const path of document.querySelectorAll('path.choroplethlocation')) {
                    const box = path.getBoundingClientRect();
                    const x = box.left + box.width / 2, y = box.top + box.height / 2;
                    const local = new DOMPoint(x, y).matrixTransform(path.getScreenCTM().inverse());
                    if (box.width > 25 && path.isPointInFill(local)) return [x, y];
                }
                return null;
            }"""
        )
        assert point is not None
        visit.page.mouse.click(*point)
        deadline = time.monotonic() + 30
        while "county=" not in share_link(visit) and time.monotonic() < deadline:
            time.sleep(0.5)
        visit.wait_idle(2)
        link = share_link(visit)
        county = re.search(r"county=(\d{6})", link)
        assert county, link
        assert f"county={county.group(1)}" in current_url(visit)
        visit.assert_clean()
    finally:
        visit.close()


@pytest.fixture(scope="module")
def intranet_browser(browser):  # noqa: F811
    """Chromium that resolves pedatlas.intranet to this machine: plain http, not a secure context."""
    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

    rules = f"--host-resolver-rules=MAP {INTRANET_HOST} 127.0.0.1"
    instance = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, rules])
    yield instance
    instance.close()


INTRANET_HOST = "pedatlas.intranet"


def test_browser_copy_works_over_plain_http_on_an_intranet(intranet_browser, app_url):  # noqa: F811
    port = app_url.rsplit(":", 1)[1]
    intranet = f"http://{INTRANET_HOST}:{port}"
    visit = Visit(intranet_browser)
    try:
        visit.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
        visit.open(intranet + "/")
        visit.open(f"{intranet}/map?region=360000", settle=2)
        assert visit.page.evaluate("window.isSecureContext") is False
        link = share_link(visit)
        assert link.startswith(f"{intranet}/map?") and "region=360000" in link
        frame = copy_button_frame(visit)
        frame.click("#copy")
        assert frame.evaluate("document.body.dataset.copied") == "1"  # execCommand('copy') ran
        # Read what was copied from a page that may read the clipboard (a secure context).
        reader = visit.context.new_page()
        reader.goto(app_url + "/_stcore/health")
        assert reader.evaluate("navigator.clipboard.readText()") == link
        outside = [url for url in visit.outside if f"//{INTRANET_HOST}:" not in url]
        assert outside == []
    finally:
        visit.close()
