"""The year comparison builders (diverging classes, change table, change map), by hand."""

import numpy as np
import pandas as pd
import pytest

from pedatlas.resource_map import change


def signed(value: float) -> str:
    return f"{value:+.1f}"


def test_magnitude_edges_are_quantiles_of_the_nonzero_sizes():
    changes = pd.Series([-4.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 8.0, np.nan])
    # sizes beyond 0: 4 1 1 2 3 4 8 -> sorted 1 1 2 3 4 4 8; quantiles 1/2 and 1 -> 3 and 8
    assert change.magnitude_edges(changes, steps=2) == [3.0, 8.0]
    # thirds: positions 2 and 4 of 0..6 -> 2 and 4; max 8
    assert change.magnitude_edges(changes, steps=3) == [2.0, 4.0, 8.0]


def test_diverging_index_mirrors_falls_and_rises_around_zero():
    changes = pd.Series([-4.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 8.0, np.nan])
    index = change.diverging_index(changes, [3.0, 8.0])
    # classes 0 (fall > 3), 1 (fall <= 3), 2 unchanged, 3 (rise <= 3), 4 (rise > 3), -1 missing
    assert index.tolist() == [0, 1, 2, 3, 3, 3, 4, 4, -1]


def test_changes_within_the_tolerance_count_as_unchanged():
    changes = pd.Series([-0.004, 0.004, 0.006, -0.2])
    edges = change.magnitude_edges(changes, steps=1, tolerance=0.005)
    assert edges == [0.2]
    assert change.diverging_index(changes, edges, tolerance=0.005).tolist() == [1, 1, 2, 0]


def test_no_change_anywhere_gives_one_neutral_class():
    changes = pd.Series([0.0, 0.0])
    assert change.magnitude_edges(changes) == []
    assert change.diverging_index(changes, []).tolist() == [0, 0]
    assert change.diverging_labels([], signed, "unchanged") == ["unchanged"]


def test_repeated_edges_collapse_into_fewer_steps():
    # all sizes 2 -> one step per side
    assert change.magnitude_edges(pd.Series([2.0, -2.0, 2.0]), steps=3) == [2.0]


def test_labels_are_symmetric_and_ordered_from_fall_to_rise():
    labels = change.diverging_labels([3.0, 8.0], signed, "unchanged")
    assert labels == ["-8.0 – -3.0", "-3.0 – +0.0", "unchanged", "+0.0 – +3.0", "+3.0 – +8.0"]


def test_colors_are_neutral_in_the_middle_and_flip_when_more_is_worse():
    colors = change.diverging_colors(3)
    assert colors == change.RISE_GOOD
    assert change.diverging_colors(2) == ["#d73027", "#fee090", "#f7f7f7", "#e0f3f8", "#4575b4"]
    assert change.diverging_colors(3, rise_is_good=False) == change.RISE_GOOD[::-1]
    assert change.diverging_colors(0) == ["#f7f7f7"]


def frames():
    before = pd.DataFrame(
        {"adcode": ["1", "2", "3", "4"], "name": ["A", "B", "C", "D"], "m": [1.0, 2.0, 0.0, 5.0]}
    )
    after = pd.DataFrame(
        {"adcode": ["1", "2", "3", "5"], "name": ["A", "B", "C", "E"], "m": [1.5, 1.0, 0.3, 2.0]}
    )
    return before, after


def test_change_table_differences_each_region_biggest_rise_first():
    table = change.change_table(*frames(), "m")
    assert table["adcode"].tolist() == ["1", "3", "2", "4", "5"]
    assert table["name"].tolist() == ["A", "C", "B", "D", "E"]
    assert table["change"].tolist()[:3] == pytest.approx([0.5, 0.3, -1.0])
    # relative change: 0.5 / 1 and -1 / 2; none from a base of 0 or for a region in one year only
    shares = table.set_index("adcode")["change_share"]
    assert shares["1"] == pytest.approx(0.5) and shares["2"] == pytest.approx(-0.5)
    assert shares[["3", "4", "5"]].isna().all()
    assert table.set_index("adcode").loc["4", "value_from"] == 5.0


def test_largest_moves_either_way():
    table = change.change_table(*frames(), "m")
    moves = change.largest_moves(table, 2)
    assert moves["adcode"].tolist() == ["2", "1"]
    assert moves["change"].tolist() == pytest.approx([-1.0, 0.5])


def test_year_pair_orders_the_years():
    assert change.year_pair(2024, 2019) == (2019, 2024)
    assert change.year_pair(2020, 2022) == (2020, 2022)


def test_change_figure_colours_each_region_by_its_class_with_a_symmetric_legend():
    table = pd.DataFrame(
        {
            "adcode": ["1", "2", "3", "4"],
            "name": ["A", "B", "C", "D"],
            "value_from": [1.0, 2.0, 1.0, np.nan],
            "value_to": [1.5, 1.0, 1.0, 2.0],
            "change": [0.5, -1.0, 0.0, np.nan],
        }
    )
    texts = {
        "unchanged": "same",
        "no_data": "none",
        "legend": "change",
        "from": "2019",
        "to": "2024",
        "change": "Δ",
        "value": lambda v: f"{v:.1f}",
        "signed": signed,
        "lang": "zh",
    }
    figure = change.change_figure({"type": "FeatureCollection", "features": []}, table, texts)
    regions = next(t for t in figure.data if t.type == "choropleth")
    # sizes 0.5, 1.0 -> thirds 2/3, 5/6, 1: A's rise is in the first step up (class 4), B's fall
    # in the last step down (class 0), C unchanged (class 3)
    assert list(regions.locations) == ["1", "2", "3", "4"]
    assert list(regions.z) == [5, 1, 4, 0]  # class + 1; 0 = no data
    legend = [t.name for t in figure.data if t.showlegend]
    assert legend == [
        "-1.0 – -0.8（1）",
        "-0.8 – -0.7（0）",
        "-0.7 – +0.0（0）",
        "same（1）",
        "+0.0 – +0.7（1）",
        "+0.7 – +0.8（0）",
        "+0.8 – +1.0（0）",
        "none（1）",
    ]
    assert "2019：1.0<br>2024：1.5<br>Δ：+0.5" in regions.hovertext[0]
