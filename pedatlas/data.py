"""Cached data for pages: one read-only connection per database file, results per query+params.

Panels call query("<feature>/<name>", **params) (queries/<feature>/<name>.sql) and never see
DuckDB. The cache key includes the database file's identity, so an import that swaps the file in
is picked up on the next rerun, and the user's data scope: a scoped user's connection sees only
the scope's rows (pedatlas.auth).
"""

import functools
import hashlib
import json
import os
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from pedatlas import auth, db, geometry, view
from pedatlas.paths import PROJECT_ROOT, database_path

# Streamlit serves PROJECT_ROOT/static at app/static/ (server.enableStaticServing).
GEOJSON_DIR = PROJECT_ROOT / "static" / "geo"
GEOJSON_URL = "app/static/geo/"

P = ParamSpec("P")
R = TypeVar("R")


@st.cache_resource(show_spinner=False, max_entries=16)
def _connection(path: str, identity: tuple, scope: str = "national"):
    return db.open_read_only(path, auth.parse_scope(scope))


def current_identity() -> tuple[str, tuple]:
    """(path, identity) of the configured database file."""
    path = database_path()
    return str(path), db.file_identity(path)


def current_scope() -> str:
    """The data scope of this session's user as text ('national', 'province:360000', ...)."""
    return auth.current_scope().text()


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_query(
    path: str, identity: tuple, name: str, params: tuple, scope: str = "national"
) -> pd.DataFrame:
    return db.run_query(_connection(path, identity, scope), name, **dict(params))


def query(name: str, **params) -> pd.DataFrame:
    """Result of queries/<name>.sql with params, within the user's data scope (cached on name,
    params, database file and scope)."""
    path, identity = current_identity()
    return _cached_query(path, identity, name, tuple(sorted(params.items())), current_scope())


@st.cache_resource(show_spinner=False, max_entries=64)
def _cached_column(path: str, identity: tuple, name: str, column: str, scope: str) -> tuple:
    return tuple(_cached_query(path, identity, name, (), scope)[column].tolist())


def column_values(name: str, column: str) -> tuple:
    """One column of a query without parameters, as plain Python values in the query's order,
    shared per process (a tuple nobody can change). Every rerun reads the values its links may
    carry (years, regions, alliances, hospitals): a DataFrame copy of each cost ~10 ms a run."""
    path, identity = current_identity()
    return _cached_column(path, identity, name, column, current_scope())


# A resource, not data: st.cache_data unpickles a fresh copy on every hit (150-400 ms per rerun
# for the national county layer); one shared object per process costs nothing per rerun.
@st.cache_resource(show_spinner=False, max_entries=64)
def _cached_features(
    path: str, identity: tuple, layer: str, scope: str, user_scope: str = "national"
) -> dict:
    connection = _connection(path, identity, user_scope)
    shapes = db.run_query(connection, "common/shapes", layer=layer, scope=scope)
    return geometry.feature_collection(shapes)


@st.cache_resource(show_spinner=False, max_entries=64)
def _features_with_url(
    path: str, identity: tuple, layer: str, scope: str, user_scope: str = "national"
) -> dict:
    url = _cached_geojson_url(path, identity, layer, scope, user_scope)
    return {**_cached_features(path, identity, layer, scope, user_scope), "url": url}


def features(layer: str, scope: str = "") -> dict:
    """GeoJSON FeatureCollection of a boundary layer within scope (feature id = adcode).

    It also carries "url", where the app serves the same GeoJSON: figures use it through
    geo.source() instead of embedding the shapes. Shared by every session of the process: read
    it, never change it.
    """
    path, identity = current_identity()
    return _features_with_url(path, identity, layer, scope, current_scope())


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_geojson_url(
    path: str, identity: tuple, layer: str, scope: str, user_scope: str = "national"
) -> str:
    version = hashlib.sha1(repr((path, identity, user_scope)).encode()).hexdigest()[:10]
    name = f"{layer}-{scope or 'cn'}-{version}.json"
    target = GEOJSON_DIR / name
    if not target.exists():
        _write_geojson(target, _cached_features(path, identity, layer, scope, user_scope))
    return GEOJSON_URL + name


def _write_geojson(target, collection: dict) -> None:
    """Write collection at target atomically (replicas may write the same file at once)."""
    GEOJSON_DIR.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    temporary.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    os.replace(temporary, target)


def geojson_url(layer: str, scope: str = "") -> str:
    """URL of a boundary layer's GeoJSON served by the app itself (written once per database).

    Big layers go to the browser by URL instead of inside every figure: the national county
    layer is 2.7 MB, and serialising it into each figure took seconds per view switch.
    """
    path, identity = current_identity()
    return _cached_geojson_url(path, identity, layer, scope, current_scope())


def published_url(collection: dict, *key) -> str:
    """URL of any FeatureCollection (a merged layer, say), written once under static/geo/.

    key must identify the collection's content (what it was made from); the database file and
    the user's scope are added here. Figures then carry this short URL instead of the shapes.
    """
    path, identity = current_identity()
    digest = hashlib.sha1(repr((path, identity, current_scope(), key)).encode()).hexdigest()[:16]
    target = GEOJSON_DIR / f"merged-{digest}.json"
    if not target.exists():
        _write_geojson(target, collection)
    return GEOJSON_URL + target.name


def shared_per_view(max_entries: int = 16) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Keep what a builder returns once per process, for everyone looking at the same view.

    For a function that queries and builds one section of a page (figures, tables, totals) from
    small arguments (the filters, a level): it runs once per database file, user data scope,
    language and arguments, and every later rerun of that view (anyone's) reuses the result.
    Rebuilding figures and tables that had not changed was most of a warm rerun (0.3-0.8 s on
    the national build). The result is shared between sessions: callers read it, never change
    it (ui.chart's stamp is idempotent and its note is a function of the key).
    """

    def decorate(build: Callable[P, R]) -> Callable[P, R]:
        # wraps gives the cached function build's name, module and source, which are what
        # Streamlit keys a function's cache on: each builder gets a cache of its own.
        @functools.wraps(build)
        def keyed(identity, user_scope: str, lang: str, *args, **kwargs):
            return build(*args, **kwargs)

        cached = st.cache_resource(show_spinner=False, max_entries=max_entries)(keyed)

        @functools.wraps(build)
        def shared(*args: P.args, **kwargs: P.kwargs) -> R:
            return cached(current_identity(), current_scope(), view.lang(), *args, **kwargs)

        return shared

    return decorate


@shared_per_view(max_entries=8)
def region_names() -> dict[str, str]:
    """Province and city adcode -> name, of the regions this user may see (shared: page runs
    name their scope in many titles and notes)."""
    regions = query("common/region_list")
    return dict(zip(regions["adcode"].tolist(), regions["name"].tolist(), strict=True))
