"""Streamlit sections of the overview page (they query and draw; the pure parts are in builders)."""

import streamlit as st

from pedatlas import data, fmt, i18n, rates, scope, shell, state, trends, ui, view
from pedatlas.metrics import density, small_population
from pedatlas.overview import builders

PAGE = "overview"


@data.shared_per_view()
def headline_figures(year: int, region: str) -> list:
    """The headline figures of the scope and year, with their change since the year before."""
    years = shell.years()
    now = data.query("overview/scope_summary", year=year, scope=region).iloc[0]
    before = (
        data.query("overview/scope_summary", year=year - 1, scope=region).iloc[0]
        if year - 1 in years
        else None
    )
    return builders.headline_figures(now, before, data.query("common/targets"), year, view.lang())


def show_headlines(year: int, region: str) -> None:
    figures = headline_figures(year, region)
    # Four a row: values and labels fit a 1280-px projector with the sidebar open.
    per_row = 4
    for row_start in range(0, len(figures), per_row):
        columns = st.columns(per_row)
        for column, figure in zip(columns, figures[row_start : row_start + per_row], strict=False):
            column.metric(
                figure.label,
                figure.value,
                **trends.metric_delta(figure.delta, "previous", view.lang(), figure.delta_color),
                help=view.t("kpi_vs_previous") if figure.delta else None,
            )
            if figure.note:
                column.caption(figure.note)
    st.caption(view.t("overview_flow_caption"))


def ranking_level(region: str, regions) -> str:
    """One level below the scope by default (a municipality's districts); the counties of a
    province (or of all China) when the reader asks for them."""
    levels = scope.levels_inside(region, regions)
    if len(levels) == 1:
        view.record("level", "")
        return levels[0]
    level = view.radio(
        "level",
        view.t("overview_rank_level"),
        levels,
        lambda v: view.t(f"unit_{v}"),
        horizontal=True,
    )
    view.record("level", "" if level == levels[0] else level)
    return level


@data.shared_per_view()
def ranking_parts(year: int, region: str, level: str) -> dict | None:
    """The best and worst regions at level by physicians per 1,000 children, each as (label,
    what its map link sets), and the note on regions left out (None when none ranks)."""
    rows = data.query("resource_map/region_resources", year=year, level=level, scope=region)
    target = density.target_value(data.query("common/targets"), "ped_physicians_per_1000", year)
    measures = density.region_measures(rows, target[0] if target else float("nan"))
    best, worst, left_out = small_population.ranked(measures, "physicians_per_1000")
    if best.empty:
        return None
    lists = {}
    for title, frame in (("overview_best", best), ("overview_worst", worst)):
        lists[title] = [
            (
                f"{place_name(row, level)} · {fmt.rate(row['physicians_per_1000'])}"
                + i18n.bracketed(fmt.big_number(row["children"], view.lang()), view.lang()),
                map_link_overrides(row["adcode"], level, region),
            )
            for _, row in frame.iterrows()
        ]
    return {"lists": lists, "note": rates.left_out_note(left_out, view.lang())}


def show_rankings(year: int, region: str) -> None:
    level = ranking_level(region, data.query("common/region_list"))
    parts = ranking_parts(year, region, level)
    if parts is None:
        ui.empty_state("overview_ranking_empty")
        return
    unit, values = view.t(f"unit_{level}"), view.values()
    map_params = state.params_for("resource_map")
    for column, (title, entries) in zip(st.columns(2), parts["lists"].items(), strict=True):
        column.subheader(view.t(title, unit=unit))
        for label, overrides in entries:
            column.page_link(
                "pages/resource_map.py",
                query_params=state.url_params({**values, **overrides}, map_params),
                icon=":material/map:",
                label=label,
            )
    if parts["note"]:
        st.caption(parts["note"])


def place_name(row, level: str) -> str:
    """A region's name; a county with its city ('南昌县（南昌市）'), since county names repeat."""
    if level != "county":
        return row["name"]
    county = data.query("common/county_lookup", county=row["adcode"])
    city = county["city_adcode"].iloc[0] if not county.empty else ""
    names = data.query("common/region_list").set_index("adcode")["name"]
    return (
        row["name"] + i18n.bracketed(names[city], view.lang())
        if city in names.index and city != row["adcode"]
        else row["name"]
    )


def map_link_overrides(adcode: str, level: str, region: str) -> dict:
    """What a link to the map of this region sets (a county opens inside its city)."""
    if level == "county":
        county = data.query("common/county_lookup", county=adcode)
        city = county["city_adcode"].iloc[0] if not county.empty else region
        return {"region": city or region, "county": adcode, "level": ""}
    return {"region": adcode, "level": ""}
