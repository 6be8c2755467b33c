"""Streamlit sections of the resource map page (they query and draw; the pure parts are in builders)."""

import pandas as pd
import streamlit as st

from pedatlas import data, fmt, map_traces, rates, scope, shell, state, ui, view
from pedatlas.chart_export import ChartNote
from pedatlas.metrics import density
from pedatlas.resource_map import metrics
from pedatlas.tables import Column, TableNote

PAGE = "resource_map"


TARGET_METRICS = ("physicians_per_1000",)  # measures the physician target is a value of


def controls(levels: tuple[str, ...], target) -> tuple[str, str, str, bool]:
    checked_level(levels)
    left, middle, right, toggle = st.columns([1, 2, 2, 1])
    level = view.selectbox(
        "level", view.t("map_level"), levels, lambda v: view.t(f"level_{v}"), container=left
    )
    view.record("level", "" if level == levels[0] else level)
    metric = view.selectbox(
        "metric",
        view.t("map_metric"),
        metrics.NAMES,
        lambda m: metric_label(m, target),
        container=middle,
    )
    scheme = view.selectbox(
        "scheme",
        view.t("map_scheme"),
        state.CLASS_SCHEMES,
        lambda s: view.t(f"scheme_{s}"),
        container=right,
    )
    show = view.toggle(
        "hospitals", view.t("map_hospitals"), container=toggle, help=view.t("map_hospitals_help")
    )
    return level, metric, scheme, show


def metric_label(metric: str, target) -> str:
    value, year = target or (float("nan"), "")
    return view.t(metrics.metric(metric).label_key, target=fmt.rate(value), year=year)


def breadcrumb(region: str, regions) -> None:
    chain = scope.parent_chain(region, regions)
    columns = st.columns(len(chain) + 3)
    for column, (code, name) in zip(columns, chain, strict=False):
        label = name or view.t("scope_national")
        if code == region:
            column.markdown(f"**{label}**")
        elif column.button(label, key=f"crumb_{code or 'cn'}", icon=":material/arrow_upward:"):
            view.request(region=code, level="", county="")


def map_figure(measures, metric, scheme, target, scope_kind, level, region):
    """The choropleth of one measure; small populations drawn apart (see metrics/small_population)."""
    formatter = metrics.metric(metric).formatter
    goal = (
        target[0]
        if target and metric in TARGET_METRICS
        else (1.0 if metric == "target_share" else None)
    )
    classes = rates.rate_classes(measures, metric, scheme, goal, formatter)
    colors = map_traces.palette(len(classes.labels), not metrics.metric(metric).more_is_worse)
    values = (
        measures[metric].map(formatter).where(measures[metric].notna(), view.t("hover_no_children"))
    )
    hover = map_traces.region_hover(
        measures,
        metric_label(metric, target),
        values,
        measures["children"].map(lambda c: fmt.big_number(c, view.lang())),
        view.t("col_children"),
        view.lang(),
    )
    hover = hover + rates.hover_flags(measures["children"], view.lang())
    features = data.geojson_url(scope.boundary_layer(scope_kind, level), region)
    national = scope_kind == "national"
    texts = {
        "context": view.t("context_regions"),
        "sea_line": view.t("sea_line"),
        "no_data": view.t("no_data"),
        "legend": metric_label(metric, target),
        "lang": view.lang(),
    }
    figure = map_traces.choropleth_figure(
        features,
        measures,
        classes.index,
        classes.labels,
        colors,
        hover,
        texts,
        data.features("context") if national else None,
        data.features("sea_line") if national else None,
        rates.flagged_legend(classes, view.lang()),
    )
    notes = [
        rates.target_note(classes, measures[metric], goal, formatter, view.lang()),
        rates.map_note(classes, view.lang()),
    ]
    return figure, [note for note in notes if note]


@data.shared_per_view()
def map_parts(
    year: int,
    level: str,
    region: str,
    scope_kind: str,
    metric: str,
    scheme: str,
    hospitals: bool,
    target: tuple[float, int] | None,
) -> dict:
    """The map of one year: its figure (hospitals on top when asked) and notes, whether the
    measure has no value at all, the regions with no children counted, the table under it."""
    regions = data.query("common/region_list")
    measures = year_measures(year, level, region, target)
    figure, notes = map_figure(measures, metric, scheme, target, scope_kind, level, region)
    if hospitals:
        add_hospitals(figure, year, region, scope_kind)
    missing = measures.loc[measures["children"].isna() | (measures["children"] == 0), "name"]
    return {
        "figure": figure,
        "notes": notes,
        "no_data": bool(measures[metric].isna().all()),
        "missing": missing.tolist(),
        "table": region_table(measures, metric, target, level, regions),
    }


@data.shared_per_view()
def has_regions(year: int, level: str, region: str) -> bool:
    """Whether the scope has any region at level in year (the map and its comparison need one)."""
    return not year_measures(year, level, region, None).empty


def year_measures(year: int, level: str, region: str, target) -> pd.DataFrame:
    """Every measure of the regions at level within region, in year (target: the physicians'
    target as (value, year), or None)."""
    rows = data.query("resource_map/region_resources", year=year, level=level, scope=region)
    return density.region_measures(rows, target[0] if target else float("nan"))


