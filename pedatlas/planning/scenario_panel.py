"""The planning page's scenario comparison: up to three plans side by side, kept in the link."""

import pandas as pd
import streamlit as st

from pedatlas import fmt, trends, ui, view
from pedatlas.planning import panels, scenarios
from pedatlas.planning.scenarios import Scenario
from pedatlas.present import panels as present
from pedatlas.tables import Column, counts

COMPARE_COLUMNS = [  # one row per scenario: it pinned, the children it newly covers next
    Column("label", "compare_col_scenario", keep=True),
    Column("children_new", "compare_row_children_new", "integer", keep=True),
    *counts(
        ("sites_added", "compare_row_sites_added"), ("children_after", "compare_row_children_after")
    ),
    Column("coverage_after", "compare_row_coverage_after", "percent", keep=True),
    Column("coverage_change", "compare_row_coverage_change", "percent", keep=True),
    Column("gini_after", "compare_row_gini_after", "decimal", 4, keep=True),
    Column("gini_change", "compare_row_gini_change", "decimal", 4, keep=True),
    Column("theil_after", "compare_row_theil_after", "decimal", 4, keep=True),
    Column("theil_change", "compare_row_theil_change", "decimal", 4, keep=True),
    Column("access_after", "compare_row_access_after", "decimal", 3, keep=True),
    Column("access_change", "compare_row_access_change", "percent", keep=True),
    Column("nicu60_after", "compare_row_nicu60_after", "percent"),
    Column("nicu60_change", "compare_col_nicu60_change", "percent"),
]


def scenario_label(text: str) -> str:
    """'members-3-50' -> '+3 members · 50 km' in the current language."""
    scenario = scenarios.parse_scenario(text)
    return view.t(f"compare_label_{scenario.add}", k=scenario.k, radius=scenario.radius_km)


def written(kind: str, value) -> str:
    """A measure of the comparison as shown."""
    if pd.isna(value):
        return fmt.DASH
    return {
        "count": lambda v: fmt.integer(v),
        "children": lambda v: fmt.big_number(v, view.lang()),
        "share": fmt.percent,
        "points": lambda v: f"{v * 100:+.1f} pp",
        "index": lambda v: fmt.rate(v, 4),
        "signed_index": lambda v: f"{v:+.4f}",
        "access": lambda v: fmt.rate(v, 3),
        "signed_share": fmt.signed_percent,
    }[kind](value)


def measures_of(year: int, region: str, scenario: Scenario) -> pd.DataFrame:
    """The scenario's before/after measures (cached per scenario by the planning panels)."""
    *_, measures = panels.scenario_steps(year, region, scenario.add, scenario.k, scenario.radius_km)
    return measures


def comparison_table(table: pd.DataFrame) -> pd.DataFrame:
    """One row per scenario, named in words, its measures raw (COMPARE_COLUMNS formats them)."""
    return table.assign(label=[scenario_label(text) for text in table["scenario"]])


def cards(table: pd.DataFrame) -> None:
    """Each scenario's headline numbers in its own column, side by side."""
    best = scenarios.best_scenario(table)
    for cell, (_, row) in zip(st.columns(len(table)), table.iterrows(), strict=True):
        mark = " ★" if row["scenario"] == best and len(table) > 1 else ""
        cell.markdown(f"**{scenario_label(row['scenario'])}{mark}**")
        cell.metric(view.t("compare_row_children_new"), written("children", row["children_new"]))
        cell.metric(
            view.t("compare_row_coverage_after"),
            written("share", row["coverage_after"]),
            **trends.metric_delta(written("points", row["coverage_change"]), None, view.lang()),
        )
        cell.metric(
            view.t("compare_row_gini_after"),
            written("index", row["gini_after"]),
            **trends.metric_delta(
                written("signed_index", row["gini_change"]), None, view.lang(), "inverse"
            ),
        )
        cell.metric(
            view.t("compare_row_access_after"),
            written("access", row["access_after"]),
            **trends.metric_delta(written("signed_share", row["access_change"]), None, view.lang()),
        )


def pick(current: Scenario) -> list[str]:
    """The scenarios chosen (the link's, with the one set above offered to add)."""
    chosen = [s.text() for s in scenarios.parse_scenarios(view.value("scenarios"))]
    options = list(dict.fromkeys([*chosen, current.text()]))
    picked = view.multiselect(
        "scenarios",
        view.t("compare_pick"),
        options,
        chosen,
        scenario_label,
        max_selections=scenarios.MAX_SCENARIOS,
        help=view.t("compare_pick_help"),
    )
    view.record("scenarios", ",".join(picked))
    return picked


def show_comparison(year: int, region: str, add: str, k: int, radius: int) -> None:
    """Pick up to three scenarios; their coverage, equity and accessibility side by side."""
    if present.active() and not view.value("scenarios"):
        return  # a projector would show only a call to use the (hidden) picker
    st.subheader(view.t("compare_title"))
    picked = pick(Scenario(add, k, radius))
    if not picked:
        ui.empty_state("compare_empty")
        return
    chosen = [scenarios.parse_scenario(text) for text in picked]
    with st.spinner(view.t("compare_running")):
        table = scenarios.compare_scenarios([(s, measures_of(year, region, s)) for s in chosen])
    cards(table)
    title = view.t("compare_title")
    note = ui.table_note(title, region, year, view.t("compare_row_children_new"))
    ui.data_table(comparison_table(table), COMPARE_COLUMNS, note, "compare")
    st.caption(view.t("compare_caption"))
