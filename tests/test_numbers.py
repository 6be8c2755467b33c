"""Numbers that mislead, one test per class of fault (pure parts, hand-computed values).

Small populations, legend classes, trend words and change labels, municipalities, footprints.
"""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from pedatlas import classify, fmt, footprint, rates, scope, trends
from pedatlas.alliances import builders as alliance_footprint
from pedatlas.metrics import small_population as sp


def regions_frame():
    """Six ranked regions and two with tiny child populations that would top any ranking."""
    return pd.DataFrame(
        {
            "adcode": [
                "460301",
                "460302",
                "360102",
                "360103",
                "360104",
                "360111",
                "360112",
                "360113",
            ],
            "name": [
                "西沙区",
                "南沙区",
                "东湖区",
                "西湖区",
                "青云谱区",
                "青山湖区",
                "新建区",
                "红谷滩区",
            ],
            "children": [36, 174, 59_392, 80_000, 10_000, 90_000, 120_000, 70_000],
            "rate": [30 * 1000 / 36, 4 * 1000 / 174, 9.06, 0.5, 0.2, 0.4, 0.3, 0.7],
        }
    )


def test_small_population_flags_fewer_than_ten_thousand_children():
    flags = sp.is_small(pd.Series([36, 9_999, 10_000, 0, None]))
    # 0 and missing have no rate at all: not "small", just no data.
    assert flags.tolist() == [True, True, False, False, False]


def test_small_populations_never_top_a_ranking_and_are_reported():
    best, worst, left_out = sp.ranked(regions_frame(), "rate", count=2)
    assert best["name"].tolist() == ["东湖区", "红谷滩区"]
    assert worst["name"].tolist() == ["青云谱区", "新建区"]
    assert left_out["name"].tolist() == ["西沙区", "南沙区"]
    # Where less is better (children per physician), best and worst swap.
    best, worst, _ = sp.ranked(regions_frame(), "rate", count=1, more_is_better=False)
    assert (best["name"].tolist(), worst["name"].tolist()) == (["青云谱区"], ["东湖区"])


def test_flagged_values_do_not_stretch_the_classes():
    frame = regions_frame()
    flags = sp.is_small(frame["children"])
    classes = classify.classify_values(frame["rate"], "quantiles", None, fmt.rate, flags, k=3)
    # Tertiles of 0.2 0.3 0.4 0.5 0.7 9.06 are 0.367 and 0.567: classes of two; no "0.20 – 833.33".
    assert classes.index.tolist() == [classify.FLAGGED, classify.FLAGGED, 2, 1, 0, 1, 0, 2]
    assert classes.labels == ["0.20 – 0.30", "0.40 – 0.50", "0.70 – 9.06"]
    assert classes.flagged == 2


@pytest.mark.parametrize(
    ("values", "scheme", "target", "labels"),
    [
        # Target 0.87 with every value below 0.5: the old legend read "0.46 – 0.43 (0)".
        ([0.43, 0.44, 0.45, 0.46], "target", 0.87, ["0.43 – 0.44", "0.45 – 0.46"]),
        # Ties: quantile bins 1, 1, 1, 2.6, 5 gave "1.00 – 1.00"; the 1s merge into the next class.
        (
            [1.0, 1.0, 1.0, 1.0, 2.0, 3.0, 4.0, 5.0],
            "quantiles",
            None,
            ["1.00 – 2.00", "3.00 – 5.00"],
        ),
        # One region per target class: single values merge into neighbours.
        ([0.2, 0.5, 0.87, 1.5], "target", 0.87, ["0.20 – 0.50", "0.87 – 1.50"]),
    ],
)
def test_legend_classes_are_never_empty_inverted_or_single_valued(values, scheme, target, labels):
    series = pd.Series(values)
    classes = classify.classify_values(series, scheme, target, fmt.rate)
    counts = classify.class_counts(classes.index, len(classes.labels))
    assert all(count > 0 for count in counts)
    assert classes.labels == labels


def test_target_scheme_only_when_the_target_is_inside_the_range():
    below = classify.classify_values(pd.Series([0.43, 0.44, 0.45, 0.46]), "target", 0.87, fmt.rate)
    assert (below.scheme, below.target_outside) == ("quantiles", True)
    values = pd.Series([0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 1.5, 1.6])
    inside = classify.classify_values(values, "target", 0.87, fmt.rate)
    assert (inside.scheme, inside.target_outside) == ("target", False)
    # Target 0.87: (≤0.435], (0.435, 0.6525], (0.6525, 0.87], (0.87, 1.0875] is empty, (…, 1.6].
    assert inside.bins == pytest.approx([0.435, 0.6525, 0.87, 1.6])
    assert inside.labels == ["0.20 – 0.30", "0.50 – 0.60", "0.70 – 0.80", "1.50 – 1.60"]


def test_one_value_everywhere_gives_one_class():
    classes = classify.classify_values(pd.Series([2.49]), "quantiles", None, fmt.rate)
    assert (classes.labels, classes.index.tolist()) == (["2.49"], [0])


# --- trends -------------------------------------------------------------------------------


