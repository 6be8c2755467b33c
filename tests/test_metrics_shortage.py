"""Shortage score: each component's point bands and the total, on hand-computed counties."""

import numpy as np
import pandas as pd
import pytest

from pedatlas.metrics import shortage


@pytest.mark.parametrize(
    ("children", "physicians", "points"),
    [
        (10000, 0, 10),
        (10000, 2, 8),
        (5000, 1, 8),
        (4999, 1, 6),
        (3000, 1, 6),
        (2999, 1, 4),
        (2000, 1, 4),
        (1999, 1, 2),
        (1500, 1, 2),
        (1499, 1, 0),
        (1260, 1, 0),
    ],
)
def test_ratio_points_bands_include_their_lower_bound(children, physicians, points):
    assert shortage.ratio_points([children], [physicians]).tolist() == [points]


@pytest.mark.parametrize(
    ("km", "points"),
    [
        (0.0, 0),
        (20.0, 0),
        (20.1, 1),
        (40.0, 1),
        (40.5, 2),
        (60.0, 2),
        (79.9, 3),
        (80.0, 3),
        (100.0, 4),
        (100.1, 5),
        (np.inf, 5),
    ],
)
def test_distance_points_bands_include_their_upper_bound(km, points):
    assert shortage.band_points([km], shortage.DISTANCE_BANDS, strict=True).tolist() == [points]


@pytest.mark.parametrize(
    ("share", "points"),
    [(0.30, 3), (0.25, 3), (0.2499, 2), (0.21, 2), (0.20, 1), (0.18, 1), (0.1799, 0), (np.nan, 0)],
)
def test_child_share_points(share, points):
    assert shortage.band_points([share], shortage.CHILD_SHARE_BANDS).tolist() == [points]


@pytest.mark.parametrize(("share", "points"), [(0.9, 2), (0.6, 2), (0.59, 1), (0.4, 1), (0.39, 0)])
def test_rural_share_points(share, points):
    assert shortage.band_points([share], shortage.RURAL_SHARE_BANDS).tolist() == [points]


def counties() -> pd.DataFrame:
    """Five hand-made counties (see each test for the expected points)."""
    return pd.DataFrame(
        {
            "adcode": ["A", "B", "C", "D", "E"],
            "children": [60000, 30000, 12000, 50000, None],
            "physicians": [0, 10, 10, 40, 3],
            "distance_km": [130.0, 55.0, 15.0, 35.0, 10.0],
            "pop_total": [200000, 150000, 80000, 300000, None],
            "urban_pop": [50000, 90000, 70000, 270000, None],
        }
    )


def test_shortage_scores_hand_computed():
    scored = shortage.shortage_scores(counties()).set_index("adcode")
    # A: no physician 10; 130 km 5; children 60000/200000 = 30% 3; rural 75% 2 -> 20
    # B: 3,000 per physician 6; 55 km 2; 20% 1; rural 40% 1 -> 10
    # C: 1,200 per physician 0; 15 km 0; 15% 0; rural 12.5% 0 -> 0
    # D: 1,250 per physician 0; 35 km 1; 16.7% 0; rural 10% 0 -> 1
    expected = {
        "A": (10, 5, 3, 2, 20),
        "B": (6, 2, 1, 1, 10),
        "C": (0, 0, 0, 0, 0),
        "D": (0, 1, 0, 0, 1),
    }
    columns = [
        "ratio_points",
        "distance_points",
        "child_share_points",
        "rural_share_points",
        "score",
    ]
    assert {code: tuple(scored.loc[code, columns]) for code in expected} == expected
    assert scored.loc["B", "children_per_physician"] == 3000
    assert np.isnan(scored.loc["A", "children_per_physician"])
    assert scored.loc["A", "rural_share"] == pytest.approx(0.75)


def test_counties_without_children_are_not_scored():
    assert "E" not in set(shortage.shortage_scores(counties())["adcode"])


def test_worst_served_orders_by_score_then_ratio_then_adcode():
    frame = pd.DataFrame(
        {
            "adcode": ["X3", "X2", "X1", "X4"],
            "children": [20000, 20000, 20000, 20000],
            "physicians": [4, 5, 5, 0],
            "distance_km": [10.0, 10.0, 10.0, 200.0],
            "pop_total": [200000] * 4,
            "urban_pop": [200000] * 4,
        }
    )
    # X4: no physician 10 + 200 km 5 = 15; X3: 5,000 per physician 8; X1 and X2: 4,000 per
    # physician 6 each, the tie broken by adcode.
    worst = shortage.worst_served(shortage.shortage_scores(frame), 3)
    assert list(worst["adcode"]) == ["X4", "X3", "X1"]
    assert list(worst["score"]) == [15, 8, 6]


def test_scored_components_name_what_scored():
    scored = shortage.shortage_scores(counties()).set_index("adcode")
    assert shortage.scored_components(scored.loc["B"]) == [
        "ratio",
        "distance",
        "child_share",
        "rural_share",
    ]
    assert shortage.scored_components(scored.loc["D"]) == ["distance"]
    assert shortage.scored_components(scored.loc["C"]) == []
