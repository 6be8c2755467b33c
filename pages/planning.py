"""规划模拟 Planning: where k new alliance members or NICU sites would cover the most children."""

import streamlit as st

from pedatlas import data, scope, shell, ui, view
from pedatlas.planning import panels, scenario_panel

with ui.friendly_errors():
    year, region = view.value("year"), view.value("region")
    regions = data.query("common/region_list")
    head, link = st.columns([4, 1])
    head.title(view.t("planning_title"))
    head.caption(view.t("planning_scope", scope=shell.scope_name(region), year=year))
    with link:
        ui.copy_link(panels.PAGE)
    add, k, radius = panels.controls()
    if scope.scope_level(region, regions) == "national":
        panels.pick_province(regions)
    else:
        panels.show_scenario(year, region, add, k, radius)
        with ui.friendly_errors():
            scenario_panel.show_comparison(year, region, add, k, radius)
