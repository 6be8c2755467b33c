"""Projector mode through links: styles and keys on, the deck's links keep the view, leaving keeps it."""

import json
from urllib.parse import parse_qs

from pedatlas.present import builders
from tests.apptest_helpers import errors, open_page

MAP = "pages/resource_map.py"


def links(app) -> dict[str, dict]:
    """Label -> query parameters of the deck's page links."""
    return {
        link.proto.label: {k: v[0] for k, v in parse_qs(link.proto.query_string).items()}
        for link in app.get("page_link")
    }


def test_projector_link_styles_the_page_and_links_the_neighbours(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP, _present=1, region="360000", since=2019, lang="en")
    assert errors(app) == []
    html = " ".join(h.proto.body for h in app.get("html"))
    assert 'section[data-testid="stSidebar"]' in html and '"PageDown"' in html
    deck = links(app)
    assert set(deck) == {"Overview", "Alliances"}
    # the next page keeps scope, language and projector mode; map-only choices stay on the map
    assert deck["Alliances"] == {"_present": "1", "region": "360000", "lang": "en"}
    assert app.query_params["_present"] == "1" and app.query_params["since"] == "2019"
    # bigger figure: the map fits a 720-pixel screen and its text is larger
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["height"] == builders.SCREEN_HEIGHT
    assert spec["layout"]["font"]["size"] == builders.FONT_SIZE
    assert len(app.dataframe) == 0  # one idea per screen: no table


def test_leaving_projector_mode_keeps_the_view(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP, _present=1, region="360000", metric="beds_per_1000")
    exit_button = next(b for b in app.button if b.label.startswith("退出投影"))
    exit_button.click()
    app.run()
    assert errors(app) == []
    assert "_present" not in app.query_params
    assert app.query_params["region"] == "360000"
    assert app.query_params["metric"] == "beds_per_1000"
    assert len(app.get("page_link")) == 0
    assert len(app.dataframe) == 1  # the table is back


def test_normal_mode_has_no_projector_styles(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP)
    html = " ".join(h.proto.body for h in app.get("html"))
    assert "stSidebar" not in html
    assert app.toggle(key="w__present").value is False
