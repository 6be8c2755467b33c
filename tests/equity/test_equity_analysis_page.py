"""The equity page's analyst sections through links: numbers on screen checked against SQL."""

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from pedatlas import fmt
from pedatlas.metrics import accessibility as acc
from pedatlas.metrics import clusters, drive_time, service_area_quality, service_areas, shortage
from tests.apptest_helpers import errors, open_page, texts

EQUITY = "pages/equity.py"
JIANGXI = "360000"
COUNTIES_SQL = """
    WITH s AS (
        SELECT h.county_adcode, sum(x.ped_physicians) AS physicians, sum(x.ped_beds) AS beds
        FROM hospitals h JOIN hospital_resources x USING (hospital_id)
        WHERE x.year = 2024 GROUP BY h.county_adcode
    )
    SELECT r.adcode, r.lon, r.lat, r.pop_total, r.urban_pop, r.pop_0_14 AS children,
           r.province_adcode, coalesce(s.physicians, 0) AS physicians
    FROM regions r LEFT JOIN s ON s.county_adcode = r.adcode
    WHERE r.level = 'county' AND r.pop_0_14 > 0 AND r.province_adcode = ?
    ORDER BY r.adcode
"""
SITES_SQL = """
    SELECT h.lon, h.lat, x.ped_beds AS beds, x.nicu_beds, x.picu_beds
    FROM hospitals h JOIN hospital_resources x USING (hospital_id) WHERE x.year = 2024
"""


def metric_value(app, start: str) -> str:
    return next(m.value for m in app.metric if m.label.startswith(start))


def test_hotspots_of_jiangxi_show_morans_i_of_the_shortage_score(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, EQUITY, region=JIANGXI, section="hotspots")
    assert errors(app) == []
    counties = demo.execute(COUNTIES_SQL, [JIANGXI]).df()
    sites = demo.execute(SITES_SQL).df()
    capable = sites[(sites["nicu_beds"] > 0) | (sites["picu_beds"] > 0)]
    counties["distance_km"] = acc.nearest_distance_km(
        counties["lon"], counties["lat"], capable["lon"], capable["lat"]
    )
    scores = shortage.shortage_scores(counties).set_index("adcode")["score"].astype(float)
    shapes = demo.execute(
        "SELECT adcode, geom_wkb FROM region_shapes WHERE layer = 'county' "
        "AND province_adcode = ? ORDER BY adcode",
        [JIANGXI],
    ).df()
    geometry = shapely.from_wkb([bytes(blob) for blob in shapes["geom_wkb"]])
    frame = gpd.GeoDataFrame(geometry=geometry, index=shapes["adcode"].to_numpy(), crs=4326)
    expected = clusters.lisa(scores.reindex(frame.index), frame)
    assert metric_value(app, "全局 Moran") == fmt.rate(expected.moran_i, 3)
    shown = texts(app)
    assert "999 次置换" in shown
    counts = clusters.cluster_counts(expected)
    assert f"其余 {counts['not_significant']} 个区县没有统计显著的空间聚集" in shown
    assert app.get("plotly_chart"), "the cluster map is drawn"


def test_time_to_care_nationally_shows_the_share_beyond_60_minutes(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, EQUITY, section="time", care="nicu")
    assert errors(app) == []
    routes = demo.execute(
        """SELECT f.lon AS flon, f.lat AS flat, t.lon AS tlon, t.lat AS tlat, x.distance_km,
                  left(f.county_adcode, 2) || '0000' AS province
           FROM transfers x JOIN hospitals f ON f.hospital_id = x.from_hospital_id
           JOIN hospitals t ON t.hospital_id = x.to_hospital_id WHERE x.distance_km > 0"""
    ).df()
    straight = acc.haversine_km(routes["flon"], routes["flat"], routes["tlon"], routes["tlat"])
    fits = drive_time.fit_detour_factor(straight, routes["distance_km"], routes["province"])
    pooled = drive_time.fit_detour_factor(straight, routes["distance_km"]).iloc[0]["factor"]
    counties = demo.execute(
        "SELECT adcode, lon, lat, pop_0_14 AS children, province_adcode FROM regions "
        "WHERE level = 'county' AND pop_0_14 > 0 ORDER BY adcode"
    ).df()
    detour = counties["province_adcode"].map(fits.set_index("group")["factor"]).fillna(pooled)
    sites = demo.execute(SITES_SQL).df()
    nicu = sites[sites["nicu_beds"] > 0]
    minutes = drive_time.nearest_drive_minutes(
        counties["lon"], counties["lat"], detour, nicu["lon"], nicu["lat"]
    )
    beyond = 1 - drive_time.shares_within(counties["children"], minutes)[60]
    assert metric_value(app, "超过 60 分钟到达NICU") == fmt.percent(beyond)
    assert pooled == pytest.approx(1.325, abs=0.02)  # synthetic routes: straight x U(1.2, 1.45)


def test_service_areas_compare_cities_with_the_published_benchmark(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, EQUITY, section="service_areas")
    assert errors(app) == []
    flows = demo.execute(
        """SELECT f.county_adcode AS origin_county, t.county_adcode AS dest_county,
                  d.city_adcode AS dest_city, count(*) AS referrals
           FROM referrals r JOIN hospitals f ON f.hospital_id = r.from_hospital_id
           JOIN hospitals t ON t.hospital_id = r.to_hospital_id
           JOIN regions d ON d.adcode = t.county_adcode
           WHERE year(r.referred_on) = 2024 AND r.direction = 'up' GROUP BY ALL"""
    ).df()
    city = demo.execute("SELECT adcode, city_adcode FROM regions WHERE level = 'county'").df()
    county_city = pd.Series(city["city_adcode"].to_numpy(), index=city["adcode"])
    table = service_area_quality.area_quality(flows, county_city, county_city)
    expected = service_area_quality.overall_quality(table)["mean_li"]
    comparison = app.dataframe[0].value
    row = comparison[comparison.iloc[:, 0] == "地级行政区"].iloc[0]
    assert row["平均 LI"] == pytest.approx(expected)
    assert comparison.iloc[-2]["平均 LI"] == 0.691
    assert len(service_areas.plurality_areas(flows)) > 2000
    assert np.isfinite(row["MSI"])


def cluster_map_spec(app) -> dict:
    specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return next(s for s in specs if any(t["type"] == "choropleth" for t in s["data"]))


def test_cluster_map_shared_per_process_follows_the_language(monkeypatch, demo_db):
    """The map is one figure per (measure, year, scope, language): switching the language and
    back shows each language's own title and hover text, never the other's."""
    app = open_page(monkeypatch, demo_db, EQUITY, region=JIANGXI, section="hotspots")
    shown = {}
    for lang in ("en", "zh"):
        app.query_params["lang"] = lang
        app.run()
        assert errors(app) == []
        spec = cluster_map_spec(app)
        hover = next(t for t in spec["data"] if t["type"] == "choropleth")["hovertext"]
        shown[lang] = (spec["layout"]["title"]["text"], hover[0])
    assert shown["en"][0].startswith("Spatial clusters of the ")
    assert "的空间聚集 · " in shown["zh"][0]
    assert "p = " in shown["en"][1] and "p = " in shown["zh"][1]
    assert shown["en"][1] != shown["zh"][1]
