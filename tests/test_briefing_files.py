"""Briefing files for the nation, a province and a city in zh and en, checked as a reader gets them.

HTML: opened from disk in Debian's chromium with the network closed; every request is recorded
and only the file itself may be read. PDF: printed by the server's renderer, its text read back
with pdftotext and its pages turned into PNG images (artifacts/screenshots/) to look at.
"""

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import cast

import pytest
from PIL import Image

from pedatlas import chromium, db, map_traces
from pedatlas.briefing.generate import build_briefing, file_name, frame_runner
from pedatlas.briefing.html import render_html
from pedatlas.briefing.model import Request
from pedatlas.briefing.output import render
from pedatlas.paths import PROJECT_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
CHROMIUM = chromium.DEBIAN_PATH
CHROMIUM_ARGS = list(chromium.HEADLESS_FLAGS)
SCREENSHOTS = PROJECT_ROOT / "artifacts" / "screenshots"
TODAY = date(2026, 12, 1)
CASES = [(region, lang) for region in ("", "360000", "360700") for lang in ("zh", "en")]
UNITS = {"": 31, "360000": 11, "360700": 18}  # provinces of China, cities of 江西, counties of 赣州
SCOPE_NAMES = {
    ("", "zh"): "全国",
    ("", "en"): "All China",
    ("360000", "zh"): "江西省",
    ("360000", "en"): "江西省",
    ("360700", "zh"): "赣州市",
    ("360700", "en"): "赣州市",
}


def case_id(case) -> str:
    return f"{case[0] or 'china'}-{case[1]}"


@pytest.fixture(scope="module")
def briefings(demo_db):
    connection = db.open_read_only(demo_db)
    run = frame_runner(connection)
    built = {case: build_briefing(run, Request(case[0], 2024, case[1]), TODAY) for case in CASES}
    connection.close()
    return built


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Briefing tests need Debian's chromium: apt-get install -y chromium fonts-noto-cjk"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def headline_values(briefing) -> list[str]:
    figures = briefing.sections[0].blocks
    return [
        f.value
        for f in figures
        if f.meta.title
        in (
            "0–14 岁儿童",
            "Children aged 0–14",
            "每千儿童儿科医师",
            "Pediatricians per 1,000 children",
            "危重转运",
            "Critical transports",
        )
    ]


def hover_some_region(page) -> str:
    """Move the mouse over the middle of the biggest regions until the map shows a hover label."""
    page.locator("#plot-1").scroll_into_view_if_needed()
    centres = page.evaluate(
        """() => [...document.querySelectorAll('path.choroplethlocation')].map(p => {
             const r = p.getBoundingClientRect();
             return [r.x + r.width / 2, r.y + r.height / 2, r.width * r.height]; })
           .sort((a, b) => b[2] - a[2]).slice(0, 6)"""
    )
    for x, y, _ in centres:
        page.mouse.move(x, y)
        page.wait_for_timeout(300)
        if page.locator("g.hovertext").count():
            return page.locator("g.hovertext").first.text_content() or ""
    return ""


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_html_opens_offline_and_requests_nothing_but_itself(browser, briefings, tmp_path, case):
    briefing = briefings[case]
    path = tmp_path / file_name(briefing.scope, TODAY, "html")
    path.write_text(render_html(briefing), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 720}, offline=True)
    requested: list[str] = []

    def only_the_file(route):
        requested.append(route.request.url)
        route.continue_() if route.request.url.startswith("file://") else route.abort()

    context.route("**/*", only_the_file)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Generous: 8 engineers share 2 cores; a loaded machine took 30-40 s to open a 5 MB page.
    page.goto(path.as_uri(), timeout=180_000)
    page.wait_for_function(
        f"document.querySelectorAll('path.choroplethlocation').length >= {UNITS[case[0]]}",
        timeout=180_000,
    )
    assert requested == [path.as_uri()]
    assert errors == []
    body = page.inner_text("body")
    assert SCOPE_NAMES[case] in page.inner_text("h1")
    for value in headline_values(briefing):
        assert value in body
    assert briefing.sections[1].blocks[0].meta.title in hover_some_region(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"briefing_html_{case_id(case)}.png")
    context.close()


@pytest.fixture(scope="module")
def pdfs(briefings, tmp_path_factory):
    if shutil.which("pdftotext") is None:
        pytest.fail("PDF checks need poppler-utils: apt-get install -y poppler-utils")
    folder = tmp_path_factory.mktemp("pdf")
    written = {}
    for case, briefing in briefings.items():
        path = folder / file_name(briefing.scope, TODAY, "pdf")
        path.write_bytes(render(briefing, "pdf"))
        written[case] = path
    return written


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_pdf_text_has_scope_headline_numbers_and_sections(briefings, pdfs, case):
    briefing = briefings[case]
    text = pdf_text(pdfs[case])
    assert pdfs[case].read_bytes().startswith(b"%PDF")
    assert briefing.title in text.replace("\n", "")
    for value in headline_values(briefing):
        assert value in text
    for section in briefing.sections:
        assert section.title in text
    assert ("合成数据" if case[1] == "zh" else "synthetic") in text


def map_pixels(image: Image.Image) -> int:
    """Pixels painted in the map's class colours (the choropleth is drawn, not blank)."""
    palette = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in map_traces.GOOD_PALETTE[1:]}
    # An RGB image's colours are (count, (r, g, b)); Pillow's stub allows any mode's.
    colours = cast(list[tuple[int, tuple[int, int, int]]], image.convert("RGB").getcolors(1 << 20))
    return sum(
        count
        for count, colour in colours
        if any(sum(abs(a - b) for a, b in zip(colour, p, strict=True)) < 12 for p in palette)
    )


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_pdf_pages_as_images_show_the_map(pdfs, tmp_path, case):
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdfs[case]), str(prefix)], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert 2 <= len(pages) <= 8
    painted = [map_pixels(Image.open(page)) for page in pages]
    assert max(painted) > 5_000, painted  # about a tenth of an A4 page at 60 dpi
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(pages, start=1):
        shutil.copy(page, SCREENSHOTS / f"briefing_pdf_{case_id(case)}_p{number}.png")
