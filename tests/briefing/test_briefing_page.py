"""The 简报 page and the header entry, run through the app (AppTest) on the demo database."""

from datetime import date

from tests.apptest_helpers import errors, open_page, texts

PAGE = "pages/briefing.py"


def command(app) -> str:
    """The command line the page offers for cron."""
    return next(code.value for code in app.code if code.value.startswith("python -m"))


def test_briefing_page_lists_sections_and_makes_the_html(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PAGE, region="360000", year="2024", format="html")
    assert errors(app) == []
    shown = texts(app)
    assert "简报导出" in shown and "江西省 2024 年" in shown
    for title in ("核心指标", "资源地图", "最薄弱的区县", "数据来源与说明"):
        assert title in shown
    assert "python -m pedatlas.briefing --region 360000 --year 2024 --lang zh --format html" in (
        command(app)
    )
    app.button(key="brief_page_generate").click().run()
    assert errors(app) == []
    name = f"简报_江西省_2024_{date.today():%Y%m%d}.html"
    downloads = app.get("download_button")
    assert [d.proto.label for d in downloads] == [f"下载 {name}"]
    assert app.query_params["format"] == "html"


def test_english_briefing_from_a_chinese_interface(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PAGE, region="360700", year="2023", brief_lang="en")
    assert errors(app) == []
    assert "1. Headline figures" in texts(app)
    assert "--lang en --format pdf" in command(app)


def test_every_page_header_offers_the_briefing(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/overview.py", region="360000", year="2024")
    assert errors(app) == []
    assert app.radio(key="brief_header_format").value == "pdf"
    assert app.button(key="brief_header_generate").label == "生成简报"
