"""Streamlit sections of the planning page (they query and draw; the pure parts are in builders)."""

import time

import pandas as pd
import streamlit as st

from pedatlas import data, fmt, shell, trends, ui, view
from pedatlas.equity import time_to_care
from pedatlas.planning import builders as pv

PAGE = "planning"


def controls() -> tuple[str, int, int]:
    left, middle, right = st.columns([2, 3, 3])
    add = view.radio(
        "add",
        view.t("planning_add"),
        pv.ADDS,
        lambda a: view.t(f"planning_add_{a}"),
        container=left,
    )
    k = view.select_slider("k", view.t("planning_k"), pv.KS, container=middle)
    radius = view.select_slider(
        "radius_km", view.t("planning_radius"), pv.RADII_KM, lambda r: fmt.km(r), container=right
    )
    return add, k, radius


def pick_province(regions) -> None:
    ui.empty_state("planning_need_region")
    provinces = regions[regions["level"] == "province"]
    names = dict(zip(provinces["adcode"], provinces["name"], strict=True))
    code = st.selectbox(
        view.t("planning_pick_province"),
        [""] + list(names),
        index=0,
        format_func=lambda c: names.get(c, "—"),
        key="planning_province",
    )
    if code:
        view.request(region=code)


def solve(year: int, region: str, add: str, k: int, radius: int):
    started = time.perf_counter()
    with st.status(view.t("planning_status_running"), expanded=False) as status:
        bar = st.progress(0.0, text=view.t("planning_step_data"))
        steps = scenario_steps(year, region, add, k, radius)
        inputs = next(steps)
        bar.progress(0.34, text=view.t("planning_step_solve"))
        plan = next(steps)
        bar.progress(0.67, text=view.t("planning_step_measures"))
        measures = next(steps)
        bar.progress(1.0, text=view.t("planning_step_done"))
        seconds = f"{time.perf_counter() - started:.1f}"
        status.update(label=view.t("planning_status_done", seconds=seconds), state="complete")
    return inputs, plan, measures


def headline(measures, plan, add: str) -> None:
    before = measures.loc["before"]
    new_optimized = plan.covered_optimized - plan.covered_before
    new_naive = plan.covered_naive - plan.covered_before
    after = measures.loc["optimized"]
    lang, supply = view.lang(), view.t(f"planning_supply_{add}")
    cells = st.columns(4)
    cells[0].metric(view.t("planning_metric_new_children"), fmt.integer(new_optimized))
    cells[1].metric(
        view.t("planning_metric_new_children_naive"),
        fmt.integer(new_naive),
        help=view.t("planning_metric_help_naive"),
    )
    change = after["coverage_share"] - before["coverage_share"]
    cells[2].metric(
        view.t("planning_metric_coverage"),
        fmt.percent(after["coverage_share"]),
        **trends.metric_delta(f"{change * 100:+.1f} pp", "before", lang),
        help=view.t("planning_metric_help_coverage"),
    )
    # Supply in reach per 1,000 children: not the equity page's index (1.0 = national mean).
    relative = fmt.relative_change(after["access_per_1000"], before["access_per_1000"])
    delta = fmt.signed_percent(relative) if relative is not None else None
    cells[3].metric(
        view.t("planning_metric_access", supply=supply),
        fmt.rate(after["access_per_1000"], 3),
        **trends.metric_delta(delta, "before", lang),
        help=view.t("planning_metric_help_access", supply=supply),
    )
    extra = plan.covered_optimized - plan.covered_naive
    gain = (
        view.t("planning_gain", extra=fmt.integer(extra))
        if extra > 0
        else view.t("planning_gain_none")
    )
    st.markdown(gain)
    if before["coverage_share"] >= 1.0:
        st.caption(view.t("planning_all_covered"))


@data.shared_per_view()
def scenario_parts(year: int, region: str, add: str, k: int, radius: int) -> dict:
    """What shows the solved scenario: the map, the before/after table with its columns and the
    chosen sites (empty when there are no children or no candidate sites). The scenario itself
    comes from its cached steps, which show_scenario has just run with their progress shown
    (that display is not part of this shared result)."""
    inputs, plan, measures = scenario_steps(year, region, add, k, radius)
    parts: dict = {}
    if inputs.demand.empty or len(inputs.candidates) == 0:
        return parts
    features = data.features("county_fine", region)
    parts["figure"] = pv.plan_map(inputs, plan, radius, features, view.t, view.lang())
    parts["summary"] = pv.summary_table(measures, supply_text(add))
    parts["sites"] = pv.sites_table(inputs, plan, radius, view.t)
    return parts


