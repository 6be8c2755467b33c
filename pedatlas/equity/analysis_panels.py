"""Streamlit sections of the equity page for analysts: hot spots, time to care, service areas.

They query and draw; the pure parts are in hotspots.py, time_to_care.py and service_quality.py.
"""

import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st

from pedatlas import data, fmt, ui, view
from pedatlas.equity import builders as ev
from pedatlas.equity import hotspots, service_quality, time_to_care
from pedatlas.equity.panels import chart_note, county_accessibility, county_layers
from pedatlas.metrics import clusters


@data.shared_per_view()
def hotspot_parts(region: str, scope_kind: str, year: int, measure: str) -> dict | None:
    """Moran's I and the LISA clusters of the measure in the scope: the global summary, a
    sentence per cluster, the cluster map and the county table (None when no county has a value)."""
    rows = data.query("equity/county_resources", scope=region)
    counties, names = ev.year_rows(rows, year), data.region_names()
    values, result = _clusters(counties, region, year, measure)
    if result.counties["cluster"].eq("undefined").all():
        return None
    layers = county_layers(scope_kind, region)
    return {
        "summary": hotspots.global_summary(result),
        "sentences": list(hotspots.sentences(result, measure, names, view.t)),
        "figure": hotspots.cluster_map(result, values, layers, view.t, view.lang()),
        "table": hotspots.cluster_table(result, values, _places(counties, names), view.t),
    }


def section_picker(name: str, label_key: str, options) -> str:
    """The section's one choice (URL parameter name), a third of the width; each option's
    label is the i18n key label_key + '_' + option."""
    return view.selectbox(
        name,
        view.t(label_key),
        options,
        lambda option: view.t(f"{label_key}_{option}"),
        container=st.columns(3)[0],
    )


def show_hotspots(region: str, scope_kind: str, year: int) -> None:
    measure = section_picker("measure", "hotspot_measure", hotspots.MEASURES)
    parts = hotspot_parts(region, scope_kind, year, measure)
    if parts is None:
        ui.empty_state("hotspot_empty")
        return
    summary = parts["summary"]
    cells = st.columns(4)
    expected = fmt.rate(summary["expected_i"], 3)
    cells[0].metric(
        view.t("hotspot_moran"),
        fmt.rate(summary["moran_i"], 3),
        help=view.t("hotspot_moran_help", expected=expected),
    )
    cells[1].metric(view.t("hotspot_moran_p"), fmt.rate(summary["moran_p"], 3))
    cells[2].metric(view.t("hotspot_fdr"), fmt.rate(summary["fdr_threshold"], 4))
    cells[3].metric(view.t("hotspot_clustered"), fmt.integer(summary["clustered"]))
    measure_name = view.t(f"hotspot_measure_{measure}")
    title = view.t("hotspot_title", measure=measure_name, year=year)
    st.subheader(title)
    for line in parts["sentences"]:
        st.markdown(f"- {line}")
    ui.chart(parts["figure"], chart_note(title, year))
    st.caption(view.t("hotspot_note"))
    st.subheader(view.t("hotspot_table_title"))
    title = f"{view.t('hotspot_table_title')} · {measure_name}"
    note = ui.table_note(title, region, year, view.t("hotspot_col_cluster"))
    ui.data_table(parts["table"], hotspots.CLUSTER_COLUMNS, note, "hotspots")


def _clusters(counties, region: str, year: int, measure: str):
    """(values, ClusterResult) of the view: the national one as stored with the database (the
    LISA of 2,848 counties is computed at build or import time), a province's or city's now."""
    if not region:
        stored = data.query("equity/county_clusters", year=year, measure=measure)
        if not stored.empty:
            return stored[["adcode", "value", "raw"]], clusters.result_from_rows(stored)
    inside = ev.in_scope(counties, region)
    access = None
    if measure == "access":
        access = ev.in_scope(county_accessibility(year, *hotspots.ACCESS_SETTINGS), region)
    hospitals = data.query("equity/hospitals", year=year)  # 45,000 rows: only when needed
    values = hotspots.measure_values(measure, inside, hospitals, access)
    return values, _cached_lisa(data.current_identity(), region, year, measure, values)


