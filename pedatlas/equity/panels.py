"""Streamlit sections of the equity page (they query and draw; the pure parts are in builders)."""

import pandas as pd
import streamlit as st

from pedatlas import classify, data, fmt, scope, trends, ui, view
from pedatlas.chart_export import ChartNote
from pedatlas.equity import builders as ev

PAGE = "equity"


def unit_level(region: str, container) -> str:
    """The compared level: one below the scope (a municipality's districts) unless the link chose
    another valid one."""
    levels = scope.levels_inside(region, data.query("common/region_list"))
    if view.value("unit") not in ("",) + levels:  # the allowed levels depend on the scope
        ui.reject_link_value("unit", view.value("unit"), "")
        view.record("unit", "")
    unit = view.selectbox(
        "unit", view.t("equity_unit"), levels, lambda v: view.t(f"equity_unit_{v}"), container
    )
    view.record("unit", "" if unit == levels[0] else unit)
    return unit


def inequality_metrics(trend, year: int, group: str | None, unit: str) -> None:
    """Gini and Theil T of the same units in one row (changes against the first year), then the
    county-level decomposition."""
    now, first = trend[trend["year"] == year].iloc[0], trend.dropna(subset=["gini"]).iloc[0]
    since = int(first["year"]) if int(first["year"]) != year else None
    units = view.t(f"equity_units_{unit}")
    cells = [("equity_metric_gini", "gini", 3), ("equity_metric_theil", "theil", 4)]
    if group:
        cells += [("equity_metric_between_share", "between_share", 0)]
        cells += [("equity_metric_within_share", "within_share", 0)]
    for column, (key, field, digits) in zip(st.columns(4), cells, strict=False):
        value = fmt.rate(now[field], digits) if digits else fmt.percent(now[field])
        change = f"{now[field] - first[field]:+.{digits}f}" if since and digits else None
        delta = trends.metric_delta(change, since, view.lang(), "inverse")
        help_text = view.t("equity_metric_help", year=since) if change else None
        label = view.t(key, year=year, group=group, unit=units)
        column.metric(label, value, **delta, help=help_text)


def chart_note(title: str, year: int) -> ChartNote:
    """What a chart of this page shows (its PNG says so): title, scope, year, source."""
    return ui.chart_note(title, view.value("region"), year)


@data.shared_per_view()
def inequality_parts(resource: str, unit: str, region: str, scope_kind: str, year: int) -> dict:
    """Gini and Theil by year of the units (trend), the group they decompose by (None for a
    municipality's districts: one city), the trend in words, and the three figures."""
    rows = data.query("equity/county_resources", scope=region)
    regions, names = data.query("common/region_list"), data.region_names()
    # A municipality has one city: its districts are compared, with no grouping to decompose by.
    municipality = scope.is_municipality(region, regions)
    group_key = None if municipality else ev.GROUP_OF_SCOPE.get(scope_kind)
    group: str | None = view.t(f"equity_group_{'province' if scope_kind == 'national' else 'city'}")
    group = group if group_key else None
    trend = ev.inequality_by_year(rows, resource, unit, group_key)
    parts: dict = {"trend": trend, "group": group, "group_key": group_key, "figures": None}
    if trend.empty or trend.loc[trend["year"] == year, "gini"].isna().all():
        return parts
    sentence = ""
    direction = ev.trend_direction(trend)
    if direction:
        words, values = direction
        sentence = view.t(f"equity_trend_{words}", unit=view.t(f"equity_units_{unit}"), **values)
        if values["disagree"]:
            sentence += view.t("equity_trend_disagree")
    units = ev.unit_totals(ev.year_rows(rows, year), unit, resource, names)
    lorenz_title = view.t("equity_lorenz_title", year=year, unit=view.t(f"equity_unit_{unit}"))
    parts["sentence"] = sentence
    parts["figures"] = (
        (lorenz_title, ev.lorenz_figure(units, lorenz_title, view.t)),
        (view.t("equity_gini_trend_title"), ev.gini_trend_figure(trend, view.t)),
        ev.theil_figure(trend, group, view.t),
    )
    return parts


