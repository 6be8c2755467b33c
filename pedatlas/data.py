"""Cached data for pages: one read-only connection per database file, results per query+params.

Pages call query(name, **params); they never see DuckDB. The cache key includes the database
file's identity, so an import that swaps the file in is picked up on the next rerun.
"""

import pandas as pd
import streamlit as st

from pedatlas import db, geo
from pedatlas.paths import database_path


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


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_features(path: str, identity: tuple, layer: str, scope: str) -> dict:
    shapes = db.run_query(_connection(path, identity), "shapes", layer=layer, scope=scope)
    return geo.feature_collection(shapes)


def features(layer: str, scope: str = "") -> dict:
    """GeoJSON FeatureCollection of a boundary layer within scope (feature id = adcode)."""
    path, identity = current_identity()
    return _cached_features(path, identity, layer, scope)