def show_scenario(year: int, region: str, add: str, k: int, radius: int) -> None:
    inputs, plan, measures = solve(year, region, add, k, radius)
    if inputs.demand.empty:
        ui.empty_state("planning_no_children")
        return
    count = len(inputs.candidates)
    st.caption(view.t(f"planning_candidates_note_{add}", count=count, fixed=len(inputs.fixed)))
    if count == 0:
        ui.empty_state("planning_no_candidates")
        return
    if count < k:
        st.warning(view.t("planning_k_capped", count=count))
    headline(measures, plan, add)
    parts = scenario_parts(year, region, add, k, radius)
    st.subheader(view.t("planning_map_title"))
    ui.chart(parts["figure"], ui.chart_note(view.t("planning_map_title"), region, year))
    title = view.t("planning_compare_title")
    st.subheader(title)
    summary, columns = parts["summary"]
    setting = scenario_words(add, k, radius)
    note = ui.table_note(f"{title} · {setting}", region, year, columns[1].label)
    ui.data_table(summary, columns, note, "summary")
    title = view.t("planning_sites_title")
    st.subheader(title)
    measure = view.t("planning_col_new_children")
    note = ui.table_note(f"{title} · {setting}", region, year, measure)
    ui.data_table(parts["sites"], pv.SITE_COLUMNS, note, "sites")
    capacity = fmt.rate(measures.loc["before", "new_site_capacity"], 1)
    with st.expander(view.t("planning_scenario_title")):
        values = {
            "region": f"{shell.scope_name(region)} ({region})",
            "year": year,
            "add": view.t(f"planning_add_{add}"),
            "k": k,
            "radius_km": radius,
            "capacity": capacity,
            "link": view.link(PAGE, ui.base_url()),
        }
        title = f"{view.t('planning_scenario_title')} · {setting}"
        note = ui.table_note(title, region, year, view.t("planning_col_value"))
        ui.data_table(pv.scenario_table(values, view.t), pv.SCENARIO_COLUMNS, note, "scenario")
    with st.expander(view.t("planning_assumptions")):
        st.markdown(view.t("planning_assumptions_text", capacity=capacity))


def _scenario_data(year: int, region: str, add: str):
    counties = data.query("equity/county_resources", scope="")
    hospitals = data.query("equity/hospitals", year=year)
    candidates = data.query("planning/candidates", year=year, scope=region, add=add)
    return counties[counties["year"] == year].reset_index(drop=True), hospitals, candidates


@st.cache_data(show_spinner=False, max_entries=32)
def _cached_inputs(identity, year: int, region: str, add: str, radius_km: int) -> pv.SiteInputs:
    counties, hospitals, candidates = _scenario_data(year, region, add)
    return pv.site_inputs(counties, hospitals, candidates, region, add, radius_km)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_plan(identity, year: int, region: str, add: str, radius_km: int, k: int) -> pv.Plan:
    return pv.solve_plan(_cached_inputs(identity, year, region, add, radius_km), k, radius_km)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_measures(identity, year, region, add, radius_km, k) -> pd.DataFrame:
    counties, hospitals, _ = _scenario_data(year, region, add)
    inputs = _cached_inputs(identity, year, region, add, radius_km)
    plan = _cached_plan(identity, year, region, add, radius_km, k)
    fits, pooled = detour_fits(identity)
    return pv.plan_measures(
        counties, hospitals, inputs, plan, add, radius_km, fits, float(pooled["factor"])
    )


@st.cache_data(show_spinner=False, max_entries=4)
def detour_fits(identity) -> tuple[pd.Series, pd.Series]:
    """Road detour factor per province and pooled, fitted on the recorded transfer routes when
    the database was built or imported."""
    fits, pooled = time_to_care.split_fits(data.query("equity/detour_fits"))
    return fits.set_index("group")["factor"], pooled


def scenario_steps(year: int, region: str, add: str, k: int, radius_km: int):
    """The scenario in three cached steps (inputs, plan, measures), for a progress display."""
    identity = data.current_identity()
    yield _cached_inputs(identity, year, region, add, radius_km)
    yield _cached_plan(identity, year, region, add, radius_km, k)
    yield _cached_measures(identity, year, region, add, radius_km, k)


def scenario_words(add: str, k: int, radius: int) -> str:
    """'+3 members · 50 km' in the current language (a table's title says which scenario)."""
    return view.t(f"compare_label_{add}", k=k, radius=radius)


def supply_text(add: str):
    """view.t that names the scenario's supply ({supply}) wherever a string asks for it."""
    supply = view.t(f"planning_supply_{add}")
    return lambda key, **values: view.t(key, **({"supply": supply} | values))
