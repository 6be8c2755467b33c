"""Builders of the equity page's analyst sections: literal inputs, hand-computed outputs."""

import numpy as np
import pandas as pd
import pytest

from pedatlas.equity import hotspots, service_quality, time_to_care
from pedatlas.i18n import translate
from pedatlas.metrics import clusters


def t(key, **values):
    return translate(key, "zh", **values)


def test_minute_classes_put_band_edges_in_the_lower_class_and_no_site_last():
    minutes = pd.Series([0, 30, 30.01, 60, 119, 240, 241, np.nan])
    assert time_to_care.minute_classes(minutes).tolist() == [0, 0, 1, 1, 2, 3, 4, 4]


def test_county_minutes_use_each_provinces_fitted_detour():
    counties = pd.DataFrame(
        {
            "adcode": ["110101", "130102"],
            "name": ["a", "b"],
            "province_adcode": ["110000", "130000"],
            "city_adcode": ["110100", "130100"],
            "children": [1000, 2000],
            "lon": [0.0, 0.0],
            "lat": [0.0, 0.0],
        }
    )
    hospitals = pd.DataFrame(
        {"lon": [1.0], "lat": [0.0], "beds": [10], "nicu_beds": [0], "picu_beds": [0]}
    )
    fits = pd.DataFrame({"group": ["110000"], "factor": [1.5]})
    minutes = time_to_care.county_minutes(counties, hospitals, fits, pooled=1.2)
    road = 111.19508 * np.array([1.5, 1.2])
    expected = 40 + (road - 30) / 80 * 60
    assert minutes["minutes_beds"].to_numpy() == pytest.approx(expected, rel=1e-4)
    assert minutes["minutes_nicu"].isna().all()  # no NICU anywhere: beyond every band
    shares = time_to_care.scope_shares(minutes).set_index("level")
    # 142.6 min for a (1,000 children), 117.6 min for b (2,000)
    assert shares.loc["beds", "within_120"] == pytest.approx(2 / 3)
    assert shares.loc["beds", "within_240"] == 1 and shares.loc["beds", "within_60"] == 0
    assert shares.loc["nicu", "within_240"] == 0


FLOWS = pd.DataFrame(
    {
        "origin_county": ["a1", "a1", "a2", "b1", "b1"],
        "dest_county": ["a1", "b1", "a1", "b1", "a1"],
        "dest_city": ["A", "B", "A", "B", "A"],
        "referrals": [60, 40, 50, 70, 30],
    }
)


def test_unit_tables_for_service_areas_cities_and_footprints():
    county_city = pd.Series({"a1": "A", "a2": "A", "b1": "B"})
    footprint = pd.Series({"a1": "X", "b1": "X"})
    tables = service_quality.unit_tables(FLOWS, county_city, footprint)
    areas = tables["service_area"].set_index("unit")
    # a1 -> A (60 > 40), a2 -> A, b1 -> B (70 > 30): same as the cities here
    assert areas.loc["A", ["originated", "kept", "received"]].tolist() == [150, 110, 140]
    pd.testing.assert_frame_equal(tables["service_area"], tables["city"])
    alliance = tables["alliance"].set_index("unit")
    # X holds a1 and b1: kept 60 + 40 + 70 + 30 = 200 of originated 200, received 250
    assert alliance.loc["X", ["originated", "kept", "received"]].tolist() == [200, 200, 250]
    comparison = service_quality.comparison_table(tables, t)
    assert comparison.iloc[-2:]["mean_li"].tolist() == [0.691, 0.581]


def test_footprint_gaps_compare_members_with_where_patients_go():
    footprint = pd.Series({"a1": "X", "b1": "X"})
    cores = pd.DataFrame({"alliance_id": ["X"], "core_city": ["A"]})
    gaps = service_quality.footprint_gaps(FLOWS, footprint, cores).iloc[0]
    # patients' area of A = {a1, a2}; footprint {a1, b1}: both {a1}, overlap 1/3
    assert (gaps["both"], gaps["footprint_only"], gaps["patients_only"]) == (1, 1, 1)
    assert gaps["overlap"] == pytest.approx(1 / 3)