def test_a_gini_that_wobbles_by_two_percent_is_roughly_unchanged():
    # The series that was called "差距在缩小": -1.9% overall, up and down.
    assert trends.direction([0.517, 0.524, 0.502, 0.510, 0.513, 0.507]) == "flat"


@pytest.mark.parametrize(
    ("values", "word"),
    [
        ([0.50, 0.52, 0.48, 0.47], "closing"),  # -6%: beyond the 5% threshold
        ([0.50, 0.51, 0.55], "widening"),  # +10%
        ([0.500, 0.498, 0.495, 0.494], "closing"),  # -1.2%, but down every year
        ([0.500, 0.499, 0.4985], "flat"),  # monotone but -0.3%: below 1%
        ([0.5, None, float("nan")], None),
    ],
)
def test_trend_words_follow_the_documented_threshold(values, word):
    assert trends.direction(values) == word


def test_gini_and_theil_give_a_direction_only_when_they_agree():
    assert trends.agreed_direction("closing", "widening") == "flat"
    assert trends.measures_disagree("closing", "widening")
    assert trends.agreed_direction("closing", "closing") == "closing"
    assert trends.agreed_direction("closing", "flat") == "flat"
    assert not trends.measures_disagree("closing", "flat")


def test_every_delta_names_its_base():
    assert trends.labelled_delta("+5.2%", "previous", "zh") == "+5.2%（较上年）"
    assert trends.labelled_delta("-0.010", 2019, "zh") == "-0.010（与 2019 年相比）"
    assert trends.labelled_delta("+1.0 pp", "before", "en") == "+1.0 pp (vs current sites)"
    assert trends.labelled_delta(None, "previous", "zh") is None


@pytest.mark.parametrize("shown", ["+0.0%", "-0.0%", "+0.000", "-0.0000", "+0.0 pp", "0"])
def test_a_change_that_rounds_to_zero_reads_unchanged_without_an_arrow(shown):
    assert trends.is_zero_change(shown)
    assert trends.labelled_delta(shown, "previous", "zh") == "持平（较上年）"
    assert trends.labelled_delta(shown, 2019, "en") == "unchanged (vs 2019)"
    assert trends.metric_delta(shown, None, "en", "inverse") == {
        "delta": "unchanged",
        "delta_color": "off",
        "delta_arrow": "off",
    }


@pytest.mark.parametrize("shown", ["+0.1%", "-0.001", "+12.5 pp", "+1,234"])
def test_a_real_change_keeps_its_sign_arrow_and_colour(shown):
    assert not trends.is_zero_change(shown)
    assert trends.metric_delta(shown, "previous", "en", "inverse") == {
        "delta": f"{shown} (vs previous year)",
        "delta_color": "inverse",
        "delta_arrow": "auto",
    }


def test_metric_cards_draw_no_arrow_for_a_zero_change():
    """What Streamlit draws: ↑ for '+0.0%' as given before, none with metric_delta; overview
    figures of a year equal to the one before all read 持平."""
    from streamlit.proto.Metric_pb2 import Metric
    from streamlit.testing.v1 import AppTest

    from pedatlas.overview.builders import headline_figures

    def cards():
        import streamlit as st

        from pedatlas import trends

        st.metric("raw", "1.00", "+0.0%")
        st.metric("shown", "1.00", **trends.metric_delta("+0.0%", "previous", "zh"))
        st.metric("fell", "1.00", **trends.metric_delta("-2.0%", "previous", "zh", "inverse"))

    app = AppTest.from_function(cards).run()
    raw, shown, fell = (m.proto for m in app.metric)
    assert raw.direction == Metric.MetricDirection.UP  # what the cards showed before
    assert (shown.delta, shown.direction, shown.color) == (
        "持平（较上年）",
        Metric.MetricDirection.NONE,
        Metric.MetricColor.GRAY,
    )
    assert (fell.direction, fell.color) == (Metric.MetricDirection.DOWN, Metric.MetricColor.GREEN)

    year = pd.Series(
        {
            "children": 1000,
            "physicians": 800,
            "beds": 900,
            "nicu_beds": 30,
            "picu_beds": 20,
            "alliances": 3,
            "member_hospitals": 12,
            "counties": 10,
            "counties_with_member": 7,
            "children_covered": 600,
            "referrals_down": 10,
            "referrals_up": 20,
            "transfers": 5,
            "transfer_km": 100.0,
        }
    )
    targets = pd.DataFrame(columns=["indicator", "year", "value"])
    figures = [f for f in headline_figures(year, year, targets, 2024, "zh") if f.delta is not None]
    assert figures
    for figure in figures:
        delta = trends.metric_delta(figure.delta, "previous", "zh", figure.delta_color)
        assert delta == {"delta": "持平（较上年）", "delta_color": "off", "delta_arrow": "off"}


# --- municipalities and footprints ----------------------------------------------------------


def region_list():
    return pd.DataFrame(
        {
            "adcode": ["110000", "110100", "360000", "360100", "360200"],
            "level": ["province", "city", "province", "city", "city"],
            "parent_adcode": [None, "110000", None, "360000", "360000"],
        }
    )


