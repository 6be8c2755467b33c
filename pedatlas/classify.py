"""Class breaks for choropleths (mapclassify) and the legend labels that say what a colour means.

Legends must read true: every class holds at least one region, its label is the range of the
values it holds ('0.42 – 0.61', or '0.42' when they all read the same), classes never overlap or
invert, and the target scheme is used only when the target lies inside the data's range.
"""

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd

SCHEME_CLASSES = 5
FISHER_JENKS_SAMPLE = 240
NO_DATA = -1
FLAGGED = -2  # a value shown but kept out of the classes (e.g. a small population's rate)


def class_bins(
    values: pd.Series, scheme: str, target: float | None = None, k: int = SCHEME_CLASSES
) -> list[float]:
    """Upper bounds of each class for the valid values (quantiles, Fisher-Jenks, or around a target).

    Repaired (see repair_bins): no empty, duplicate or inverted classes; the last ends at the maximum.
    """
    valid = values.dropna().astype(float).to_numpy()
    if valid.size == 0:
        return []
    distinct = np.unique(valid).size
    if scheme == "target" and target:
        bounds = [0.5 * target, 0.75 * target, target, 1.25 * target]
        return repair_bins([*bounds, float(valid.max())], valid)
    k = max(1, min(k, distinct))
    if k == 1:
        return [float(valid.max())]
    if scheme == "natural_breaks":
        return repair_bins(fisher_jenks_bins(valid, k), valid)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # tied quantiles: repair_bins merges them
        bins = mapclassify.Quantiles(valid, k=k).bins
    return repair_bins([float(b) for b in bins], valid)


def repair_bins(bins: list[float], valid: np.ndarray) -> list[float]:
    """Upper bounds sorted and unique, ending at the maximum, every class holding a range of values.

    Empty classes are dropped; a class whose values are all equal is merged into the next class
    (the last one into the one before), unless every value is the same.
    """
    if valid.size == 0:
        return []
    top = float(valid.max())
    bounds = sorted({float(b) for b in bins if b < top} | {top})
    counts = np.bincount(np.searchsorted(bounds, valid, side="left"), minlength=len(bounds))
    bounds = [b for b, count in zip(bounds, counts, strict=True) if count > 0]
    while len(bounds) > 1:
        single = _single_value_class(bounds, valid)
        if single is None:
            break
        del bounds[single if single < len(bounds) - 1 else single - 1]
    return bounds


def _single_value_class(bounds: list[float], valid: np.ndarray) -> int | None:
    """The first class whose values are all equal, or None."""
    index = np.searchsorted(bounds, valid, side="left")
    for number in range(len(bounds)):
        members = valid[index == number]
        if members.min() == members.max():
            return number
    return None


def target_in_range(values: pd.Series, target: float | None) -> bool:
    """Whether a target lies strictly between the smallest and largest valid value."""
    if not target:
        return False
    valid = values.dropna().astype(float)
    return not valid.empty and valid.min() < float(target) < valid.max()


def fisher_jenks_bins(valid: np.ndarray, k: int, sample: int = FISHER_JENKS_SAMPLE) -> list[float]:
    """Fisher-Jenks optimal breaks (deterministic, unlike mapclassify.NaturalBreaks).

    Without numba mapclassify's Fisher-Jenks is O(k n^2) in Python (25 s for 2,848 counties), so
    larger inputs are summarised by `sample` evenly spaced order statistics first: deterministic,
    and the last class still ends at the true maximum.
    """
    if valid.size > sample:
        valid = np.quantile(valid, np.linspace(0, 1, sample))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Numba not installed": expected, see above
        return [float(b) for b in mapclassify.FisherJenks(valid, k=k).bins]


def class_index(values: pd.Series, bins: list[float]) -> np.ndarray:
    """Class of each value (0 = lowest), -1 where there is no value."""
    numbers = values.astype(float).to_numpy()
    index = np.searchsorted(np.asarray(bins), numbers, side="left")
    index = np.minimum(index, max(len(bins) - 1, 0))
    return np.where(np.isnan(numbers), NO_DATA, index)


def range_label(low: float, high: float, formatter: Callable) -> str:
    """'0.42 – 0.61', or one value when both ends read the same."""
    low_text, high_text = formatter(low), formatter(high)
    return low_text if low_text == high_text else f"{low_text} – {high_text}"


def class_labels(bins: list[float], values: pd.Series, formatter: Callable) -> list[str]:
    """The range of the values each class holds ('0.42 – 0.61'), one label per class."""
    valid = values.dropna().astype(float)
    index = class_index(valid, bins)
    labels = []
    for number in range(len(bins)):
        members = valid.to_numpy()[index == number]
        labels.append(range_label(members.min(), members.max(), formatter) if members.size else "")
    return labels


def class_counts(index: np.ndarray, classes: int) -> list[int]:
    """How many regions fall in each class."""
    return [int((index == c).sum()) for c in range(classes)]


@dataclass(frozen=True)
class Classes:
    """A measure's classes as drawn: class per region (-1 no data, -2 flagged), labels, bins.

    scheme is the scheme used; when the target scheme was asked for but the target lies outside
    the data's range it is 'quantiles' and target_outside is True (the page says why).
    """

    index: np.ndarray
    labels: list[str]
    bins: list[float]
    scheme: str
    target_outside: bool = False

    @property
    def flagged(self) -> int:
        return int((self.index == FLAGGED).sum())


def classify_values(
    values: pd.Series,
    scheme: str,
    target: float | None,
    formatter: Callable,
    flagged: pd.Series | None = None,
    k: int = SCHEME_CLASSES,
) -> Classes:
    """Classes of values, leaving flagged rows (e.g. small populations) out of the breaks."""
    values = values.astype(float).reset_index(drop=True)
    flags = (
        np.zeros(len(values), bool) if flagged is None else np.asarray(flagged, dtype=bool)
    ) & values.notna().to_numpy()
    classed = values.where(~flags)
    outside = scheme == "target" and not target_in_range(classed, target)
    used = "quantiles" if outside else scheme
    bins = class_bins(classed, used, target, k)
    index = np.where(flags, FLAGGED, class_index(classed, bins))
    return Classes(index, class_labels(bins, classed, formatter), bins, used, outside)
