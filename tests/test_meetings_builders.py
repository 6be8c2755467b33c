"""Pure builders of the meetings views, against hand-computed values."""

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from pedatlas.meetings import change, growth, present, scenarios


def signed(value: float) -> str:
    return f"{value:+.1f}"


# --- diverging classes -----------------------------------------------------------------------


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


# --- change table and the largest moves --------------------------------------------------------


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


# --- growth playback ---------------------------------------------------------------------------


def members():
    return pd.DataFrame(
        {
            "alliance_id": ["a", "a", "a", "b", "b"],
            "hospital_id": ["h1", "h2", "h3", "h1", "h4"],
            "county_adcode": ["c1", "c1", "c2", "c1", "c3"],
            "lon": [1.0, 1.1, 2.0, 1.0, 3.0],
            "lat": [1.0, 1.1, 2.0, 1.0, 3.0],
            "joined_on": pd.to_datetime(
                ["2018-03-01", "2019-12-31", "2019-06-01", "2020-01-01", "2018-05-01"]
            ),
            "left_on": pd.to_datetime([None, None, "2020-12-31", None, "2019-01-01"]),
        }
    )


def counties():
    return pd.DataFrame(
        {
            "adcode": ["c1", "c2", "c3", "c4"],
            "name": ["一", "二", "三", "四"],
            "children": [100, 50, 30, 20],
        }
    )


def test_active_at_year_end_counts_the_last_day_and_drops_leavers():
    active = growth.active_at_year_end(members(), 2019)
    # h2 joined on 31 Dec 2019 (active), h3 active, h4 left in Jan 2019, h1 in b joins 2020
    assert active.tolist() == [True, True, True, False, False]
    # left on 31 Dec 2020 is not active at the end of 2020
    assert growth.active_at_year_end(members(), 2020).tolist() == [True, True, False, True, False]


def test_county_coverage_by_year_with_first_year_covered():
    coverage = growth.county_coverage(members(), [2018, 2019, 2020])
    rows = [tuple(r) for r in coverage[["year", "adcode", "hospitals", "first_year"]].values]
    assert rows == [
        (2018, "c1", 1, 2018),
        (2018, "c3", 1, 2018),
        (2019, "c1", 2, 2018),
        (2019, "c2", 1, 2019),
        (2020, "c1", 2, 2020 - 2),
    ]


def test_growth_summary_per_year():
    summary = growth.growth_summary(members(), counties(), [2018, 2019, 2020])
    assert summary["alliances"].tolist() == [2, 1, 2]
    assert summary["hospitals"].tolist() == [2, 3, 2]  # h1 counts once in two alliances
    assert summary["joined"].tolist() == [2, 2, 1]
    assert summary["counties_covered"].tolist() == [2, 2, 1]
    assert summary["children_covered"].tolist() == [130.0, 150.0, 100.0]
    assert summary["coverage_share"].tolist() == pytest.approx([0.65, 0.75, 0.5])


def test_growth_animation_has_one_frame_per_year_with_new_counties_highlighted():
    labels = {
        "hospitals": "H",
        "new": "new",
        "earlier": "earlier",
        "play": "▶",
        "pause": "❚❚",
        "year": "Y",
    }
    figure = growth.growth_animation(
        {"type": "FeatureCollection", "features": []},
        counties(),
        members(),
        [2018, 2019, 2020],
        labels,
        lambda row: f"{row['year']}: {row['counties_covered']}",
    )
    assert [f.name for f in figure.frames] == ["2018", "2019", "2020"]
    second = figure.frames[1]
    assert second.layout.title.text == "2019: 2"
    covered = second.data[0]
    assert list(covered.locations) == ["c1", "c2"] and list(covered.z) == [0, 1]
    assert len(second.data[1].lon) == 3
    assert second.data[0].geojson is None  # the boundary layer is sent once, not per frame
    assert figure.layout.title.text == "2018: 2"
    assert [s["label"] for s in figure.layout.sliders[0].steps] == ["2018", "2019", "2020"]
    json.loads(figure.to_json())  # serialisable for the browser


# --- scenarios ---------------------------------------------------------------------------------