def test_one_level_below_a_municipality_is_its_districts():
    regions = region_list()
    assert scope.is_municipality("110000", regions)
    assert scope.levels_inside("110000", regions) == ("county",)
    assert not scope.is_municipality("360000", regions)
    assert scope.levels_inside("360000", regions) == ("city", "county")
    assert scope.level_below("", regions) == "province"
    assert scope.level_below("360100", regions) == "county"


def test_flow_maps_zoom_to_the_footprint():
    # 徐州 (117.18, 34.26) and 临沂 (118.36, 35.10): span 1.18° lon (widened to 1.5°), 0.84° lat.
    lon, lat = footprint.footprint_ranges([117.18, 118.36], [34.26, 35.10])
    # Half-width = 1.5 x (0.5 + 0.12) = 0.93 around the middles 117.77 and 34.68.
    assert lon == pytest.approx([116.84, 118.70])
    assert lat == pytest.approx([33.75, 35.61])
    figure = footprint.zoom_to_footprint(go.Figure(go.Scattergeo()), [117.18], [34.26])
    assert figure.layout.geo.fitbounds is False
    assert list(figure.layout.geo.lonaxis.range) == pytest.approx([117.18 - 0.93, 117.18 + 0.93])
    assert footprint.footprint_ranges([], []) is None
    assert footprint.footprint_ranges([np.nan], [30.0]) is None


# --- how the rule is said on screen -----------------------------------------------------------


def test_small_populations_are_named_in_legend_hover_table_and_ranking_note():
    frame = regions_frame()
    classes = rates.rate_classes(frame, "rate", "quantiles", None, fmt.rate, k=3)
    assert rates.flagged_legend(classes, "zh") == (
        "儿童少于1万，比率不稳定",
        rates.FLAGGED_COLOR,
    )
    assert rates.hover_flags(frame["children"], "zh")[0].endswith("不参与分级与排名</i>")
    assert rates.hover_flags(frame["children"], "zh")[2] == ""
    assert rates.table_flags(frame["children"], "en").tolist()[:3] == [
        "fewer than 10,000 children",
        "fewer than 10,000 children",
        "",
    ]
    _, _, left_out = sp.ranked(frame, "rate")
    assert rates.left_out_note(left_out, "zh") == (
        "2 个儿童少于1万的地区未参与排名（比率不稳定）：西沙区、南沙区。"
    )
    assert rates.left_out_note(left_out.iloc[0:0], "zh") == ""


def test_a_target_outside_the_range_is_explained():
    values = pd.Series([0.43, 0.44, 0.45, 0.46])
    frame = pd.DataFrame({"rate": values, "children": [50_000] * 4})
    classes = rates.rate_classes(frame, "rate", "target", 0.87, fmt.rate)
    assert rates.target_note(classes, values, 0.87, fmt.rate, "zh") == (
        "目标值 0.87 不在本图数据范围（0.43 – 0.46）内，按目标分级无从区分，已改用分位数分级。"
    )


# --- recruitment gap over an alliance's footprint ---------------------------------------------


def huaihai_like():
    """Home 徐州市 (2 counties, one with a member), a member in 临沂市 (山东), one empty 临沂 county,
    and a county of 济南 (山东, no member) that is on the map but outside the footprint."""
    return pd.DataFrame(
        {
            "adcode": ["320302", "320303", "371302", "371311", "370102"],
            "name": ["鼓楼区", "云龙区", "兰山区", "罗庄区", "历下区"],
            "province_adcode": ["320000", "320000", "370000", "370000", "370000"],
            "city_adcode": ["320300", "320300", "371300", "371300", "370100"],
            "city_name": ["徐州市", "徐州市", "临沂市", "临沂市", "济南市"],
            "children": [100_000, 80_000, 300_000, 120_000, 90_000],
            "children_per_km2": [500.0, 300.0, 350.0, 200.0, 900.0],
            "members": [1, 0, 2, 0, 0],
            "in_home": [True, True, False, False, False],
        }
    )


def test_gap_of_a_cross_province_alliance_covers_every_member_city():
    counties = huaihai_like()
    gap = alliance_footprint.recruitment_gap(counties)
    # 罗庄区 (临沂, 120,000 children) first, then 云龙区 (徐州); 历下区 (济南, no member city) is not a gap.
    assert gap["name"].tolist() == ["罗庄区", "云龙区"]
    assert alliance_footprint.region_coverage(counties) == {
        "counties": 4,
        "covered": 2,
        "gap": 2,
        "gap_children": 200_000,
    }
    assert alliance_footprint.region_summary(counties) == {
        "kind": "footprint",
        "cities": 2,
        "provinces": 2,
    }


def test_gap_of_an_alliance_inside_its_home_stays_the_home_region():
    counties = huaihai_like().assign(members=[1, 0, 0, 0, 0])
    assert alliance_footprint.recruitment_gap(counties)["name"].tolist() == ["云龙区"]
    assert alliance_footprint.region_summary(counties)["kind"] == "home"
