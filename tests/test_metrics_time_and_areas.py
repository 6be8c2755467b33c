"""Detour-factor fit, drive minutes, access bands and service-area quality: hand-computed cases."""

import numpy as np
import pandas as pd
import pytest

from pedatlas.metrics import drive_time, service_area_quality


def test_detour_fit_recovers_a_known_factor_from_a_seeded_sample():
    rng = np.random.default_rng(42)
    straight = rng.uniform(20, 400, 2000)
    route = straight * 1.3 * rng.normal(1, 0.05, 2000)
    fit = drive_time.fit_detour_factor(straight, route).iloc[0]
    assert fit["factor"] == pytest.approx(1.3, abs=0.005)
    assert fit["mdape"] == pytest.approx(0.05 * 0.6745, abs=0.005)  # median |N(0, 0.05)|
    assert fit["trips"] == 2000 and not fit["pooled"]


def test_detour_fit_by_group_pools_small_groups_and_drops_bad_rows():
    straight = [10.0] * 40 + [10.0, 10.0, 0.0]
    route = [12.0] * 40 + [20.0, 20.0, 5.0]
    groups = ["a"] * 40 + ["b", "b", "b"]
    fit = drive_time.fit_detour_factor(straight, route, groups).set_index("group")
    assert fit.at["a", "factor"] == pytest.approx(1.2) and fit.at["a", "rmse_km"] == 0
    # b has 2 usable trips (< 30): it takes the pooled factor (40*120 + 2*200) / (42*100)
    assert fit.at["b", "trips"] == 2 and fit.at["b", "pooled"]
    assert fit.at["b", "factor"] == pytest.approx(5200 / 4200)


def test_drive_minutes_by_road_class():
    # 5 km at 30 km/h = 10 min; 25 km at 50 = 30 min; 50 km at 80 = 37.5 min
    minutes = drive_time.drive_minutes([0, 5, 30, 80, np.nan])
    assert minutes[:4].tolist() == pytest.approx([0, 10, 40, 77.5])
    assert np.isnan(minutes[4])


def test_nearest_drive_minutes_uses_the_nearest_site_and_the_origin_detour():
    # origin at (0, 0); sites 1 degree east (111.19 km) and 2 degrees east
    minutes = drive_time.nearest_drive_minutes([0.0], [0.0], [1.5], [1.0, 2.0], [0.0, 0.0])
    road = 111.19508 * 1.5
    assert minutes[0] == pytest.approx(40 + (road - 30) / 80 * 60, rel=1e-4)
    assert np.isnan(drive_time.nearest_drive_minutes([0.0], [0.0], [1.3], [], [])[0])


def test_shares_within_bands_count_missing_time_as_beyond():
    shares = drive_time.shares_within([100, 300, 600, 0], [20, 59, np.nan, 10])
    assert shares == {30: 0.1, 60: 0.4, 120: 0.4, 240: 0.4}
    frame = pd.DataFrame(
        {"p": ["a", "a", "b"], "children": [100, 100, 50], "minutes": [10, 100, 300]}
    )
    table = drive_time.shares_by_group(frame, "p").set_index("p")
    assert table.loc["a", ["within_30", "within_120", "within_240"]].tolist() == [0.5, 1, 1]
    assert table.loc["b", "within_240"] == 0


FLOWS = pd.DataFrame(
    {
        "origin_county": ["a1", "a1", "a2", "b1", "b1", "c1"],
        "dest_county": ["a1", "b1", "a1", "b1", "a1", "b1"],
        "referrals": [60, 40, 50, 70, 30, 10],
    }
)


def test_area_quality_localization_market_share_and_net_flow_by_hand():
    patients = pd.Series({"a1": "A", "a2": "A", "b1": "B", "c1": "C"})
    hospitals = pd.Series({"a1": "A", "a2": "A", "b1": "B"})
    table = service_area_quality.area_quality(FLOWS, patients, hospitals).set_index("unit")
    # A: originated 60+40+50 = 150, kept 60+50 = 110, received 60+50+30 = 140
    assert table.loc["A", ["originated", "kept", "received", "net_flow"]].tolist() == [
        150,
        110,
        140,
        -10,
    ]
    assert table.at["A", "li"] == pytest.approx(110 / 150)
    assert table.at["A", "msi"] == pytest.approx(110 / 140)
    # B: originated 100, kept 70, received 40 + 70 + 10 = 120; C has no hospitals: LI 0, MSI NaN
    assert table.at["B", "li"] == pytest.approx(0.7) and table.at["B", "msi"] == pytest.approx(
        70 / 120
    )
    assert table.at["C", "li"] == 0 and np.isnan(table.at["C", "msi"])
    overall = service_area_quality.overall_quality(table.reset_index())
    assert overall["li"] == pytest.approx(180 / 260)
    assert overall["mean_li"] == pytest.approx((110 / 150 + 0.7 + 0) / 3)


def test_service_area_hospital_side_follows_the_heading_prefecture():
    areas = pd.DataFrame({"county": ["x1", "x2", "y1"], "area": ["X", "X", "X"]})
    city = pd.Series({"x1": "X", "x2": "X", "y1": "Y"})
    assert service_area_quality.service_area_hospital_side(areas, city).to_dict() == {
        "x1": "X",
        "x2": "X",
        "y1": "X",
    }


def test_footprint_disagreement():
    result = service_area_quality.footprint_disagreement({"a", "b", "c"}, {"b", "c", "d", "e"})
    assert result == {
        "footprint_only": ["a"],
        "patients_only": ["d", "e"],
        "both": ["b", "c"],
        "overlap": 0.4,
    }
