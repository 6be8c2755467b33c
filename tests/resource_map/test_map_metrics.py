"""The map-measure registry: every declared measure has its words, its column and its format."""

import math

import pandas as pd
import pytest

from pedatlas import state
from pedatlas.i18n import all_strings
from pedatlas.metrics import density
from pedatlas.resource_map import metrics

ROWS = pd.DataFrame(
    {
        "adcode": ["360102", "360121"],
        "children": [2000, 0],
        "physicians": [3, 1],
        "beds": [8, 2],
        "icu_beds": [1, 0],
        "member_hospitals": [2, 0],
        "counties": [1, 1],
        "children_covered": [2000, 0],
    }
)


@pytest.mark.parametrize("measure", metrics.METRICS, ids=metrics.NAMES)
def test_every_measure_has_a_label_in_both_languages(measure):
    zh, en = all_strings()[measure.label_key]
    assert zh and en and zh != en


@pytest.mark.parametrize("measure", metrics.METRICS, ids=metrics.NAMES)
def test_every_measure_is_a_column_of_the_region_measures(measure):
    measures = density.region_measures(ROWS, 0.8)
    assert measure.column in measures.columns
    assert isinstance(measure.formatter(measures[measure.column].iloc[0]), str)


def test_hand_computed_values_and_formats():
    measures = density.region_measures(ROWS, 0.8).set_index("adcode")
    shown = {m.name: m.formatter(measures.at["360102", m.column]) for m in metrics.METRICS}
    assert shown == {
        "physicians_per_1000": "1.50",  # 3 physicians / 2,000 children * 1,000
        "beds_per_1000": "4.00",
        "icu_beds_per_1000": "0.50",
        "children_per_physician": "667",  # 2,000 / 3
        "target_share": "187.5%",  # 1.5 / 0.8
        "members_per_county": "2.00",
    }
    assert math.isnan(measures.at["360121", "physicians_per_1000"])


def test_the_link_parameter_offers_exactly_the_registry():
    metric_param = next(p for p in state.page_params("resource_map") if p.name == "metric")
    assert metric_param.choices == metrics.NAMES
    assert [m.name for m in metrics.METRICS if m.more_is_worse] == ["children_per_physician"]
