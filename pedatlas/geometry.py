"""Geometry shared by the maps: stored WKB shapes -> GeoJSON, merged areas, neighbours, circles.

Pure functions (no Streamlit, no queries); distances are great-circle on the earth radius of
pedatlas.metrics.accessibility.
"""

import json
from collections.abc import Mapping

import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from pedatlas.metrics.accessibility import EARTH_RADIUS_KM


def feature_collection(shapes: pd.DataFrame) -> dict:
    """FeatureCollection with id = adcode and properties name/adcode from a shapes query result."""
    geometries = shapely.from_wkb([bytes(blob) for blob in shapes["geom_wkb"]])
    features = [
        {
            "type": "Feature",
            "id": adcode,
            "properties": {"adcode": adcode, "name": name},
            "geometry": json.loads(shapely.to_geojson(geometry)),
        }
        for adcode, name, geometry in zip(shapes["adcode"], shapes["name"], geometries, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def dissolved_features(shapes: pd.DataFrame, groups: Mapping[str, str], tolerance: float) -> dict:
    """Shapes (adcode, geom_wkb) merged by group into a FeatureCollection (id = group; '' = no group).

    Merging a coverage and simplifying it as one keeps shared borders shared, so a national map of
    a few hundred areas weighs a fraction of its 2,848 counties.
    """
    geometries = shapely.from_wkb([bytes(blob) for blob in shapes["geom_wkb"]])
    keys = np.array([groups.get(adcode) or "" for adcode in shapes["adcode"]], dtype=object)
    names = sorted(set(keys.tolist()))
    merged = [shapely.coverage_union_all(geometries[keys == name]) for name in names]
    simplified = shapely.orient_polygons(
        shapely.coverage_simplify(merged, tolerance), exterior_cw=True
    )
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": name,
                "properties": {"name": name},
                "geometry": json.loads(shapely.to_geojson(geometry)),
            }
            for name, geometry in zip(names, simplified, strict=True)
        ],
    }


def neighbour_pairs(lon: np.ndarray, lat: np.ndarray, k: int = 6) -> np.ndarray:
    """Index pairs (i, j) of each point and its k nearest points (equirectangular distance)."""
    if len(lon) < 2:
        return np.empty((0, 2), dtype=int)
    scale = np.cos(np.radians(np.mean(lat)))
    points = np.column_stack([np.asarray(lon) * scale, np.asarray(lat)])
    count = min(k + 1, len(lon))
    _, nearest = cKDTree(points).query(points, k=count)
    pairs = [(i, j) for i, row in enumerate(nearest) for j in row[1:]]
    return np.array(pairs, dtype=int)


def circle_points(
    lon: float, lat: float, radius_km: float, steps: int = 72
) -> tuple[np.ndarray, np.ndarray]:
    """A closed great-circle ring of radius_km around (lon, lat): the destination points at every bearing."""
    bearing = np.radians(np.linspace(0.0, 360.0, steps + 1))
    phi, lam = np.radians(lat), np.radians(lon)
    delta = radius_km / EARTH_RADIUS_KM
    phi2 = np.arcsin(np.sin(phi) * np.cos(delta) + np.cos(phi) * np.sin(delta) * np.cos(bearing))
    lam2 = lam + np.arctan2(
        np.sin(bearing) * np.sin(delta) * np.cos(phi), np.cos(delta) - np.sin(phi) * np.sin(phi2)
    )
    return np.degrees(lam2), np.degrees(phi2)
