"""Formatting, class breaks, URL parsing, density measures and scopes against hand-computed cases."""

import math

import numpy as np
import pandas as pd
import pytest

from pedatlas import classify, fmt, scope, state
from pedatlas.metrics import density


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (253_383_938, "zh", "2.5亿"),
        (12_345, "zh", "1.2万"),
        (9_999, "zh", "9,999"),
        (5_098_363, "zh", "509.8万"),
        (253_383_938, "en", "253.4M"),
        (12_345, "en", "12,345"),
        (None, "zh", "—"),
        (float("nan"), "en", "—"),
    ],
)
def test_big_number_for_chinese_and_english_readers(value, lang, text):
    assert fmt.big_number(value, lang) == text


def test_small_formatters():
    assert fmt.percent(0.4567) == "45.7%"
    assert fmt.km(123456.7) == "123,457 km"
    assert fmt.rate(0.7912) == "0.79"
    assert fmt.signed_percent(0.052) == "+5.2%" and fmt.signed_percent(-0.1) == "-10.0%"
    assert fmt.relative_change(110, 100) == pytest.approx(0.1) and fmt.relative_change(1, 0) is None


def test_quantile_bins_and_classes_hand_computed():
    values = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, np.nan])
    bins = classify.class_bins(values, "quantiles", k=5)
    # Quintiles of 1..10 (linear interpolation): 2.8, 4.6, 6.4, 8.2, 10.
    assert bins == pytest.approx([2.8, 4.6, 6.4, 8.2, 10.0])
    assert classify.class_index(values, bins).tolist() == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, -1]
    # Each label is the range of the values its class holds.
    assert classify.class_labels(bins, values, fmt.rate)[0] == "1.00 – 2.00"


def test_natural_breaks_split_two_clusters():
    values = pd.Series([1.0, 1.1, 1.2, 9.0, 9.1, 9.2])
    assert classify.class_bins(values, "natural_breaks", k=2) == pytest.approx([1.2, 9.2])


def test_target_scheme_breaks_at_the_target():
    values = pd.Series([0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.5, 1.6])
    # Target 0.87: 0.435, 0.6525, 0.87, 1.0875, then the maximum.
    assert classify.class_bins(values, "target", target=0.87) == pytest.approx(
        [0.435, 0.6525, 0.87, 1.0875, 1.6]
    )


def test_few_distinct_values_give_few_classes():
    assert classify.class_bins(pd.Series([3.0, 3.0, 3.0]), "quantiles") == [3.0]
    assert classify.class_bins(pd.Series([np.nan]), "quantiles") == []


@pytest.mark.parametrize(
    ("raw", "values", "bad"),
    [
        ({}, {"lang": "zh", "year": 2024, "region": ""}, []),
        (
            {"lang": "en", "year": "2020", "region": "360100"},
            {"lang": "en", "year": 2020, "region": "360100"},
            [],
        ),
        ({"year": "20x"}, {"lang": "zh", "year": 2024, "region": ""}, ["year"]),
        ({"region": "3601"}, {"lang": "zh", "year": 2024, "region": ""}, ["region"]),
        ({"region": "100000"}, {"lang": "zh", "year": 2024, "region": ""}, []),
        ({"lang": "de"}, {"lang": "zh", "year": 2024, "region": ""}, ["lang"]),
    ],
)
def test_parse_params_falls_back_with_notices(raw, values, bad):
    parsed, notices = state.parse_params(raw, state.GLOBAL_PARAMS)
    assert parsed == values | {"_present": False}  # projector mode is off unless a link asks
    assert [notice.name for notice in notices] == bad


def test_parse_params_respects_allowed_values():
    parsed, notices = state.parse_params(
        {"year": "1999"}, state.GLOBAL_PARAMS, {"year": (2024, 2023)}
    )
    assert parsed["year"] == 2024 and notices[0].value == "1999"


def test_url_params_leave_defaults_out():
    params = state.params_for("resource_map")
    values = {
        "lang": "zh",
        "year": 2024,
        "region": "360000",
        "level": "",
        "metric": "beds_per_1000",
        "scheme": "quantiles",
        "hospitals": True,
        "county": "",
    }
    assert state.url_params(values, params) == {
        "region": "360000",
        "metric": "beds_per_1000",
        "hospitals": "1",
    }
    assert state.query_string(values, params) == "?region=360000&metric=beds_per_1000&hospitals=1"
    assert state.unknown_params({"region": "1", "zoom": "3", "_tab": "x"}, params) == ["zoom"]


def test_region_measures_hand_computed():
    rows = pd.DataFrame(
        {
            "adcode": ["a", "b"],
            "children": [2000, 0],
            "physicians": [3, 5],
            "beds": [10, 0],
            "icu_beds": [1, 0],
            "member_hospitals": [4, 0],
            "counties": [2, 1],
            "children_covered": [1500, 0],
        }
    )
    measures = density.region_measures(rows, physician_target=0.75)
    assert measures["physicians_per_1000"].iloc[0] == pytest.approx(1.5)
    assert measures["beds_per_1000"].iloc[0] == pytest.approx(5.0)
    assert measures["children_per_physician"].iloc[0] == pytest.approx(2000 / 3)
    assert measures["target_share"].iloc[0] == pytest.approx(2.0)
    assert measures["members_per_county"].tolist() == [2.0, 0.0]
    assert measures["coverage_share"].iloc[0] == pytest.approx(0.75)
    assert math.isnan(measures["physicians_per_1000"].iloc[1])


def test_target_value_picks_the_next_target_year():
    targets = pd.DataFrame({"indicator": ["p", "p"], "year": [2025, 2030], "value": [0.87, 1.12]})
    assert density.target_value(targets, "p", 2024) == (0.87, 2025)
    assert density.target_value(targets, "p", 2026) == (1.12, 2030)
    assert density.target_value(targets, "p", 2031) == (1.12, 2030)
    assert density.target_value(targets, "q", 2024) is None


def test_ranked_best_and_worst():
    measures = pd.DataFrame({"adcode": list("abcd"), "v": [3.0, 1.0, np.nan, 2.0]})
    best, worst = density.ranked(measures, "v", count=2)
    assert list(best["adcode"]) == ["a", "d"] and list(worst["adcode"]) == ["b", "d"]


def test_scope_levels_and_layers():
    regions = pd.DataFrame(
        {
            "adcode": ["360000", "360100", "419001"],
            "level": ["province", "city", "county"],
            "name": ["江西省", "南昌市", "济源市"],
            "parent_adcode": [None, "360000", "410000"],
        }
    )
    assert [scope.scope_level(code, regions) for code in ("", "360000", "360100", "419001")] == [
        "national",
        "province",
        "city",
        "city",
    ]
    assert scope.levels_below("national") == ("province", "city", "county")
    assert scope.boundary_layer("national", "county") == "county"
    assert scope.boundary_layer("province", "county") == "county_fine"
    assert scope.parent_chain("360100", regions) == [
        ("", ""),
        ("360000", "江西省"),
        ("360100", "南昌市"),
    ]


def test_natural_breaks_at_national_county_size_are_quick_and_end_at_the_maximum():
    values = pd.Series(np.random.default_rng(7).lognormal(size=2848))
    bins = classify.class_bins(values, "natural_breaks")
    assert len(bins) == 5 and bins == sorted(bins) and bins[-1] == pytest.approx(values.max())
    assert classify.class_bins(values, "natural_breaks") == bins
