"""Figures link the boundary layers the app serves instead of embedding them."""

from pedatlas import map_traces

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}


def test_source_is_the_url_when_the_collection_has_one():
    collection = {"type": "FeatureCollection", "features": [], "url": "app/static/geo/x.json"}
    assert map_traces.geojson_source(collection) == "app/static/geo/x.json"


def test_source_is_the_collection_itself_without_a_url():
    feature = {
        "type": "Feature",
        "id": "110101",
        "properties": {"name": "东城区"},
        "geometry": SQUARE,
    }
    collection = {"type": "FeatureCollection", "features": [feature]}
    assert map_traces.geojson_source(collection) is collection


def test_source_passes_a_url_or_asset_name_through():
    assert map_traces.geojson_source("units") == "units"