def add_hospitals(figure, year, region, scope_kind):
    min_tier = {"national": "三级", "province": "二级"}.get(scope_kind, "")
    hospitals = data.query("resource_map/hospitals", year=year, scope=region, min_tier=min_tier)
    hover = hospitals.apply(
        lambda h: (
            f"<b>{h['name']}</b><br>{view.t('kind_' + h['kind'])} · {view.t('tier_' + h['tier'])}"
            f"<br>{view.t('col_physicians')} {h['ped_physicians']} · {view.t('col_beds')} {h['ped_beds']}"
            f" · NICU {h['nicu_beds']} · PICU {h['picu_beds']}<br>{h['alliances']}"
        ),
        axis=1,
    )
    for trace in map_traces.hospital_trace(hospitals, hover, lambda kind: view.t("kind_" + kind)):
        figure.add_trace(trace)


def handle_click(event, level, region, scope_kind):
    points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else []
    location = next((p.get("location") for p in points if p.get("location")), None)
    if not location:
        return
    if level != "county":
        if location != region:
            view.request(region=location, level="", county="")
        return
    if location != view.value("county"):
        county = data.query("common/county_lookup", county=location)
        city = county["city_adcode"].iloc[0] if not county.empty else region
        view.request(region=region if scope_kind == "city" else city, county=location, level="")


METRIC_KINDS = {"target_share": ("percent", 2), "children_per_physician": ("decimal", 0)}
REGION_COLUMNS = [
    Column("children", "col_children", "integer"),
    Column("physicians", "col_physicians", "integer"),
    Column("beds", "col_beds", "integer"),
    Column("icu_beds", "col_icu_beds", "integer"),
    Column("hospitals", "col_hospitals", "integer"),
    Column("member_hospitals", "col_members", "integer"),
    Column("counties", "col_counties", "integer"),
    Column("coverage_share", "col_coverage", "percent"),
    Column("adcode", "col_adcode"),
]


def region_columns(metric: str, target, level: str) -> list[Column]:
    """Name (pinned), the measure next, the parent region for counties/cities, then the counts."""
    kind, digits = METRIC_KINDS.get(metric, ("decimal", 2))
    measure = Column(metric, "", kind, digits, keep=True, label=metric_label(metric, target))
    parent = [Column("parent_name", f"col_parent_{level}")] if level in ("city", "county") else []
    note = Column("rate_note", "col_rate_note")  # small child populations (left out if none)
    return [Column("name", "col_region", keep=True), measure, note, *parent, *REGION_COLUMNS]


def region_table(measures, metric, target, level, regions):
    """The regions sorted by the measure (worst last), with their parent's name."""
    names = dict(zip(regions["adcode"], regions["name"], strict=True))
    table = measures.assign(
        parent_name=measures["parent_adcode"].map(names),
        rate_note=rates.table_flags(measures["children"], view.lang()),
    )
    return table.sort_values(
        metric, ascending=metrics.metric(metric).more_is_worse, na_position="last"
    )


def chart_note(metric, target, level, region, year) -> ChartNote:
    """What the map shows: the measure at its level, scope, year (written into the map)."""
    label = metric_label(metric, target)
    title = view.t("title_with_level", measure=label, level=view.t("level_" + level))
    return ui.chart_note(title, region, year)


def show_region_table(table, metric, target, level, region, year) -> None:
    label = metric_label(metric, target)
    scope_name = shell.scope_name(region)
    note = TableNote(
        title=view.t("title_with_level", measure=label, level=view.t("level_" + level)),
        scope=scope_name,
        year=str(year),
        measure=label,
        source=view.t("table_source_default"),
    )
    ui.data_table(table, region_columns(metric, target, level), note, "regions")


HOSPITAL_COLUMNS = [
    Column("name", "col_name", keep=True),
    Column("ped_physicians", "col_physicians", "integer", keep=True),
    Column("kind", "col_kind"),
    Column("tier", "col_tier"),
    Column("ped_nurses", "col_nurses", "integer"),
    Column("ped_beds", "col_beds", "integer"),
    Column("nicu_beds", "col_nicu", "integer"),
    Column("picu_beds", "col_picu", "integer"),
    Column("is_synthetic", "col_synthetic"),
    Column("hospital_id", "col_hospital_id"),
]


def county_detail(year, county):
    info = data.query("common/county_lookup", county=county)
    if info.empty:
        return
    st.subheader(view.t("county_detail_title", name=info["name"].iloc[0], year=year))
    hospitals = data.query("resource_map/county_hospitals", year=year, county=county)
    if hospitals.empty:
        ui.empty_state("county_no_hospitals")
        return
    hospitals = hospitals.assign(
        kind=hospitals["kind"].map(lambda k: view.t("kind_" + k)),
        tier=hospitals["tier"].map(lambda k: view.t("tier_" + k)),
        is_synthetic=hospitals["is_synthetic"].map(lambda s: view.t(f"value_yes_{bool(s)}")),
    )
    name = info["name"].iloc[0]
    title = view.t("county_detail_title", name=name, year=year)
    note = TableNote(
        title, name, str(year), view.t("col_physicians"), view.t("table_source_default")
    )
    ui.data_table(hospitals, HOSPITAL_COLUMNS, note, "county")


def checked_county(region: str) -> str:
    """The link's county if it lies in the scope; otherwise a notice, and the link drops it."""
    county = view.value("county")
    if not county:
        return ""
    info = data.query("common/county_lookup", county=county)
    inside = not info.empty and region in (
        "",
        info["province_adcode"].iloc[0],
        info["city_adcode"].iloc[0],
    )
    if inside:
        return county
    ui.reject_link_value("county", county, "", "notice_county_outside")
    view.record("county", "")
    return ""


def checked_level(levels: tuple[str, ...]) -> None:
    """A link's level the scope does not offer (a province's provinces) gets a notice."""
    asked = view.value("level")
    if asked and asked not in levels and "level" in st.session_state.get(view.SEED, set()):
        ui.reject_link_value("level", asked, "", "notice_not_offered")
        view.record("level", "")