@st.cache_data(show_spinner=False, max_entries=32, hash_funcs={pd.DataFrame: lambda _: None})
def _cached_lisa(identity, region: str, year: int, measure: str, values: pd.DataFrame):
    # The values are a function of (database, region, year, measure): those are the key.
    return hotspots.county_lisa(values, _county_shapes(identity), _contiguity(identity))


@st.cache_resource(show_spinner=False, max_entries=2)
def _county_shapes(identity) -> gpd.GeoDataFrame:
    shapes = data.query("common/shapes", layer="county", scope="")
    geometry = shapely.from_wkb([bytes(blob) for blob in shapes["geom_wkb"]])
    return gpd.GeoDataFrame(geometry=geometry, index=shapes["adcode"].to_numpy(), crs=4326)


@st.cache_resource(show_spinner=False, max_entries=2)
def _contiguity(identity):
    # Contiguity of every county of China: computed when the database was built or imported
    # (derived_county_neighbours), read once per process.
    return clusters.weights_from_pairs(data.query("equity/county_neighbours"))


def _places(counties: pd.DataFrame, names: dict) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "adcode": counties["adcode"],
            "name": counties["name"],
            "city": [names.get(code, "") for code in counties["city_adcode"]],
        }
    )


@data.shared_per_view()
def time_parts(region: str, scope_kind: str, year: int, level: str) -> dict | None:
    """Minutes to each level of care from the scope's counties: shares within the bands (scope
    and by province or city), the map of the chosen level, the band chart and table, and the
    detour fit they rest on (None when the scope has no counties this year)."""
    rows = data.query("equity/county_resources", scope=region)
    hospitals, names = data.query("equity/hospitals", year=year), data.region_names()
    # Fitted on every recorded route when the database was built or imported.
    fits, pooled = time_to_care.split_fits(data.query("equity/detour_fits"))
    counties = ev.in_scope(ev.year_rows(rows, year), region)
    minutes = time_to_care.county_minutes(counties, hospitals, fits, pooled["factor"])
    if minutes.empty:
        return None
    shares = time_to_care.scope_shares(minutes)
    title = view.t("time_chart_title", scope=_scope_name(region, names))
    group_key = "city_adcode" if scope_kind != "national" else "province_adcode"
    table = time_to_care.bands_table(
        time_to_care.group_shares(minutes, group_key, level),
        group_key,
        names,
        time_to_care.scope_children_row(minutes, level),
        view.t,
    )
    layers = county_layers(scope_kind, region)
    return {
        "beyond_60": [(row["level"], 1 - row["within_60"]) for _, row in shares.iterrows()],
        "map": time_to_care.minutes_map(minutes, level, layers, view.t, view.lang()),
        "bands": (title, time_to_care.bands_figure(shares, title, view.t)),
        "table": table,
        "pooled": pooled,
    }


def show_time_to_care(region: str, scope_kind: str, year: int) -> None:
    level = section_picker("care", "time_level", time_to_care.CARE_LEVELS)
    parts = time_parts(region, scope_kind, year, level)
    if parts is None:
        ui.empty_state("equity_no_units", year=year)
        return
    level_name = view.t(f"time_level_{level}")
    for cell, (care, beyond) in zip(st.columns(3), parts["beyond_60"], strict=True):
        label = view.t("time_metric_beyond_60", level=view.t(f"time_level_{care}"))
        cell.metric(label, fmt.percent(beyond))
    map_title = view.t("time_title", level=level_name, year=year)
    st.subheader(map_title)
    ui.chart(parts["map"], chart_note(map_title, year))
    title, figure = parts["bands"]
    ui.chart(figure, chart_note(title, year))
    st.subheader(view.t("time_table_title", level=level_name))
    columns = time_to_care.bands_columns(view.t)
    title = view.t("time_table_title", level=level_name)
    note = ui.table_note(title, region, year, columns[1].label)
    ui.data_table(parts["table"], columns, note, "time")
    pooled = parts["pooled"]
    st.caption(
        view.t(
            "time_fit_note",
            factor=fmt.rate(pooled["factor"], 2),
            trips=fmt.integer(pooled["trips"]),
            mdape=fmt.percent(pooled["mdape"]),
        )
    )


