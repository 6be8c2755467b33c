"""Great-circle distances and two-step floating catchment area (2SFCA / E2SFCA) accessibility.

Distance inputs are laid out demand x supply: row i is a demand location, column j a supply site.
They may be a dense ndarray or a scipy.sparse matrix from `catchment_distance_matrix_km`, whose
stored entries are the reachable pairs (explicit zeros are kept and mean distance 0).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import sparse
from scipy.spatial import cKDTree

EARTH_RADIUS_KM = 6371.0088
LUO_QI_2009_WEIGHTS = (1.00, 0.68, 0.22)

DistanceDecay = Callable[[NDArray[np.float64]], NDArray[np.float64]]
DistanceInput: TypeAlias = NDArray[np.float64] | sparse.sparray | sparse.spmatrix


def haversine_km(lon1: ArrayLike, lat1: ArrayLike, lon2: ArrayLike, lat2: ArrayLike) -> NDArray:
    """Return great-circle distances in km between broadcast lon/lat pairs in degrees."""
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlam = (np.radians(lon2) - np.radians(lon1)) / 2
    a = np.sin(half_dphi) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(half_dlam) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def distance_matrix_km(
    origin_lon: ArrayLike, origin_lat: ArrayLike, dest_lon: ArrayLike, dest_lat: ArrayLike
) -> NDArray[np.float64]:
    """Return the dense origin x destination great-circle distance matrix in km."""
    o_lon, o_lat = np.asarray(origin_lon, float)[:, None], np.asarray(origin_lat, float)[:, None]
    d_lon, d_lat = np.asarray(dest_lon, float)[None, :], np.asarray(dest_lat, float)[None, :]
    return haversine_km(o_lon, o_lat, d_lon, d_lat)


def unit_vectors(lon: ArrayLike, lat: ArrayLike) -> NDArray[np.float64]:
    """Return 3D unit vectors (n x 3) for lon/lat points in degrees."""
    lam, phi = np.radians(np.asarray(lon, float)), np.radians(np.asarray(lat, float))
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def catchment_distance_matrix_km(
    origin_lon: ArrayLike,
    origin_lat: ArrayLike,
    dest_lon: ArrayLike,
    dest_lat: ArrayLike,
    max_km: float,
) -> sparse.csr_array:
    """Return a sparse origin x destination matrix of great-circle km for pairs within max_km."""
    o_lon, o_lat = np.asarray(origin_lon, float), np.asarray(origin_lat, float)
    d_lon, d_lat = np.asarray(dest_lon, float), np.asarray(dest_lat, float)
    max_chord = 2 * np.sin(min(max_km / (2 * EARTH_RADIUS_KM), np.pi / 2))
    # Pad the chord radius so rounding cannot drop a pair the exact haversine test keeps.
    pairs = cKDTree(unit_vectors(o_lon, o_lat)).sparse_distance_matrix(
        cKDTree(unit_vectors(d_lon, d_lat)), max_chord * (1 + 1e-9) + 1e-12, output_type="ndarray"
    )
    rows, cols = pairs["i"].astype(np.intp), pairs["j"].astype(np.intp)
    dist = haversine_km(o_lon[rows], o_lat[rows], d_lon[cols], d_lat[cols])
    keep = dist <= max_km
    return sparse.csr_array((dist[keep], (rows[keep], cols[keep])), shape=(o_lon.size, d_lon.size))


def nearest_distance_km(
    origin_lon: ArrayLike, origin_lat: ArrayLike, dest_lon: ArrayLike, dest_lat: ArrayLike
) -> NDArray[np.float64]:
    """Return the great-circle km from each origin to its nearest destination."""
    o_lon, o_lat = np.asarray(origin_lon, float), np.asarray(origin_lat, float)
    d_lon, d_lat = np.asarray(dest_lon, float), np.asarray(dest_lat, float)
    if d_lon.size == 0:
        raise ValueError("nearest_distance_km needs at least one destination")
    # Chord length is monotonic in arc length, so the Euclidean nearest neighbour on the
    # unit sphere is the great-circle nearest; the km are then recomputed exactly.
    _, nearest = cKDTree(unit_vectors(d_lon, d_lat)).query(unit_vectors(o_lon, o_lat), k=1)
    return haversine_km(o_lon, o_lat, d_lon[nearest], d_lat[nearest])


def share_within_distance(
    population: ArrayLike,
    distance_to_nearest_km: ArrayLike,
    thresholds: Sequence[float] = (50, 100, 200),
) -> dict[float, float]:
    """Return, per threshold, the population share living within that many km (inclusive)."""
    pop = np.asarray(population, float)
    dist = np.asarray(distance_to_nearest_km, float)
    if pop.shape != dist.shape:
        raise ValueError(f"population and distance lengths differ: {pop.size} vs {dist.size}")
    total = pop.sum()
    if total <= 0:
        raise ValueError("total population must be positive")
    return {t: float(pop[dist <= t].sum() / total) for t in thresholds}


def step_decay(upper_bounds_km: Sequence[float], weights: Sequence[float]) -> DistanceDecay:
    """Return a step weight function: weights[k] for bounds[k-1] < d <= bounds[k], else 0."""
    bounds = np.asarray(upper_bounds_km, float)
    values = np.asarray(weights, float)
    if bounds.shape != values.shape or bounds.ndim != 1:
        raise ValueError("upper_bounds_km and weights must be 1-D and of equal length")
    if np.any(np.diff(bounds) <= 0) or np.any(values < 0):
        raise ValueError("bounds must increase strictly and weights must be non-negative")
    padded = np.append(values, 0.0)
    # side="left" makes each band inclusive of its upper bound, as access.weights.step_fn does.
    return lambda d: padded[np.searchsorted(bounds, d, side="left")]


def luo_qi_step_decay(
    catchment_km: float, weights: Sequence[float] = LUO_QI_2009_WEIGHTS
) -> DistanceDecay:
    """Return Luo & Qi (2009) step weights over equal-width subzones of the catchment."""
    n = len(weights)
    # Multiply before dividing so e.g. a 30 km catchment gives bounds of exactly 10, 20, 30, and
    # pin the last bound to the catchment itself: 10.7 * 3 / 3 is 10.700000000000001 in floating
    # point, but for 10.7 km it need not be, and a site at exactly d0 must keep the last weight.
    bounds = catchment_km * np.arange(1, n + 1) / n
    bounds[-1] = catchment_km
    return step_decay(bounds.tolist(), weights)


class GaussianDecay:
    """The unnormalised Gaussian weight exp(-d^2 / (2 sigma^2)) used by access.weights.

    It also gives its logarithm, so the FCA steps can work with weights relative to each site's
    largest one: a narrow sigma then cannot underflow into 0/0 or an overflowing supply ratio.
    """

    def __init__(self, sigma_km: float):
        if not sigma_km > 0:
            raise ValueError("sigma_km must be positive")
        self.sigma_km = float(sigma_km)

    def log_weight(self, d: NDArray[np.float64]) -> NDArray[np.float64]:
        return -np.square(d) / (2 * self.sigma_km**2)

    def __call__(self, d: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.exp(self.log_weight(d))


def gaussian_decay(sigma_km: float) -> GaussianDecay:
    """Return the unnormalised Gaussian weight exp(-d^2 / (2 sigma^2)) used by access.weights."""
    return GaussianDecay(sigma_km)


def distance_shape(distance_km: DistanceInput) -> tuple[int, int]:
    """Return (n_demand, n_supply) of a dense or sparse distance input."""
    shape = distance_km.shape if sparse.issparse(distance_km) else np.shape(distance_km)
    if len(shape) != 2:
        raise ValueError(f"distance_km must be 2-D (demand x supply), got shape {shape}")
    return int(shape[0]), int(shape[1])


def reachable_pairs(
    distance_km: DistanceInput, catchment_km: float
) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
    """Return (demand index, supply index, km) for every pair with distance <= catchment_km."""
    if sparse.issparse(distance_km):
        coo = sparse.coo_array(distance_km)
        keep = coo.data <= catchment_km
        return coo.row[keep].astype(np.intp), coo.col[keep].astype(np.intp), coo.data[keep]
    dist = np.asarray(distance_km, float)
    rows, cols = np.nonzero(dist <= catchment_km)
    return rows, cols, dist[rows, cols]


def fca_from_pairs(
    supply: ArrayLike,
    demand: ArrayLike,
    shape: tuple[int, int],
    pairs: tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]],
) -> NDArray[np.float64]:
    """Return 2SFCA accessibility per demand location from weighted (row, col, weight) pairs.

    Defined for any input:
    - a demand location with a missing (NaN) child count gets NaN and adds no demand, so its
      neighbours' values rest on the demand that is known;
    - a supply site reached by no demand, or only by locations with zero children, serves no one:
      its supply adds nothing to anybody's accessibility (it is not spread elsewhere);
    - weights are taken relative to each site's largest weight (the result does not change, a
      common factor per site cancels), so tiny weights cannot overflow the supply ratio.
    """
    sup, dem = np.asarray(supply, float).ravel(), np.asarray(demand, float).ravel()
    if (dem.size, sup.size) != shape:
        raise ValueError(f"distance matrix is {shape} but got {dem.size} demand, {sup.size} supply")
    rows, cols, weight = pairs
    unknown = np.isnan(dem)
    known = ~unknown[rows]
    rows, cols, weight = (
        rows[known],
        cols[known],
        relative_to_site_max(weight[known], cols[known], sup.size),
    )
    catchment_demand = np.bincount(cols, weights=weight * dem[rows], minlength=sup.size)
    # A site nobody can reach serves no one; 0 instead of S/0 keeps the sum finite.
    ratio = np.zeros(sup.size)
    np.divide(sup, catchment_demand, out=ratio, where=catchment_demand > 0)
    access = np.bincount(rows, weights=weight * ratio[cols], minlength=dem.size).astype(float)
    access[unknown] = np.nan
    return access


def relative_to_site_max(
    weight: NDArray[np.float64], cols: NDArray[np.intp], sites: int
) -> NDArray[np.float64]:
    """weight divided by the largest weight of its site (sites whose weights are all 0 keep 0)."""
    weight = np.asarray(weight, float)
    largest = np.zeros(sites)
    np.maximum.at(largest, cols, weight)
    scale = largest[cols]
    return np.divide(weight, scale, out=np.zeros_like(weight), where=scale > 0)


def two_step_fca(
    supply: ArrayLike, demand: ArrayLike, distance_km: DistanceInput, catchment_km: float
) -> NDArray[np.float64]:
    """Return Luo & Wang (2003) 2SFCA supply-per-person accessibility for each demand location."""
    rows, cols, dist = reachable_pairs(distance_km, catchment_km)
    return fca_from_pairs(
        supply, demand, distance_shape(distance_km), (rows, cols, np.ones_like(dist))
    )


def enhanced_two_step_fca(
    supply: ArrayLike,
    demand: ArrayLike,
    distance_km: DistanceInput,
    catchment_km: float,
    weights: DistanceDecay | None = None,
) -> NDArray[np.float64]:
    """Return E2SFCA accessibility per demand location; default weights are Luo & Qi (2009)."""
    decay = luo_qi_step_decay(catchment_km) if weights is None else weights
    rows, cols, dist = reachable_pairs(distance_km, catchment_km)
    shape = distance_shape(distance_km)
    if isinstance(decay, GaussianDecay):
        # exp(log w - the site's largest log w): at least one weight per site is exactly 1
        log_weight = decay.log_weight(dist)
        largest = np.full(shape[1], -np.inf)
        np.maximum.at(largest, cols, log_weight)
        return fca_from_pairs(
            supply, demand, shape, (rows, cols, np.exp(log_weight - largest[cols]))
        )
    return fca_from_pairs(supply, demand, shape, (rows, cols, decay(dist)))


def normalized_to_mean(values: ArrayLike, weights: ArrayLike) -> NDArray[np.float64]:
    """Return values divided by their weighted mean, so 1.0 is the (national) average."""
    vals, w = np.asarray(values, float), np.asarray(weights, float)
    if vals.shape != w.shape:
        raise ValueError(f"values and weights lengths differ: {vals.size} vs {w.size}")
    if w.sum() <= 0:
        raise ValueError("weights must sum to a positive number")
    mean = np.sum(vals * w) / w.sum()
    if mean == 0:
        raise ValueError("weighted mean is 0; cannot normalise")
    return vals / mean
