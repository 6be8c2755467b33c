"""The equity page: Gini/Theil, accessibility, coverage and shortage as links, checked against SQL."""

import json

import numpy as np
import pandas as pd
import pytest

from pedatlas.metrics import accessibility as acc
from pedatlas.metrics import shortage
from pedatlas.metrics.equity import gini_coefficient, theil_decomposition, theil_index
from tests.apptest_helpers import errors, open_page

EQUITY = "pages/equity.py"
COUNTIES_SQL = """
    WITH c AS (
        SELECT adcode, province_adcode, city_adcode, lon, lat, pop_total, urban_pop, pop_0_14
        FROM regions WHERE level = 'county' AND pop_0_14 > 0
    ),
    s AS (
        SELECT h.county_adcode, sum(x.ped_physicians) AS physicians, sum(x.ped_beds) AS beds,
               sum(x.nicu_beds) AS nicu_beds, sum(x.picu_beds) AS picu_beds
        FROM hospitals h JOIN hospital_resources x USING (hospital_id)
        WHERE x.year = ? GROUP BY h.county_adcode
    )
    SELECT c.*, coalesce(s.physicians, 0) AS physicians, coalesce(s.beds, 0) AS beds,
           coalesce(s.nicu_beds, 0) AS nicu_beds, coalesce(s.picu_beds, 0) AS picu_beds
    FROM c LEFT JOIN s ON s.county_adcode = c.adcode
    ORDER BY c.adcode
"""
HOSPITALS_SQL = """
    SELECT h.hospital_id, h.county_adcode, h.lon, h.lat, x.ped_physicians AS physicians,
           x.ped_beds AS beds, x.nicu_beds, x.picu_beds
    FROM hospitals h JOIN hospital_resources x USING (hospital_id)
    WHERE x.year = ?
    ORDER BY h.hospital_id
"""


def counties(demo, year: int):
    return demo.execute(COUNTIES_SQL, [year]).df()


def hospitals(demo, year: int):
    return demo.execute(HOSPITALS_SQL, [year]).df()


def metric(app, start: str):
    return next(m for m in app.metric if m.label.startswith(start))


