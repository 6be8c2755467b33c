"""Stored WKB shapes -> GeoJSON for plotly (built once per layer and cached by the caller)."""

import json

import pandas as pd
import shapely


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


def bounds(collection: dict) -> tuple[float, float, float, float] | None:
    """(min lon, min lat, max lon, max lat) of a FeatureCollection, None when empty."""
    if not collection["features"]:
        return None
    geometries = [shapely.from_geojson(json.dumps(f["geometry"])) for f in collection["features"]]
    return tuple(float(v) for v in shapely.total_bounds(geometries))
