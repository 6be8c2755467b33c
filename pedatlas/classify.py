"""Class breaks for choropleths (mapclassify) and the legend labels that say what a colour means."""

import mapclassify
import numpy as np
import pandas as pd

SCHEME_CLASSES = 5


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
        # Fisher-Jenks: the optimal natural breaks, deterministic (mapclassify.NaturalBreaks is not).
        return [float(b) for b in mapclassify.FisherJenks(valid, k=k).bins]
    return [float(b) for b in mapclassify.Quantiles(valid, k=k).bins]


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
