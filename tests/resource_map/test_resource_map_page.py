"""The resource map: levels, measures, drill-down links and the table under the map."""

import json

import pytest

from pedatlas.resource_map import metrics
from tests.apptest_helpers import errors, open_page

MAP = "pages/resource_map.py"


def figure(app) -> dict:
    return json.loads(app.get("plotly_chart")[0].proto.spec)


def drawn_locations(app) -> set[str]:
    return {
        loc
        for trace in figure(app)["data"]
        if trace["type"] == "choropleth"
        for loc in trace.get("locations", [])
    }


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({}, 31 + 3),
        ({"level": "county"}, 2848 + 3),
        ({"region": "360000"}, 11),
        ({"region": "360100"}, 9),
        ({"region": "360000", "level": "county"}, 100),
    ],
)
def test_map_draws_each_region_of_the_level(monkeypatch, demo_db, params, count):
    app = open_page(monkeypatch, demo_db, MAP, **params)
    assert errors(app) == []
    assert len(drawn_locations(app)) == count


@pytest.mark.parametrize("metric", metrics.NAMES)
@pytest.mark.parametrize("scheme", ["quantiles", "natural_breaks", "target"])
def test_every_measure_and_scheme_renders_with_a_legend(monkeypatch, demo_db, metric, scheme):
    app = open_page(monkeypatch, demo_db, MAP, metric=metric, scheme=scheme, region="360000")
    assert errors(app) == []
    legend = [t["name"] for t in figure(app)["data"] if t.get("showlegend")]
    assert legend and all("（" in name for name in legend)
    assert app.selectbox(key="w_metric").value == metric


def test_link_reproduces_widgets_and_table(monkeypatch, demo_db):
    app = open_page(
        monkeypatch,
        demo_db,
        MAP,
        lang="en",
        year=2022,
        region="140000",
        level="county",
        metric="beds_per_1000",
        scheme="natural_breaks",
        hospitals="1",
    )
    assert errors(app) == []
    assert app.selectbox(key="w_level").value == "county"
    assert app.selectbox(key="w_metric").value == "beds_per_1000"
    assert app.selectbox(key="w_scheme").value == "natural_breaks"
    assert app.toggle(key="w_hospitals").value is True
    table = app.dataframe[0].value
    assert len(table) == 117 and "Pediatric beds per 1,000 children" in table.columns
    assert any(t["type"] == "scattergeo" and t.get("customdata") for t in figure(app)["data"])


def test_bad_level_for_the_scope_falls_back(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP, region="360100", level="province")
    assert app.exception == []
    assert app.selectbox(key="w_level").value == "county"


def test_click_on_a_province_drills_down(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP)
    # AppTest cannot click a chart; setting the chart's state fakes the selection event.
    app.session_state["map_cn_province"] = {"selection": {"points": [{"location": "360000"}]}}
    app.run()
    assert app.selectbox(key="w_province").value == "360000"
    assert app.query_params["region"] == "360000"
    assert len(drawn_locations(app)) == 11


def test_county_detail_lists_its_hospitals(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP, region="360100", county="360102")
    assert errors(app) == []
    assert any("东湖区" in str(s.value) for s in app.subheader)
    hospitals = app.dataframe[0].value
    assert "江西省儿童医院" in set(hospitals["名称"])  # headers in words, not column ids


def test_kinmen_without_children_is_explained(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP, region="350500")
    assert any("金门县" in str(c.value) for c in app.caption)