def test_scenarios_parse_from_and_write_back_to_the_link():
    parsed = scenarios.parse_scenarios("members-3-50, members-5-50,nicu-2-100,members-3-50")
    assert parsed == (
        scenarios.Scenario("members", 3, 50),
        scenarios.Scenario("members", 5, 50),
        scenarios.Scenario("nicu", 2, 100),
    )
    assert scenarios.scenarios_text(parsed) == "members-3-50,members-5-50,nicu-2-100"
    assert scenarios.parse_scenarios("") == ()


@pytest.mark.parametrize(
    "text",
    [
        "beds-3-50",
        "members-0-50",
        "members-3-55",
        "members-3",
        "members-x-50",
        "members-1-50,members-2-50,members-3-50,members-4-50",
    ],
)
def test_bad_scenarios_are_refused(text):
    with pytest.raises(ValueError):
        scenarios.parse_scenarios(text)


def measures(before, after):
    rows = {
        "before": {
            "sites_added": 0,
            "children_covered": before[0],
            "coverage_share": before[1],
            "gini": before[2],
            "theil": before[3],
            "access_per_1000": before[4],
        },
        "optimized": {
            "sites_added": after[0],
            "children_covered": after[1],
            "coverage_share": after[2],
            "gini": after[3],
            "theil": after[4],
            "access_per_1000": after[5],
        },
    }
    return pd.DataFrame.from_dict(rows, orient="index")


def test_compare_scenarios_lines_up_before_after_and_change():
    a = scenarios.Scenario("members", 3, 50)
    b = scenarios.Scenario("nicu", 2, 50)
    table = scenarios.compare_scenarios(
        [
            (a, measures((600, 0.6, 0.30, 0.10, 0.50), (3, 800, 0.8, 0.25, 0.08, 0.60))),
            (b, measures((400, 0.4, 0.40, 0.20, 0.20), (2, 500, 0.5, 0.40, 0.21, 0.25))),
        ]
    )
    assert table["scenario"].tolist() == ["members-3-50", "nicu-2-50"]
    assert table["children_new"].tolist() == [200, 100]
    assert table["coverage_change"].tolist() == pytest.approx([0.2, 0.1])
    assert table["gini_change"].tolist() == pytest.approx([-0.05, 0.0])
    assert table["theil_change"].tolist() == pytest.approx([-0.02, 0.01])
    assert table["access_change"].tolist() == pytest.approx([0.2, 0.25])
    assert table["sites_added"].tolist() == [3, 2]
    assert scenarios.best_scenario(table) == "members-3-50"
    assert scenarios.best_scenario(table.iloc[0:0]) is None


# --- projector mode ----------------------------------------------------------------------------


def test_deck_moves_through_the_pages_in_order_without_the_data_page():
    pages = ["overview", "resource_map", "alliances", "planning", "data"]
    assert present.deck(pages, "overview") == (None, "resource_map")
    assert present.deck(pages, "alliances") == ("resource_map", "planning")
    assert present.deck(pages, "planning") == ("alliances", None)
    assert present.deck(pages, "data") == (None, "overview")


def test_key_script_maps_clicker_keys_to_the_links():
    script = present.key_script()
    assert '"PageDown"' in script and '"ArrowRight"' in script and "present_next" in script
    assert '"PageUp"' in script and "present_previous" in script and '"Escape"' in script


def test_enlarge_figure_scales_markers_lines_and_text():
    figure = go.Figure(
        [
            go.Scattergeo(lon=[1, 2], lat=[1, 2], marker={"size": [10, 20]}, line={"width": 2}),
            go.Scatter(x=[1], y=[1], marker={"size": 5}),
            go.Choropleth(locations=["a"], z=[1]),
        ],
        frames=[go.Frame(data=[go.Scattergeo(lon=[1], lat=[1], marker={"size": 4})])],
    )
    present.enlarge_figure(figure, scale=2)
    assert list(figure.data[0].marker.size) == [20, 40]
    assert figure.data[0].line.width == 4
    assert figure.data[1].marker.size == 10
    assert figure.frames[0].data[0].marker.size == 8
    assert figure.layout.font.size == present.FONT_SIZE


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