def _scope_name(region: str, names: dict) -> str:
    return names.get(region, view.t("scope_national")) if region else view.t("scope_national")


def show_service_quality(region: str, year: int, names) -> None:
    tables, gaps = _cached_quality(data.current_identity(), year)
    st.subheader(view.t("sa_title", year=year))
    st.caption(view.t("sa_note"))
    title = view.t("sa_compare_title")
    st.markdown(f"**{title}**")
    comparison = service_quality.comparison_table(tables, view.t)
    note = ui.table_note(title, "", year, view.t("sa_col_mean_li"))  # all China
    ui.data_table(comparison, service_quality.COMPARISON_COLUMNS, note, "sa_compare")
    kind = view.radio(
        "areas",
        view.t("sa_unit_kind"),
        service_quality.UNIT_KINDS,
        lambda k: view.t(f"sa_kind_{k}"),
        horizontal=True,
    )
    alliance_names = dict(zip(gaps["alliance_id"], gaps["name"], strict=True))
    unit_names = alliance_names if kind == "alliance" else names
    chosen = _in_scope_units(tables[kind], kind, region, gaps)
    st.markdown(f"**{view.t('sa_units_title')}**")
    table = service_quality.unit_table(chosen, unit_names, kind)
    title = f"{view.t('sa_units_title')} · {view.t(f'sa_kind_{kind}')}"
    note = ui.table_note(title, region, year, view.t("sa_col_li"))
    ui.data_table(table, service_quality.UNIT_COLUMNS, note, "sa")
    title = view.t("sa_gap_title")
    st.markdown(f"**{title}**")
    st.caption(view.t("sa_gap_note"))
    note = ui.table_note(title, region, year, view.t("sa_col_overlap"))
    table = service_quality.gap_table(gaps, region)
    ui.data_table(table, service_quality.GAP_COLUMNS, note, "sa_gap")


@st.cache_data(show_spinner=False, max_entries=8)
def _cached_quality(identity, year: int):
    flows = data.query("referrals/county_flows", year=year)
    counties = data.query("equity/county_resources", scope="").drop_duplicates("adcode")
    county_city = pd.Series(counties["city_adcode"].to_numpy(), index=counties["adcode"])
    footprints = data.query("referrals/footprints", year=year, scope="")
    footprint = pd.Series(footprints["alliance_id"].to_numpy(), index=footprints["county_adcode"])
    cores = data.query("equity/alliance_cores")
    gaps = service_quality.footprint_gaps(flows, footprint, cores)
    gaps = gaps.merge(cores[["alliance_id", "name", "core_city"]], on="alliance_id", how="left")
    return service_quality.unit_tables(flows, county_city, footprint), gaps


def _in_scope_units(
    table: pd.DataFrame, kind: str, region: str, gaps: pd.DataFrame
) -> pd.DataFrame:
    if not region:
        return table
    if kind == "alliance":
        inside = gaps.loc[gaps["core_city"].str.startswith(region[:2]), "alliance_id"]
        if region[2:] != "0000":
            inside = gaps.loc[gaps["core_city"] == region, "alliance_id"]
        return table[table["unit"].isin(inside)]
    prefix = region[:2] if region.endswith("0000") else region[:4]
    return table[table["unit"].str.startswith(prefix)]
