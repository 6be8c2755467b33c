"""Every chart of the app says what it shows in its own image and its PNG's file name.

A chart saved from plotly's toolbar (or a phone screenshot of it, sent to a chat) is all a reader
has: each chart drawn by every view of tests/present/test_present_charts.py (every ui.chart call
of the app) must carry its title, and under it "scope · year · source", and name its PNG after
title, scope and year. The scope is the view's: the province opened, or the alliance shown.
"""

import json
import re

import pytest

from pedatlas.tables import file_stem
from tests.present.test_present_charts import VIEWS, opened_view

CAPTION = re.compile(r"^(?P<scope>.+) · (?P<year>\d{4}(–\d{4})?) · (?P<source>.+)$")
SOURCE = "PedAtlas"
# The alliance page's charts are about the alliance shown (the default one); its playback of all
# alliances is about the whole country.
ALLIANCE_SCOPES = {"全国", "山西省儿童妇幼医疗保健专科联盟"}


def stamps(app) -> list[tuple[dict, dict]]:
    """(layout title, PNG options) of every chart drawn, in order."""
    found = []
    for chart in app.get("plotly_chart"):
        spec, config = json.loads(chart.proto.spec), json.loads(chart.proto.config)
        found.append((spec["layout"].get("title", {}), config.get("toImageButtonOptions", {})))
    return found


@pytest.mark.parametrize("name", VIEWS)
def test_every_chart_names_its_title_scope_year_and_source(monkeypatch, demo_db, name):
    drawn = stamps(opened_view(monkeypatch, demo_db, name))
    assert len(drawn) == VIEWS[name][2]
    for title, png in drawn:
        assert title.get("text"), title
        caption = CAPTION.match(title.get("subtitle", {}).get("text", ""))
        assert caption, title
        expected = ALLIANCE_SCOPES if name == "alliances" else {"江西省"}
        assert caption["scope"].split(" · ")[0] in expected, caption["scope"]
        assert SOURCE in caption["source"]
        assert png["filename"] == file_stem(title["text"], caption["scope"], caption["year"])
        assert png["format"] == "png"