def test_sentences_name_each_cluster_for_the_measure_polarity():
    frame = pd.DataFrame(
        {
            "adcode": ["1", "2", "3", "4"],
            "value": [5.0, 4.0, 1.0, np.nan],
            "cluster": ["high_high", "high_high", "not_significant", "undefined"],
            "local_i": [1.0, 0.5, 0.1, np.nan],
            "p_value": [0.001, 0.002, 0.4, np.nan],
            "neighbours": [2, 2, 2, 0],
        }
    )
    result = clusters.ClusterResult(frame, 0.3, 0.01, -0.33, 0.002, ("9",))
    names = {"1": "甲县", "2": "乙县", "9": "岛县"}
    lines = hotspots.sentences(result, "shortage", names, t)
    assert lines[0].startswith("**短缺热点（高-高）2 个区县**：甲县、乙县")
    assert "1 个区县没有统计显著" in lines[1] and "1 个区县没有数据" in lines[2]
    assert "岛县" in lines[3]
    good = hotspots.sentences(result, "physicians", names, t)
    assert good[0].startswith("**资源高值片区（高-高）2 个区县**")
    assert hotspots.cluster_classes(result).tolist() == [0, 0, 4, -1]


def test_new_nicu_site_changes_the_shares_of_children_within_each_band():
    counties = pd.DataFrame(
        {"adcode": ["1", "2"], "lon": [0.0, 5.0], "lat": [0.0, 0.0], "children": [100, 300]}
    )
    before = pd.DataFrame(
        {
            "adcode": ["1", "2"],
            "children": [100, 300],
            "detour": [1.0, 1.0],
            "minutes_nicu": [20.0, np.nan],
        }
    )
    after = time_to_care.with_new_sites(before, counties, "nicu", [5.0], [0.1])
    # county 2 gets a NICU 11.1 km away: 10 + 6.1 km at 50 km/h = 17.3 min
    assert after["minutes_nicu"].tolist() == pytest.approx(
        [20.0, 10 + (11.1195 - 5) / 50 * 60], rel=1e-3
    )
    assert time_to_care.scenario_change(before, after, "nicu") == pytest.approx(
        {30: 0.75, 60: 0.75, 120: 0.75, 240: 0.75}
    )


def _grid_inputs():
    """A 3x3 grid of counties in two years and one hospital per county with its figures."""
    import geopandas as gpd
    from shapely.geometry import box

    cells = [(r, c) for r in range(3) for c in range(3)]
    codes = [f"36{r}{c}00" for r, c in cells]
    shapes = gpd.GeoDataFrame(
        geometry=[box(115 + c / 2, 27 + r / 2, 115.5 + c / 2, 27.5 + r / 2) for r, c in cells],
        index=codes,
        crs=4326,
    )
    points = shapes.geometry.representative_point()
    county = pd.DataFrame(
        {
            "adcode": codes,
            "name": codes,
            "province_adcode": "360000",
            "city_adcode": "360100",
            "lon": points.x.to_numpy(),
            "lat": points.y.to_numpy(),
            "pop_total": 100_000,
            "urban_pop": 50_000,
            "children": [20_000 + 1_000 * n for n in range(9)],
            "physicians": [5, 9, 14, 3, 20, 8, 30, 2, 11],
        }
    )
    counties = pd.concat([county.assign(year=2023), county.assign(year=2024)], ignore_index=True)
    sites = pd.DataFrame(
        {
            "hospital_id": [f"H{n}" for n in range(9)],
            "lon": county["lon"],
            "lat": county["lat"],
            "physicians": county["physicians"],
            "beds": 10,
            "nicu_beds": [0, 0, 4, 0, 6, 0, 0, 0, 2],
            "picu_beds": 0,
        }
    )
    sites = pd.concat([sites.assign(year=2023), sites.assign(year=2024)], ignore_index=True)
    w = clusters.contiguity(shapes)
    return counties, sites, shapes, w


def test_stored_national_clusters_rerun_only_the_years_whose_inputs_changed():
    counties, sites, shapes, w = _grid_inputs()
    first = hotspots.national_cluster_rows(counties, sites, shapes, w)
    assert sorted(first["year"].unique()) == [2023, 2024]
    assert set(first["measure"]) == set(hotspots.MEASURES) and len(first) == 2 * 3 * 9
    marked = first.assign(cluster="marker")  # what was stored, made recognisable
    again = hotspots.national_cluster_rows(counties, sites, shapes, w, previous=marked)
    assert set(again["cluster"]) == {"marker"}  # nothing changed: every year kept
    sites.loc[(sites["year"] == 2024) & (sites["hospital_id"] == "H4"), "physicians"] = 21
    changed = hotspots.national_cluster_rows(counties, sites, shapes, w, previous=marked)
    assert set(changed.loc[changed["year"] == 2023, "cluster"]) == {"marker"}
    assert "marker" not in set(changed.loc[changed["year"] == 2024, "cluster"])
    fresh = hotspots.national_cluster_rows(counties, sites, shapes, w)
    pd.testing.assert_frame_equal(
        changed[changed["year"] == 2024].reset_index(drop=True),
        fresh[fresh["year"] == 2024].reset_index(drop=True),
    )
