"""Class breaks for choropleths (mapclassify) and the legend labels that say what a colour means."""

import warnings

import mapclassify
import numpy as np
import pandas as pd

SCHEME_CLASSES = 5
FISHER_JENKS_SAMPLE = 240


def class_bins(
    values: pd.Series, scheme: str, target: float | None = None, k: int = SCHEME_CLASSES
) -> list[float]:
    """Upper bounds of each class for the valid values (quantiles, Fisher-Jenks, or around a target)."""
    valid = values.dropna().astype(float).to_numpy()
    if valid.size == 0:
        return []
    distinct = np.unique(valid).size
    if scheme == "target" and target:
        bounds = [0.5 * target, 0.75 * target, target, 1.25 * target]
        return sorted({*[b for b in bounds if b < valid.max()], float(valid.max())})
    k = max(1, min(k, distinct))
    if k == 1:
        return [float(valid.max())]
    if scheme == "natural_breaks":
        return fisher_jenks_bins(valid, k)
    return [float(b) for b in mapclassify.Quantiles(valid, k=k).bins]


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
    return np.where(np.isnan(numbers), -1, index)


def class_labels(bins: list[float], values: pd.Series, formatter) -> list[str]:
    """'0.42 – 0.61' style labels, the first starting at the smallest value."""
    if not bins:
        return []
    low = float(values.dropna().min())
    edges = [low, *bins]
    return [f"{formatter(edges[i])} – {formatter(edges[i + 1])}" for i in range(len(bins))]


def class_counts(index: np.ndarray, classes: int) -> list[int]:
    """How many regions fall in each class."""
    return [int((index == c).sum()) for c in range(classes)]
