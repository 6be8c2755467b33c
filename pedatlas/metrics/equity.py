"""Population-weighted inequality of a resource across units (Lorenz, Gini, Theil)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray


@dataclass(frozen=True)
class TheilDecomposition:
    """Theil index split into between-group and within-group parts."""

    total: float
    between: float
    within: float
    between_share: float
    within_share: float


def validated_resource_population(
    resource: ArrayLike, population: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return resource and population as float arrays, raising ValueError on bad input."""
    res = np.asarray(resource, dtype=float).ravel()
    pop = np.asarray(population, dtype=float).ravel()
    if res.shape != pop.shape:
        raise ValueError(
            f"resource and population must have the same length, got {res.size} and {pop.size}"
        )
    for name, values in (("resource", res), ("population", pop)):
        if np.isnan(values).any():
            raise ValueError(f"{name} contains NaN")
        if (values < 0).any():
            raise ValueError(f"{name} contains negative values")
        if not np.isfinite(values).all():
            raise ValueError(f"{name} contains infinite values")
        if values.sum() == 0:
            raise ValueError(f"total {name} is 0; inequality is undefined")
    return res, pop


def per_capita(resource: NDArray[np.float64], population: NDArray[np.float64]) -> NDArray:
    """Return resource per person; zero-population units get inf (0 if they also lack resource)."""
    ratio = np.where(resource > 0, np.inf, 0.0)
    np.divide(resource, population, out=ratio, where=population > 0)
    return ratio


def lorenz_curve(resource: ArrayLike, population: ArrayLike) -> pd.DataFrame:
    """Return the Lorenz curve (cumulative population and resource shares) from (0, 0) to (1, 1)."""
    res, pop = validated_resource_population(resource, population)
    order = np.argsort(per_capita(res, pop), kind="stable")
    cum_pop = np.concatenate(([0.0], np.cumsum(pop[order]) / pop.sum()))
    cum_res = np.concatenate(([0.0], np.cumsum(res[order]) / res.sum()))
    return pd.DataFrame({"cum_population_share": cum_pop, "cum_resource_share": cum_res})


def gini_coefficient(resource: ArrayLike, population: ArrayLike) -> float:
    """Return the population-weighted Gini coefficient from the area under the Lorenz curve."""
    curve = lorenz_curve(resource, population)
    x = curve["cum_population_share"].to_numpy()
    y = curve["cum_resource_share"].to_numpy()
    return float(1.0 - np.sum(np.diff(x) * (y[1:] + y[:-1])))


def theil_terms(
    resource_share: NDArray[np.float64], population_share: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Return w_i * ln(w_i / n_i) per unit, with 0 where the unit holds no resource."""
    if ((resource_share > 0) & (population_share == 0)).any():
        raise ValueError("a unit with resource but zero population makes the Theil index infinite")
    held = resource_share > 0
    terms = np.zeros_like(resource_share)
    terms[held] = resource_share[held] * np.log(resource_share[held] / population_share[held])
    return terms


def theil_index(resource: ArrayLike, population: ArrayLike) -> float:
    """Return the population-weighted Theil T index, sum_i w_i ln(w_i / n_i)."""
    res, pop = validated_resource_population(resource, population)
    return float(theil_terms(res / res.sum(), pop / pop.sum()).sum())


def theil_decomposition(
    resource: ArrayLike, population: ArrayLike, group: ArrayLike
) -> TheilDecomposition:
    """Return the Theil T index decomposed into between-group and within-group components."""
    res, pop = validated_resource_population(resource, population)
    codes, _ = pd.factorize(np.asarray(group).ravel(), use_na_sentinel=False)
    if codes.size != res.size:
        raise ValueError(f"group must have the same length as resource, got {codes.size}")
    w, n = res / res.sum(), pop / pop.sum()
    # numpy's stub types bincount as integer even with float weights
    group_w = cast(NDArray[np.float64], np.bincount(codes, weights=w))
    group_n = cast(NDArray[np.float64], np.bincount(codes, weights=n))
    total = float(theil_terms(w, n).sum())
    between = float(theil_terms(group_w, group_n).sum())
    # W_g * T_g summed over g equals sum_i w_i ln((w_i / n_i) / (W_g / N_g)).
    held = w > 0
    unit_ratio = w[held] / n[held]
    group_ratio = group_w[codes[held]] / group_n[codes[held]]
    within = float(np.sum(w[held] * np.log(unit_ratio / group_ratio)))
    # At (near) perfect equality there is nothing to apportion and rounding noise would
    # dominate the ratios, so the shares are reported as undefined.
    material = total > 1e-12
    between_share = between / total if material else float("nan")
    within_share = within / total if material else float("nan")
    return TheilDecomposition(total, between, within, between_share, within_share)
