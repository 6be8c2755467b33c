"""Estimated drive time to care: detour factor fitted on recorded routes, speeds by road class.

Road distance = great-circle distance x detour factor. The factor is fitted per group (province or
terrain class) on the transfers table, whose rows record a route distance between two hospitals
with known points: least squares through the origin, factor = sum(s * r) / sum(s^2) for straight
s and route r, with its error (root-mean-square and median absolute percentage error of the
predicted route). Groups with fewer than MIN_TRIPS trips take the pooled factor.

Speeds by road class (assumption, documented in docs/data_dictionary.md "Time to care"): a trip
leaves town on urban streets, crosses the county on county and provincial roads and covers the rest
on national roads and expressways. The first URBAN_KM at URBAN_KMH, up to RURAL_KM at RURAL_KMH,
beyond that at HIGHWAY_KMH.

Bands follow Bucholz et al. 2025 (US children): share of children within 30 / 60 / 120 / 240 min.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy.spatial import cKDTree

from pedatlas.metrics.accessibility import haversine_km, unit_vectors

MIN_TRIPS = 30
URBAN_KM, URBAN_KMH = 5.0, 30.0
RURAL_KM, RURAL_KMH = 30.0, 50.0
HIGHWAY_KMH = 80.0
BANDS_MIN = (30, 60, 120, 240)


def fit_detour_factor(
    straight_km: ArrayLike, route_km: ArrayLike, group: ArrayLike | None = None
) -> pd.DataFrame:
    """Per group (or 'all'): trips, factor, rmse_km, mdape (median |predicted/route - 1|).

    Trips with a non-positive or missing distance are left out. A group with fewer than MIN_TRIPS
    trips gets the pooled factor and pooled=True.
    """
    frame = pd.DataFrame({"s": np.asarray(straight_km, float), "r": np.asarray(route_km, float)})
    frame["group"] = "all" if group is None else np.asarray(group, object)
    frame = frame[(frame["s"] > 0) & (frame["r"] > 0)]
    pooled = _factor(frame["s"], frame["r"]) if len(frame) else np.nan
    rows = []
    for name, part in frame.groupby("group", sort=True):
        small = len(part) < MIN_TRIPS
        factor = pooled if small else _factor(part["s"], part["r"])
        predicted = part["s"] * factor
        rows.append(
            {
                "group": name,
                "trips": len(part),
                "factor": float(factor),
                "rmse_km": float(np.sqrt(np.mean((predicted - part["r"]) ** 2))),
                "mdape": float(np.median(np.abs(predicted / part["r"] - 1))),
                "pooled": small,
            }
        )
    return pd.DataFrame(rows, columns=["group", "trips", "factor", "rmse_km", "mdape", "pooled"])


def _factor(straight: pd.Series, route: pd.Series) -> float:
    return float((straight * route).sum() / (straight**2).sum())


def drive_minutes(road_km: ArrayLike) -> NDArray[np.float64]:
    """Minutes to drive road_km under the road-class speed assumption (NaN stays NaN)."""
    road = np.asarray(road_km, float)
    urban = np.clip(road, 0, URBAN_KM)
    rural = np.clip(road - URBAN_KM, 0, RURAL_KM - URBAN_KM)
    highway = np.clip(road - RURAL_KM, 0, None)
    minutes = 60 * (urban / URBAN_KMH + rural / RURAL_KMH + highway / HIGHWAY_KMH)
    return np.where(np.isnan(road), np.nan, minutes)


def nearest_drive_minutes(
    origin_lon: ArrayLike,
    origin_lat: ArrayLike,
    detour: ArrayLike,
    site_lon: ArrayLike,
    site_lat: ArrayLike,
) -> NDArray[np.float64]:
    """Minutes from each origin to its nearest site (NaN for all when there is no site).

    The nearest site by straight line is also the nearest by road under one detour factor per
    origin, so a nearest-neighbour query on the sphere is exact for this model.
    """
    o_lon, o_lat = np.asarray(origin_lon, float), np.asarray(origin_lat, float)
    s_lon, s_lat = np.asarray(site_lon, float), np.asarray(site_lat, float)
    if s_lon.size == 0:
        return np.full(o_lon.shape, np.nan)
    _, nearest = cKDTree(unit_vectors(s_lon, s_lat)).query(unit_vectors(o_lon, o_lat), k=1)
    straight = haversine_km(o_lon, o_lat, s_lon[nearest], s_lat[nearest])
    return drive_minutes(straight * np.asarray(detour, float))


def shares_within(
    children: ArrayLike, minutes: ArrayLike, bands: tuple[int, ...] = BANDS_MIN
) -> dict[int, float]:
    """Share of children within each band (inclusive); a unit with unknown minutes (no site at
    all) counts as beyond every band. NaN when there are no children."""
    kids = np.nan_to_num(np.asarray(children, float))
    time = np.asarray(minutes, float)
    total = kids.sum()
    if total <= 0:
        return {band: float("nan") for band in bands}
    return {
        band: float(kids[np.nan_to_num(time, nan=np.inf) <= band].sum() / total) for band in bands
    }


def shares_by_group(
    frame: pd.DataFrame, group: str, bands: tuple[int, ...] = BANDS_MIN
) -> pd.DataFrame:
    """shares_within per value of frame[group] (columns children, minutes), plus children."""
    rows = []
    for name, part in frame.groupby(group, sort=True):
        shares = shares_within(part["children"], part["minutes"], bands)
        row = {group: name, "children": float(part["children"].sum())}
        row.update({f"within_{band}": shares[band] for band in bands})
        rows.append(row)
    return pd.DataFrame(rows)
