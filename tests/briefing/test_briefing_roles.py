"""The briefing's role gate with signed-in users (local users file): viewers read why, analysts make it."""

from datetime import date

from tests.apptest_helpers import errors, open_signed_in, texts

PAGE = "pages/briefing.py"


def briefing_page_as(monkeypatch, demo_db, tmp_path, role: str):
    """The briefing page of Jiangxi 2024 (HTML, English) for a signed-in user of role."""
    return open_signed_in(
        monkeypatch,
        demo_db,
        tmp_path / "state",
        f"a_{role}",
        role,
        script=PAGE,
        region="360000",
        year="2024",
        format="html",
        lang="en",
    )


def test_viewer_sees_why_and_no_control_to_make_or_download(monkeypatch, demo_db, tmp_path):
    app = briefing_page_as(monkeypatch, demo_db, tmp_path, "viewer")
    assert errors(app) == []
    assert "Briefing" in texts(app)  # on the briefing page, signed in
    assert [info.value for info in app.info] == ["Only analysts and admins can make briefings."]
    assert not any(b.label == "Make the briefing" for b in app.button)
    assert len(app.get("download_button")) == 0
    assert not any(code.value.startswith("python -m") for code in app.code)


def test_analyst_makes_the_briefing_and_gets_its_download(monkeypatch, demo_db, tmp_path):
    app = briefing_page_as(monkeypatch, demo_db, tmp_path, "analyst")
    assert errors(app) == []
    assert "Only analysts and admins can make briefings." not in [i.value for i in app.info]
    app.button(key="brief_page_generate").click().run()
    assert errors(app) == []
    name = f"briefing_江西省_2024_{date.today():%Y%m%d}.html"
    labels = [d.proto.label for d in app.get("download_button")]
    assert labels == [f"Download {name}"], labels