def charts(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def warnings_text(app) -> str:
    return "\n".join(str(w.value) for w in app.warning)


def test_default_view_shows_the_province_gini_and_theil_of_physicians(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, EQUITY)
    assert errors(app) == []
    assert app.radio(key="w_section").value == "inequality"
    assert app.selectbox(key="w_resource").value == "physicians"
    assert app.selectbox(key="w_unit").value == "province"
    frame = counties(demo, 2024)
    provinces = frame.groupby("province_adcode")[["pop_0_14", "physicians"]].sum()
    gini = gini_coefficient(provinces["physicians"], provinces["pop_0_14"])
    assert metric(app, "Gini 系数（省，2024）").value == f"{gini:.3f}"
    # Theil T of the same units (provinces) in the same row; the decomposition is over counties.
    theil = theil_index(provinces["physicians"], provinces["pop_0_14"])
    assert metric(app, "Theil T（省，2024）").value == f"{theil:.4f}"
    parts = theil_decomposition(frame["physicians"], frame["pop_0_14"], frame["province_adcode"])
    assert metric(app, "区县 Theil：省间占比").value == f"{parts.between_share * 100:.1f}%"
    table = app.dataframe[0].value
    assert list(table["年份"]) == [2019, 2020, 2021, 2022, 2023, 2024]
    assert table["Gini"].iloc[-1] == pytest.approx(gini, abs=1e-5)


def test_lorenz_curve_of_counties_in_a_province_for_a_linked_year(monkeypatch, demo_db, demo):
    app = open_page(
        monkeypatch,
        demo_db,
        EQUITY,
        region="360000",
        unit="county",
        year=2022,
        resource="nicu_beds",
    )
    assert errors(app) == []
    assert app.selectbox(key="w_unit").value == "county"
    assert app.selectbox(key="w_resource").value == "nicu_beds"
    frame = counties(demo, 2022)
    jiangxi = frame[frame["province_adcode"] == "360000"]
    lorenz = next(t for t in charts(app)[0]["data"] if t.get("fill") == "tonexty")
    assert len(lorenz["text"]) == len(jiangxi) + 1  # (0, 0) and one point per county
    gini = gini_coefficient(jiangxi["nicu_beds"], jiangxi["pop_0_14"])
    assert metric(app, "Gini 系数（区县，2022）").value == f"{gini:.3f}"
    assert "区县 Theil：地市间占比" in {m.label for m in app.metric}


def test_city_scope_reports_theil_without_decomposition(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, EQUITY, region="360100", lang="en")
    assert errors(app) == []
    assert app.selectbox(key="w_unit").value == "county"
    assert [m.label for m in app.metric] == [
        "Gini coefficient (counties, 2024)",
        "Theil T (counties, 2024)",
    ]
    assert any("not decomposed" in str(c.value) for c in app.caption)


def test_accessibility_link_matches_2sfca_on_the_data(monkeypatch, demo_db, demo):
    app = open_page(
        monkeypatch,
        demo_db,
        EQUITY,
        section="access",
        resource="beds",
        method="2sfca",
        catchment=150,
        region="360000",
    )
    assert errors(app) == []
    assert app.radio(key="w_section").value == "access"
    assert app.selectbox(key="w_method").value == "2sfca"
    assert app.select_slider(key="w_catchment").value == 150
    demand, supply = counties(demo, 2024), hospitals(demo, 2024)
    supply = supply[supply["beds"] > 0]
    distance = acc.catchment_distance_matrix_km(
        demand["lon"], demand["lat"], supply["lon"], supply["lat"], 150
    )
    scores = acc.two_step_fca(supply["beds"], demand["pop_0_14"], distance, 150)
    index = acc.normalized_to_mean(scores, demand["pop_0_14"])
    inside = (demand["province_adcode"] == "360000").to_numpy()
    kids = demand["pop_0_14"].to_numpy(float)[inside]
    mean = float(np.sum(index[inside] * kids) / kids.sum())
    assert metric(app, "范围内平均指数").value == f"{mean:,.2f}"
    table = app.dataframe[0].value
    assert len(table) == inside.sum()
    assert table["可达性指数"].iloc[0] == pytest.approx(index[inside].min(), abs=1e-3)
    drawn = {
        loc for t in charts(app)[0]["data"] if t["type"] == "choropleth" for loc in t["locations"]
    }
    assert drawn == set(demand.loc[inside, "adcode"])


@pytest.mark.parametrize("method", ["e2sfca_step", "e2sfca_gauss"])
def test_accessibility_methods_render_national_map(monkeypatch, demo_db, method):
    app = open_page(monkeypatch, demo_db, EQUITY, section="access", method=method)
    assert errors(app) == []
    assert metric(app, "范围内平均指数").value == "1.00"  # 1.0 = national average
    layers = [t for t in charts(app)[0]["data"] if t["type"] == "choropleth"]
    assert sum(len(t["locations"]) for t in layers) == 2848 + 3  # counties + context areas


def test_coverage_of_nicu_in_qinghai_matches_nearest_distances(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, EQUITY, section="coverage", region="630000")
    assert errors(app) == []
    demand, sites = counties(demo, 2024), hospitals(demo, 2024)
    demand = demand[demand["province_adcode"] == "630000"]
    nicu = sites[sites["nicu_beds"] > 0]
    distance = acc.nearest_distance_km(demand["lon"], demand["lat"], nicu["lon"], nicu["lat"])
    shares = acc.share_within_distance(demand["pop_0_14"], distance)
    table = app.dataframe[0].value.set_index("站点类型")
    for km in (50, 100, 200):
        assert table.loc["NICU", f"{km} km 内儿童占比"] == pytest.approx(shares[km], abs=1e-4)
    assert table.loc["NICU", "范围内站点数"] == nicu["county_adcode"].str.startswith("63").sum()


def test_shortage_list_of_shanxi_is_the_top_scores(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, EQUITY, section="shortage", region="140000", top=10)
    assert errors(app) == []
    assert app.selectbox(key="w_top").value == 10
    frame, sites = counties(demo, 2024), hospitals(demo, 2024)
    frame = frame[frame["province_adcode"] == "140000"].rename(columns={"pop_0_14": "children"})
    capable = sites[(sites["nicu_beds"] > 0) | (sites["picu_beds"] > 0)]
    frame["distance_km"] = acc.nearest_distance_km(
        frame["lon"], frame["lat"], capable["lon"], capable["lat"]
    )
    expected = shortage.worst_served(shortage.shortage_scores(frame), 10)
    table = app.dataframe[0].value
    assert list(table["行政区划代码"]) == list(expected["adcode"])
    assert list(table["短缺得分"]) == list(expected["score"])
    assert all(reason for reason in table["原因"][table["短缺得分"] > 0])
    # county pinned first, its score next; shares raw (the grid shows them as %), counts whole
    assert list(table.columns[:4]) == ["区县", "短缺得分", "排名", "原因"]
    assert list(table["排名"]) == list(range(1, 11))
    assert table["儿童占比"].tolist() == pytest.approx(expected["child_share"].tolist())
    assert pd.api.types.is_integer_dtype(table["0–14 岁儿童"])
    assert "省" not in table.columns  # one province: a constant column is left out


@pytest.mark.parametrize(
    ("name", "value", "widget", "default"),
    [
        ("section", "charts", "w_section", "inequality"),
        ("resource", "doctors", "w_resource", "physicians"),
        ("unit", "street", "w_unit", "province"),
        ("method", "3sfca", None, None),
        ("catchment", "35", None, None),
        ("catchment", "far", None, None),
        ("top", "7", None, None),
    ],
)
def test_bad_values_fall_back_with_a_notice(monkeypatch, demo_db, name, value, widget, default):
    app = open_page(monkeypatch, demo_db, EQUITY, **{name: value})
    assert app.exception == []
    assert f"{name}={value}" in warnings_text(app)
    if widget:
        widget_value = (app.radio if widget == "w_section" else app.selectbox)(key=widget).value
        assert widget_value == default


def test_unit_above_the_scope_falls_back_with_a_notice(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, EQUITY, region="360100", unit="province")
    assert app.exception == []
    assert "unit=province" in warnings_text(app)
    assert app.selectbox(key="w_unit").value == "county"


def test_choices_go_into_the_link(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, EQUITY, region="630000")
    app.radio(key="w_section").set_value("access").run()
    app.selectbox(key="w_method").set_value("e2sfca_gauss").run()
    assert app.query_params["section"] == "access"
    assert app.query_params["method"] == "e2sfca_gauss"
    assert "catchment" not in app.query_params