def show_inequality(resource: str, scope_kind: str, year: int, controls) -> None:
    region = view.value("region")
    unit = unit_level(region, controls[1])
    parts = inequality_parts(resource, unit, region, scope_kind, year)
    trend, group = parts["trend"], parts["group"]
    if parts["figures"] is None:
        ui.empty_state("equity_no_resource" if not trend.empty else "equity_no_units", year=year)
        return
    inequality_metrics(trend, year, group, unit)
    unit_name = view.t(f"equity_unit_{unit}")
    if parts["sentence"]:
        st.markdown(parts["sentence"])
    (lorenz_title, lorenz), (gini_title, gini), theil = parts["figures"]
    left, right = st.columns(2)
    ui.chart(lorenz, chart_note(lorenz_title, year), container=left)
    ui.chart(gini, chart_note(gini_title, year), container=right)
    ui.chart(theil, chart_note(theil.layout.title.text or "Theil", year))
    if not parts["group_key"]:
        st.caption(view.t("equity_theil_city_note"))
    st.subheader(view.t("equity_table_title"))
    title = (
        f"{view.t('equity_table_title')} · {view.t(f'equity_resource_{resource}')} · {unit_name}"
    )
    years = f"{trend['year'].min()}–{trend['year'].max()}"
    note = ui.table_note(title, region, years, view.t("equity_col_gini"))
    ui.data_table(trend, ev.INEQUALITY_COLUMNS, note, "inequality")
    formulas(("lorenz", "gini", "theil", "theil_parts"), "equity_formula_inequality_note")


@data.shared_per_view()
def access_parts(
    resource: str, method: str, catchment: int, region: str, scope_kind: str, year: int
) -> dict | None:
    """The scope's accessibility: summary, map, ranking table and the index's range (None when
    no county of the scope has a score)."""
    scores = ev.in_scope(county_accessibility(year, resource, method, catchment), region)
    if scores.empty or scores["access_index"].isna().all():
        return None
    names = data.region_names()
    index = scores["access_index"]
    return {
        "summary": ev.access_summary(scores),
        "figure": ev.access_map(scores, county_layers(scope_kind, region), view.t, view.lang()),
        "ranking": ev.access_ranking(scores, names),
        "target_outside": not classify.target_in_range(index, 1.0) and index.notna().any(),
        "range": (index.min(), index.max()),
    }


def show_access(resource, region: str, scope_kind: str, year: int, controls) -> None:
    method = view.selectbox(
        "method",
        view.t("equity_method"),
        ev.METHODS,
        lambda m: view.t(f"equity_method_{m}"),
        container=controls[1],
    )
    catchment = view.select_slider(
        "catchment", view.t("equity_catchment"), ev.CATCHMENTS_KM, container=controls[2]
    )
    st.info(view.t("equity_access_note"), icon=":material/info:")
    parts = access_parts(resource, method, catchment, region, scope_kind, year)
    if parts is None:
        ui.empty_state("equity_access_no_supply", year=year)
        return
    summary = parts["summary"]
    cells = st.columns(3)
    cells[0].metric(view.t("equity_access_mean"), fmt.rate(summary["mean"]))
    cells[1].metric(view.t("equity_access_below_half"), fmt.percent(summary["below_half"]))
    cells[2].metric(view.t("equity_access_zero"), fmt.integer(summary["zero"]))
    method_words = f"{view.t(f'equity_method_{method}')} · {catchment} km"
    map_title = f"{view.t('equity_col_access_index')} ({method_words})"
    ui.chart(parts["figure"], chart_note(map_title, year))
    if parts["target_outside"]:
        low, high = parts["range"]
        st.caption(
            view.t(
                "legend_target_outside",
                target=fmt.rate(1.0),
                low=fmt.rate(low),
                high=fmt.rate(high),
            )
        )
    st.subheader(view.t("equity_access_table_title"))
    title = view.t("equity_access_table_title")
    note = ui.table_note(title, region, year, map_title)
    ui.data_table(parts["ranking"], ev.ACCESS_COLUMNS, note, "access")
    formulas(("2sfca", "e2sfca", "step", "gauss", "normalized"), "equity_formula_access_note")


