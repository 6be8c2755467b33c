"""均衡分析 Equity: Lorenz/Gini/Theil by year, 2SFCA accessibility, distance coverage, shortage ranking."""

import streamlit as st

from pedatlas import data, scope, shell, ui, view
from pedatlas.equity import analysis_panels, panels
from pedatlas.equity import builders as ev

with ui.friendly_errors():
    year, region = view.value("year"), view.value("region")
    regions = data.query("common/region_list")
    scope_kind = scope.scope_level(region, regions)
    head, link = st.columns([4, 1])
    head.title(view.t("equity_title"))
    head.caption(view.t("equity_scope", scope=shell.scope_name(region), year=year))
    with link:
        ui.copy_link(panels.PAGE)
    section = view.radio(
        "section",
        view.t("equity_section"),
        ev.SECTIONS,
        lambda s: view.t(f"equity_section_{s}"),
        horizontal=True,
    )
    if section in ("inequality", "access"):
        controls = st.columns(3)
        resource = view.selectbox(
            "resource",
            view.t("equity_resource"),
            ev.RESOURCES,
            lambda r: view.t(f"equity_resource_{r}"),
            container=controls[0],
        )
        if section == "inequality":
            panels.show_inequality(resource, scope_kind, year, controls)
        else:
            panels.show_access(resource, region, scope_kind, year, controls)
    elif section == "coverage":
        panels.show_coverage(region, year)
    elif section == "shortage":
        panels.show_shortage(region, year)
    elif section == "hotspots":
        analysis_panels.show_hotspots(region, scope_kind, year)
    elif section == "time":
        analysis_panels.show_time_to_care(region, scope_kind, year)
    else:
        analysis_panels.show_service_quality(region, year, data.region_names())
