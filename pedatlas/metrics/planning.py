"""Maximal covering location planning of new pediatric sites, weighted by children."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pulp
from numpy.typing import ArrayLike, NDArray
from spopt.locate import MCLP


@dataclass(frozen=True)
class CoveragePlan:
    """New sites chosen by the MCLP and the demand weight covered before and after opening them."""

    new_sites: NDArray[np.intp]
    covered_weight_before: float
    covered_weight_after: float
    covered_after: NDArray[np.bool_]


def coverage_mask(
    candidate_distance_km: ArrayLike, radius_km: float, open_sites: ArrayLike
) -> NDArray[np.bool_]:
    """Return, per demand row, whether any open site column lies within radius_km (inclusive)."""
    dist = np.asarray(candidate_distance_km, float)
    sites = np.asarray(open_sites, dtype=np.intp)
    return np.asarray((dist[:, sites] <= radius_km).any(axis=1))


def covered_weight(
    demand_weight: ArrayLike,
    candidate_distance_km: ArrayLike,
    radius_km: float,
    open_sites: ArrayLike,
) -> float:
    """Return the total demand weight within radius_km of any open site."""
    covered = coverage_mask(candidate_distance_km, radius_km, open_sites)
    return float(np.asarray(demand_weight, float)[covered].sum())


def validated_fixed_sites(fixed_sites: ArrayLike, n_candidates: int, k: int) -> NDArray:
    """Return fixed site indices as an int array, raising ValueError if they or k are invalid."""
    fixed = np.asarray(fixed_sites, dtype=np.intp).ravel()
    if fixed.size and (fixed.min() < 0 or fixed.max() >= n_candidates):
        raise ValueError(f"fixed_sites must index the {n_candidates} candidate columns")
    if np.unique(fixed).size != fixed.size:
        raise ValueError("fixed_sites contains duplicates")
    if k < 0 or k + fixed.size > n_candidates:
        raise ValueError(f"cannot open {k} new sites beside {fixed.size} fixed of {n_candidates}")
    return fixed


def solve_mclp(
    demand_weight: ArrayLike,
    candidate_distance_km: ArrayLike,
    radius_km: float,
    k: int,
    fixed_sites: ArrayLike = (),
) -> CoveragePlan:
    """Return the k new sites maximising demand weight covered, with fixed sites always open."""
    weight = np.asarray(demand_weight, float).ravel()
    dist = np.asarray(candidate_distance_km, float)
    if dist.ndim != 2 or dist.shape[0] != weight.size:
        raise ValueError(f"distance must be demand x candidate with {weight.size} rows")
    if np.isnan(weight).any() or (weight < 0).any():
        raise ValueError("demand_weight must be non-negative and free of NaN")
    fixed = validated_fixed_sites(fixed_sites, dist.shape[1], k)
    # spopt counts predefined sites inside p, so p = k + fixed; a full-length 0/1 array is
    # passed because spopt would read a length-n_candidates index list as dummies.
    predefined = np.zeros(dist.shape[1], dtype=int)
    predefined[fixed] = 1
    model = MCLP.from_cost_matrix(
        dist, weight, radius_km, k + fixed.size, predefined if fixed.size else None
    )
    model.solve(pulp.PULP_CBC_CMD(msg=False), results=False)
    opened = [j for j, x in enumerate(model.fac_vars) if x.value() > 0.5]
    new_sites = np.setdiff1d(opened, fixed).astype(np.intp)
    # spopt's perc_cov counts demand locations, not children, so coverage is recomputed here.
    covered_after = coverage_mask(dist, radius_km, opened)
    before = covered_weight(weight, dist, radius_km, fixed)
    return CoveragePlan(new_sites, before, float(weight[covered_after].sum()), covered_after)


def greedy_largest_sites(
    capacity: ArrayLike, k: int, fixed_sites: ArrayLike = ()
) -> NDArray[np.intp]:
    """Return the k non-fixed candidates with the largest capacity (ties by lower index)."""
    cap = np.asarray(capacity, float).ravel()
    fixed = validated_fixed_sites(fixed_sites, cap.size, k)
    free = np.setdiff1d(np.arange(cap.size), fixed)
    order = np.argsort(-cap[free], kind="stable")
    return np.sort(free[order[:k]]).astype(np.intp)
