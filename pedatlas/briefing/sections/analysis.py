"""就医时间与热点: share of children beyond 30/60/120/240 minutes of each level of care, and the
hot and cold spots of the shortage score, for the briefing's scope.

The same builders as the equity page (pedatlas.equity.time_to_care / hotspots), so the briefing
and the page agree to the digit.
"""

import json
from collections.abc import Mapping

import geopandas as gpd
import pandas as pd
import plotly.io as pio
import shapely

from pedatlas import fmt
from pedatlas.briefing.labels import meta, text
from pedatlas.briefing.model import Bullets, Chart, Scope, Section, Table
from pedatlas.briefing.sections import resource_map
from pedatlas.equity import builders as ev
from pedatlas.equity import hotspots, time_to_care
from pedatlas.metrics import clusters

COUNTIES_ASSET = "pedatlas-hotspot-counties"


def year_counties(scope: Scope, data: Mapping) -> pd.DataFrame:
    rows = data["county_years"]
    return ev.year_rows(rows[rows["year"] == scope.year], scope.year)


def time_section(scope: Scope, data: Mapping) -> Section | None:
    counties = year_counties(scope, data)
    if counties.empty or data["detour_fits"].empty:
        return None
    fits, pooled = time_to_care.split_fits(data["detour_fits"])
    minutes = time_to_care.county_minutes(
        counties, data["equity_hospitals"], fits, pooled["factor"]
    )
    shares = time_to_care.scope_shares(minutes)
    columns = (text(scope, "time_level"),) + tuple(
        text(scope, "time_col_beyond", band=band) for band in time_to_care.BANDS
    )
    rows = tuple(
        (text(scope, f"time_level_{row['level']}"),)
        + tuple(fmt.percent(1 - row[f"within_{band}"]) for band in time_to_care.BANDS)
        for _, row in shares.iterrows()
    )
    title = text(scope, "brief_time_title")
    table = Table(
        meta(scope, title, "brief_unit_share_children", "brief_source_mixed"), columns, rows
    )
    note = text(
        scope,
        "time_fit_note",
        factor=fmt.rate(pooled["factor"], 2),
        trips=fmt.integer(pooled["trips"]),
        mdape=fmt.percent(pooled["mdape"]),
    )
    return Section("time_to_care", text(scope, "equity_section_time"), (table, Bullets((note,))))


def hotspot_section(scope: Scope, data: Mapping) -> Section | None:
    counties = year_counties(scope, data)
    values, result = _shortage_clusters(counties, data)
    if result.counties["cluster"].eq("undefined").all():
        return None
    names = dict(zip(counties["adcode"], counties["name"], strict=True))
    t = _translator(scope)
    lines = hotspots.sentences(result, "shortage", names, t)
    summary = hotspots.global_summary(result)
    lines.insert(
        0,
        text(
            scope,
            "brief_hotspot_moran",
            moran=fmt.rate(summary["moran_i"], 3),
            p=fmt.rate(summary["moran_p"], 3),
        ),
    )
    layers = {"counties": data["county_features"], "counties_url": COUNTIES_ASSET}
    layers |= {
        key: data["map_shapes"][key] for key in ("context", "sea_line") if key in data["map_shapes"]
    }
    figure = resource_map.printed_map(
        hotspots.cluster_map(result, values, layers, t, scope.lang), scope
    )
    title = text(scope, "brief_hotspot_title")
    chart = Chart(
        meta=meta(scope, title, "brief_unit_cluster", "brief_source_mixed"),
        figure=json.loads(pio.to_json(figure, validate=False)),
        caption=text(scope, "hotspot_note"),
        geo_assets={COUNTIES_ASSET: data["county_features"]},
    )
    bullets = Bullets(tuple(line.replace("**", "") for line in lines))
    return Section("hotspots", text(scope, "equity_section_hotspots"), (bullets, chart))


def _shortage_clusters(counties: pd.DataFrame, data: Mapping):
    """(values, ClusterResult) as the equity page shows them: China's stored with the database,
    a province's or city's computed over the scope with the stored contiguity."""
    stored = data["national_clusters"]
    if not stored.empty:
        return stored[["adcode", "value", "raw"]], clusters.result_from_rows(stored)
    shapes = data["county_shapes"]
    values = hotspots.shortage_values(counties, data["equity_hospitals"])
    geometry = shapely.from_wkb([bytes(blob) for blob in shapes["geom_wkb"]])
    frame = gpd.GeoDataFrame(geometry=geometry, index=shapes["adcode"].to_numpy(), crs=4326)
    full = clusters.weights_from_pairs(data["county_neighbours"])
    return values, hotspots.county_lisa(values, frame, full)


def _translator(scope: Scope):
    return lambda key, **values: text(scope, key, **values)
