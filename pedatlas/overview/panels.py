"""Streamlit sections of the overview page (they query and draw; the pure parts are in builders)."""

import streamlit as st

from pedatlas import data, fmt, shell, state, ui, view
from pedatlas.metrics import density
from pedatlas.overview import builders
from pedatlas.scope import child_level, scope_level

PAGE = "overview"


def show_headlines(year: int, region: str) -> None:
    years = shell.allowed_values()["year"]
    now = data.query("overview/scope_summary", year=year, scope=region).iloc[0]
    before = (
        data.query("overview/scope_summary", year=year - 1, scope=region).iloc[0]
        if year - 1 in years
        else None
    )
    figures = builders.headline_figures(
        now, before, data.query("common/targets"), year, view.lang()
    )
    # Four a row: values and labels fit a 1280-px projector with the sidebar open.
    per_row = 4
    for row_start in range(0, len(figures), per_row):
        columns = st.columns(per_row)
        for column, figure in zip(columns, figures[row_start : row_start + per_row], strict=False):
            column.metric(
                figure.label,
                figure.value,
                figure.delta,
                help=view.t("kpi_vs_previous") if figure.delta else None,
            )
            if figure.note:
                column.caption(figure.note)
    st.caption(view.t("overview_flow_caption"))


def show_rankings(year: int, region: str) -> None:
    level = child_level(scope_level(region, data.query("common/region_list")))
    rows = data.query("resource_map/region_resources", year=year, level=level, scope=region)
    target = density.target_value(data.query("common/targets"), "ped_physicians_per_1000", year)
    measures = density.region_measures(rows, target[0] if target else float("nan"))
    best, worst = density.ranked(measures, "physicians_per_1000")
    if best.empty:
        ui.empty_state("overview_ranking_empty")
        return
    unit = view.t(f"unit_{level}")
    left, right = st.columns(2)
    for column, title, frame in ((left, "overview_best", best), (right, "overview_worst", worst)):
        column.subheader(view.t(title, unit=unit))
        for _, row in frame.iterrows():
            link_params = map_link_params(row["adcode"], level, region)
            column.page_link(
                "pages/resource_map.py",
                query_params=link_params,
                icon=":material/map:",
                label=f"{row['name']} · {fmt.rate(row['physicians_per_1000'])}（{fmt.big_number(row['children'], view.lang())}）",
            )


def map_link_params(adcode: str, level: str, region: str) -> dict:
    """URL parameters that open the map on this region (a county opens inside its city)."""
    values = view.values()
    if level == "county":
        overrides = {"region": region or adcode, "county": adcode}
    else:
        overrides = {"region": adcode}
    return state.url_params({**values, **overrides}, state.params_for("resource_map"))
