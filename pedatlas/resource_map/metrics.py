"""The resource map's measures, each declared once: adding one here adds it to the picker, the
map and its legend, the table, the link parameter and the tests (tests/resource_map/).

A measure's name is its URL value (?metric=...), the column that density.region_measures computes,
and its label key metric_<name> in resource_map/strings.py (with {target} and {year} available).
"""

from collections.abc import Callable
from dataclasses import dataclass

from pedatlas import fmt


@dataclass(frozen=True)
class MapMetric:
    """One measure of the resource map."""

    name: str
    formatter: Callable[[float], str] = fmt.rate
    more_is_worse: bool = False  # colours run from good (light) to bad (dark) the other way

    @property
    def column(self) -> str:
        """The column of density.region_measures holding the measure."""
        return self.name

    @property
    def label_key(self) -> str:
        """The i18n key of the measure's label."""
        return f"metric_{self.name}"


METRICS = (
    MapMetric("physicians_per_1000"),
    MapMetric("beds_per_1000"),
    MapMetric("icu_beds_per_1000"),
    MapMetric("children_per_physician", fmt.integer, more_is_worse=True),
    MapMetric("target_share", fmt.percent),
    MapMetric("members_per_county"),
)
NAMES = tuple(metric.name for metric in METRICS)
_BY_NAME = {metric.name: metric for metric in METRICS}


def metric(name: str) -> MapMetric:
    """The measure called name."""
    return _BY_NAME[name]
