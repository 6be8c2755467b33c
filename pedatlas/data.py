"""Cached data for pages: one read-only connection per database file, results per query+params.

Pages call query(name, **params); they never see DuckDB. The cache key includes the database
file's identity, so an import that swaps the file in is picked up on the next rerun.
"""

import hashlib
import json
import os

import pandas as pd
import streamlit as st

from pedatlas import db, geo
from pedatlas.paths import PROJECT_ROOT, database_path

# Streamlit serves PROJECT_ROOT/static at app/static/ (server.enableStaticServing).
GEOJSON_DIR = PROJECT_ROOT / "static" / "geo"
GEOJSON_URL = "app/static/geo/"


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(path: str, identity: tuple):
    return db.open_read_only(path)


def current_identity() -> tuple[str, tuple]:
    """(path, identity) of the configured database file."""
    path = database_path()
    return str(path), db.file_identity(path)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_query(path: str, identity: tuple, name: str, params: tuple) -> pd.DataFrame:
    return db.run_query(_connection(path, identity), name, **dict(params))


def query(name: str, **params) -> pd.DataFrame:
    """Result of queries/<name>.sql with params (cached on name, params and database file)."""
    path, identity = current_identity()
    return _cached_query(path, identity, name, tuple(sorted(params.items())))


# A resource, not data: st.cache_data unpickles a fresh copy on every hit (150-400 ms per rerun
# for the national county layer); one shared object per process costs nothing per rerun.
@st.cache_resource(show_spinner=False, max_entries=64)
def _cached_features(path: str, identity: tuple, layer: str, scope: str) -> dict:
    shapes = db.run_query(_connection(path, identity), "shapes", layer=layer, scope=scope)
    return geo.feature_collection(shapes)


def features(layer: str, scope: str = "") -> dict:
    """GeoJSON FeatureCollection of a boundary layer within scope (feature id = adcode).

    Shared by every session of the process: read it, never change it.
    """
    path, identity = current_identity()
    return _cached_features(path, identity, layer, scope)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_geojson_url(path: str, identity: tuple, layer: str, scope: str) -> str:
    version = hashlib.sha1(repr((path, identity)).encode()).hexdigest()[:10]
    name = f"{layer}-{scope or 'cn'}-{version}.json"
    target = GEOJSON_DIR / name
    if not target.exists():
        collection = _cached_features(path, identity, layer, scope)
        GEOJSON_DIR.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{name}.{os.getpid()}")
        temporary.write_text(
            json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        os.replace(temporary, target)
    return GEOJSON_URL + name


def geojson_url(layer: str, scope: str = "") -> str:
    """URL of a boundary layer's GeoJSON served by the app itself (written once per database).

    Big layers go to the browser by URL instead of inside every figure: the national county
    layer is 2.7 MB, and serialising it into each figure took seconds per view switch.
    """
    path, identity = current_identity()
    return _cached_geojson_url(path, identity, layer, scope)