@data.shared_per_view()
def coverage_parts(region: str, year: int) -> tuple:
    """The scope's children by distance to the nearest hospital: figure, table and its columns."""
    counties = ev.year_rows(data.query("equity/county_resources", scope=region), year)
    shares = ev.coverage_shares(counties, data.query("equity/hospitals", year=year), region)
    return ev.coverage_figure(shares, year, view.t), *ev.coverage_table(shares, view.t)


def show_coverage(region: str, year: int) -> None:
    title = view.t("equity_coverage_title", year=year)
    figure, table, columns = coverage_parts(region, year)
    ui.chart(figure, chart_note(title, year))
    measure = view.t("equity_col_within_km", km=ev.COVERAGE_KM[0])
    ui.data_table(table, columns, ui.table_note(title, region, year, measure), "coverage")
    st.caption(view.t("equity_coverage_note"))
    formulas(("coverage",), None)


@data.shared_per_view()
def shortage_table(region: str, year: int, top: int) -> pd.DataFrame | None:
    """The top counties of the scope by shortage score as shown (None when none scores)."""
    counties = ev.year_rows(data.query("equity/county_resources", scope=region), year)
    hospitals = data.query("equity/hospitals", year=year)
    worst = ev.shortage_ranking(counties, hospitals, region, top)
    if worst.empty:
        return None
    return ev.shortage_table(worst, data.region_names(), view.t)


def show_shortage(region: str, year: int) -> None:
    top = view.selectbox("top", view.t("equity_top"), ev.SHORTAGE_TOP, container=st.columns(3)[0])
    st.subheader(view.t("equity_shortage_title", year=year))
    st.caption(view.t("equity_shortage_note"))
    with st.expander(view.t("equity_points_title")):
        st.markdown(ev.points_table_markdown(view.t))
        st.caption(view.t("equity_points_notes"))
    table = shortage_table(region, year, top)
    if table is None:
        ui.empty_state("equity_shortage_empty")
        return
    title = view.t("equity_shortage_title", year=year)
    note = ui.table_note(title, region, year, view.t("equity_col_score"))
    ui.data_table(table, ev.SHORTAGE_COLUMNS, note, "shortage")


def formulas(keys: tuple[str, ...], note_key: str | None) -> None:
    with st.expander(view.t("equity_formulas")):
        for key in keys:
            st.latex(ev.FORMULAS[key])
        if note_key:
            st.markdown(view.t(note_key))


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_accessibility(
    identity: tuple, year: int, resource: str, method: str, catchment_km: int
) -> pd.DataFrame:
    counties = data.query("equity/county_resources", scope="")
    hospitals = data.query("equity/hospitals", year=year)
    return ev.accessibility_scores(
        counties[counties["year"] == year], hospitals, resource, method, catchment_km
    )


def county_layers(scope_kind: str, region: str) -> dict:
    """What a county map of the scope needs: the counties' ids and names, their GeoJSON by URL
    (no polygons on the server), and for China the context areas and the sea line."""
    layer = scope.boundary_layer(scope_kind, "county")
    layers = {
        "names": data.query("common/shape_names", layer=layer, scope=region),
        "counties_url": data.geojson_url(layer, region),
    }
    if scope_kind == "national":
        layers |= {"context": data.features("context"), "sea_line": data.features("sea_line")}
    return layers


def county_accessibility(year: int, resource: str, method: str, catchment_km: int) -> pd.DataFrame:
    """accessibility_scores for all of China, computed once per (year, resource, method, catchment)."""
    return _cached_accessibility(data.current_identity(), year, resource, method, catchment_km)
