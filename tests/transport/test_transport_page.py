"""The transport page: the Jiangxi 2024 figures from the data, links, distance bands, bad links."""

import numpy as np
import pandas as pd
import pytest

from pedatlas import geometry
from pedatlas.metrics.accessibility import haversine_km
from pedatlas.transport import builders as transport
from tests.apptest_helpers import errors, open_page, texts
from tests.helpers import rows, scalar

PAGE = "pages/transport.py"
# great-circle km in SQL, written out independently of the page's Python
HAVERSINE = """2 * 6371.0088 * asin(sqrt(pow(sin(radians(h.lat - c.lat) / 2), 2)
    + cos(radians(c.lat)) * cos(radians(h.lat)) * pow(sin(radians(h.lon - c.lon) / 2), 2)))"""


def metric(app, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


def number(text: str) -> float:
    return float(text.replace(",", "").replace(" km", ""))


def jiangxi_core(demo) -> str:
    return scalar(demo, "SELECT hospital_id FROM hospitals WHERE name = '江西省儿童医院'")


def centre_2024(demo, centre: str) -> tuple:
    """(trips, critical newborns, km, sending institutions) the centre received in 2024."""
    return rows(
        demo,
        """
        SELECT count(*), count(*) FILTER (WHERE patient = 'newborn' AND critical), sum(distance_km),
               count(DISTINCT from_hospital_id)
        FROM transfers WHERE to_hospital_id = ? AND year(dispatched_at) = 2024""",
        [centre],
    )[0]


def test_jiangxi_2024_link_shows_the_published_figures_from_the_data(monkeypatch, demo_db, demo):
    centre = jiangxi_core(demo)
    app = open_page(monkeypatch, demo_db, PAGE, centre=centre, year=2024)
    assert errors(app) == []
    assert app.selectbox(key="w_centre").value == centre
    trips, critical_newborns, km, origins = centre_2024(demo, centre)
    assert metric(app, "转运次数") == f"{trips:,}" == "468"
    assert metric(app, "危重新生儿转运") == f"{critical_newborns:,}" == "407"
    assert number(metric(app, "总里程")) == round(km) and km > 100_000
    assert number(metric(app, "覆盖转出机构")) == origins >= 70
    assert dict(app.query_params) == {"centre": centre}


def test_jiangxi_2024_shows_the_report_against_the_data(monkeypatch, demo_db, demo):
    """As the alliances page does for outreach: each published figure, the data's, and whether
    they agree (the report: 468 trips, 407 critical newborns, over 100,000 km, 70余家)."""
    centre = jiangxi_core(demo)
    app = open_page(monkeypatch, demo_db, PAGE, centre=centre, year=2024, region="360100")
    assert errors(app) == []
    trips, critical_newborns, km, origins = centre_2024(demo, centre)
    report = next(d.value for d in app.dataframe if "公开报道" in d.value.columns)
    assert list(report.columns) == ["指标", "数据", "公开报道", "是否相符"]
    assert report["指标"].tolist() == ["转运次数", "危重新生儿转运", "总里程 km", "覆盖转出机构"]
    # the centre's whole year, not only the trips from the chosen city (南昌市)
    assert report["数据"].tolist() == pytest.approx([trips, critical_newborns, km, origins])
    assert report["公开报道"].tolist() == ["468 次", "407 次", "超过 10 万公里", "70 余家（70–79）"]
    assert report["是否相符"].tolist() == ["✓ 相符"] * 4
    shown = texts(app)
    assert "江西省儿童医院 2024 年转运：公开报道与数据对照" in shown
    assert "报道：江西省儿童医院 2024 年转运 468 次" in shown


def test_report_is_offered_only_for_its_centre_and_year(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE, year=2024, region="360000", lang="en")
    assert errors(app) == []
    assert not any("Published" in d.value.columns for d in app.dataframe)
    assert "pick it as the transport centre to see the report against the data" in texts(app)
    app = open_page(monkeypatch, demo_db, PAGE, centre=jiangxi_core(demo), year=2023)
    assert not any("公开报道" in d.value.columns for d in app.dataframe)
    assert "公开报道与数据对照" not in texts(app)


def test_report_comparison_says_where_the_data_disagree():
    report = transport.published_for("江西省儿童医院", 2024)
    assert transport.published_for("江西省儿童医院", 2023) is None
    summary = pd.Series(
        {"trips": 468, "critical_newborns": 400, "total_km": 100_000.5, "origins": 103}
    )
    table = transport.report_comparison(summary, report, lambda key, **_: key)
    assert table["data"].tolist() == [468, 400, 100_000.5, 103]
    assert table["matches"].tolist() == [
        "transport_report_yes",
        "transport_report_no",  # 407 published
        "transport_report_yes",  # over 100,000
        "transport_report_no",  # 70余家 is 70-79, not 103
    ]


def test_default_view_counts_every_trip_of_the_year(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE, lang="en")
    assert errors(app) == []
    trips = scalar(demo, "SELECT count(*) FROM transfers WHERE year(dispatched_at) = 2024")
    assert metric(app, "Trips") == f"{trips:,}"
    assert app.selectbox(key="w_centre").value == ""


def test_province_scope_lists_counties_beyond_200_km_from_any_centre(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE, region="620000", year=2023)
    assert errors(app) == []
    expected = rows(
        demo,
        f"""
        SELECT c.adcode FROM regions c, hospitals h
        WHERE c.level = 'county' AND c.province_adcode = '620000' AND h.is_transport_centre
        GROUP BY c.adcode HAVING min({HAVERSINE}) > 200 ORDER BY c.adcode""",
    )
    beyond = next(d.value for d in app.dataframe if "直线距离 km" in d.value.columns)
    assert sorted(beyond["行政区划代码"]) == [code for (code,) in expected]
    bands = next(d.value for d in app.dataframe if "距离圈" in d.value.columns)
    children = scalar(
        demo,
        "SELECT sum(pop_0_14) FROM regions WHERE level = 'county' AND province_adcode = '620000'",
    )
    assert bands["0–14 岁儿童"].sum() == children
    assert bands["区县数"].iloc[-1] == len(expected)


def test_outliers_are_beyond_the_upper_fences(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PAGE, region="360000")
    outliers = next(d.value for d in app.dataframe if "每公里分钟" in d.value.columns)
    assert len(outliers) > 0
    assert (outliers[["里程异常", "用时异常", "每公里用时异常"]].any(axis=1)).all()


@pytest.mark.parametrize("centre", ["NOPE", "H000002'; DROP TABLE transfers; --"])
def test_unknown_centre_falls_back_with_a_notice(monkeypatch, demo_db, centre):
    app = open_page(monkeypatch, demo_db, PAGE, centre=centre)
    assert errors(app) == []
    assert any(f"centre={centre}" in str(w.value) for w in app.warning)
    assert app.selectbox(key="w_centre").value == ""
    assert "centre" not in dict(app.query_params)


def test_scope_without_trips_to_the_centre_explains_itself(monkeypatch, demo_db, demo):
    # no team of Jiangxi's children's hospital drives to Xinjiang
    app = open_page(monkeypatch, demo_db, PAGE, centre=jiangxi_core(demo), region="650000")
    assert errors(app) == []
    assert app.selectbox(key="w_centre").value == jiangxi_core(demo)
    assert any("没有转运记录" in str(i.value) for i in app.info)


# ---------------------------------------------------------------- pure builders of the page


def test_circle_points_lie_at_the_radius_and_close_the_ring():
    lon, lat = geometry.circle_points(115.9, 28.7, 200.0, steps=36)
    assert len(lon) == 37 and lon[0] == pytest.approx(lon[-1]) and lat[0] == pytest.approx(lat[-1])
    assert haversine_km(115.9, 28.7, lon, lat) == pytest.approx(np.full(37, 200.0), rel=1e-9)


def test_band_index_counts_each_boundary_in_the_inner_band():
    distances = pd.Series([0.0, 50.0, 50.1, 100.0, 150.0, 200.0, 250.0])
    assert transport.band_index(distances).tolist() == [0, 0, 1, 1, 2, 2, 3]


def test_nearest_centres_and_band_summary():
    centres = pd.DataFrame({"hospital_id": ["A", "B"], "lon": [115.0, 120.0], "lat": [28.0, 28.0]})
    counties = pd.DataFrame(
        {
            "adcode": ["1", "2", "3"],
            "lon": [115.0, 119.5, 117.5],
            "lat": [28.3, 28.0, 28.0],
            "children": [100, 300, 600],
        }
    )
    banded = transport.nearest_centres(counties, centres)
    assert banded["centre_id"].tolist() == ["A", "B", "A"]
    assert banded["distance_km"].tolist() == pytest.approx(
        haversine_km(counties["lon"], counties["lat"], [115.0, 120.0, 115.0], 28.0)
    )
    summary = transport.band_summary(banded, lambda key, **_: key)
    # 1: 33 km, 2: 49 km -> 0-50; 3: 245 km -> beyond 200
    assert summary.iloc[:, 1].tolist() == [2, 0, 0, 1]
    assert summary.iloc[:, 2].tolist() == [400, 0, 0, 600]
    assert summary["children_share"].tolist() == [0.4, 0.0, 0.0, 0.6]  # raw: the grid shows 40%


def test_route_classes():
    trips = pd.Series([1, 2, 4, 5, 9, 10, 19, 20, 100])
    assert transport.route_class(trips).tolist() == [0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_transport_monthly_table():
    monthly = pd.DataFrame(
        [(1, "newborn", True, 3, 300.0), (1, "child", False, 1, 50.0), (2, "child", True, 2, 80.0)],
        columns=["month", "patient", "critical", "trips", "km"],
    )
    table = transport.transport_monthly_table(monthly).set_index("month")
    assert table.loc[1, ["newborn", "child", "trips", "critical"]].tolist() == [3, 1, 4, 3]
    assert table.loc[1, "critical_share"] == 0.75 and table.loc[2, "km"] == 80.0
    assert table.loc[12, "trips"] == 0 and pd.isna(table.loc[12, "critical_share"])
