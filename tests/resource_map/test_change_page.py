"""The map's year comparison through links: change map, regions that moved most, change table."""

import base64
import json
import re

import numpy as np
import pandas as pd
import pytest

from pedatlas import db
from pedatlas.metrics import density
from pedatlas.resource_map import change
from tests.apptest_helpers import errors, open_page

MAP = "pages/resource_map.py"


def figure(app) -> dict:
    return json.loads(app.get("plotly_chart")[0].proto.spec)


def array(value) -> list:
    """A figure array as a list (plotly writes numeric arrays as base64 typed arrays)."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def expected_changes(demo_db, region: str, level: str, first: int, last: int) -> dict:
    """Change of pediatricians per 1,000 children by region, from the query and the pure rule."""
    connection = db.open_read_only(demo_db)
    try:
        frames = [
            density.region_measures(
                db.run_query(
                    connection,
                    "resource_map/region_resources",
                    year=year,
                    level=level,
                    scope=region,
                ),
                1.0,
            )
            for year in (first, last)
        ]
    finally:
        connection.close()
    both = frames[0].merge(frames[1], on="adcode", suffixes=("_from", "_to"))
    values = both["physicians_per_1000_to"] - both["physicians_per_1000_from"]
    return dict(zip(both["name_to"], values, strict=True))


def test_jiangxi_change_link_shows_the_change_of_each_city(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP, region="360000", since=2019)
    assert errors(app) == []
    assert app.selectbox(key="w_since").value == 2019
    assert app.query_params["since"] == "2019"
    assert any("2019 → 2024" in str(s.value) for s in app.subheader)
    spec = figure(app)
    regions = next(t for t in spec["data"] if t["type"] == "choropleth")
    assert len(regions["locations"]) == 11
    legend = [t["name"] for t in spec["data"] if t.get("showlegend")]
    assert len(legend) == 7 and legend[3].startswith("基本不变")  # 3 falls, unchanged, 3 rises
    expected = expected_changes(demo_db, "360000", "city", 2019, 2024)
    table = app.dataframe[0].value
    assert list(table.columns[:2]) == ["地区", "变化"]  # the region pinned, the change next
    shown = dict(zip(table["地区"], table["变化"], strict=True))
    assert shown == pytest.approx(expected)  # raw: the grid writes the decimals
    # the regions that moved most: the five largest |change|, largest first
    biggest = sorted(expected, key=lambda name: -abs(expected[name]))[:5]
    assert [m.label for m in app.metric] == biggest
    assert [m.delta for m in app.metric] == [f"{expected[n]:+.2f}" for n in biggest]


def test_change_map_classes_are_symmetric_around_zero(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP, since=2021, level="province", lang="en")
    assert errors(app) == []
    spec = figure(app)
    regions = next(
        t for t in spec["data"] if t["type"] == "choropleth" and len(t["locations"]) == 31
    )
    changes = expected_changes(demo_db, "", "province", 2021, 2024)

    values = pd.Series(list(changes.values()))
    edges = change.magnitude_edges(values, tolerance=0.005)
    classes = change.diverging_index(values, edges, 0.005)
    assert sorted(array(regions["z"])) == sorted((classes + 1).tolist())
    legend = [t["name"] for t in spec["data"] if t.get("showlegend")]
    falls, rises = legend[:3], legend[4:7]

    def bounds(label: str) -> str:  # the class bounds without the count, "（12）" or " (12)"
        return re.sub(r"\s*[（(]\d+[)）]$", "", label)

    assert [bounds(label).replace("-", "+").split(" – ")[::-1] for label in falls[::-1]] == [
        bounds(label).split(" – ") for label in rises
    ]
    assert "change 2021 → 2024" in " ".join(str(s.value) for s in app.subheader)


@pytest.mark.parametrize(("since", "notice"), [(2024, False), (1999, True), ("x", True)])
def test_no_comparison_for_the_same_or_an_unknown_year(monkeypatch, demo_db, since, notice):
    app = open_page(monkeypatch, demo_db, MAP, since=since)
    assert app.exception == []
    assert app.selectbox(key="w_since").value == 0
    assert "since" not in app.query_params
    assert any("since" in str(w.value) for w in app.warning) == notice
    assert not any("→" in str(s.value) for s in app.subheader)
