"""资源地图 Resource map: a choropleth of one measure, hospitals on top, click to drill down."""

import streamlit as st

from pedatlas import data, scope, shell, ui, view
from pedatlas.metrics import density
from pedatlas.present import panels as present
from pedatlas.resource_map import change_panel, panels

with ui.friendly_errors():
    year, region = view.value("year"), view.value("region")
    regions = data.query("common/region_list")
    scope_kind = scope.scope_level(region, regions)
    target = density.target_value(data.query("common/targets"), "ped_physicians_per_1000", year)
    head, link = st.columns([4, 1])
    head.title(view.t("map_title"))
    with link:
        ui.copy_link(panels.PAGE)
    panels.breadcrumb(region, regions)
    level, metric, scheme, show_hospitals = panels.controls(
        scope.levels_inside(region, regions), target
    )
    since = change_panel.since_control(year, shell.years(), st.columns(4)[0])
    if not panels.has_regions(year, level, region):
        ui.empty_state("map_no_regions")
    elif since:
        event = change_panel.show_change(year, since, level, region, scope_kind, metric, target)
        panels.handle_click(event, level, region, scope_kind)
    else:
        parts = panels.map_parts(
            year, level, region, scope_kind, metric, scheme, show_hospitals, target
        )
        if parts["no_data"]:
            ui.empty_state("map_no_data_year", year=year)
        if parts["missing"]:
            names = view.t("punct_list").join(parts["missing"])
            st.caption(view.t("map_missing_children", names=names))
        for note in parts["notes"]:
            st.caption(note)
        st.caption(view.t("map_click_hint"))
        event = ui.chart(
            parts["figure"],
            panels.chart_note(metric, target, level, region, year),
            key=f"map_{region or 'cn'}_{level}",
            on_select="rerun",
            selection_mode=("points",),
        )
        panels.handle_click(event, level, region, scope_kind)
        county = panels.checked_county(region)
        if county:
            panels.county_detail(year, county)
        if not present.active():  # one idea per screen: the table stays off the projector
            st.subheader(view.t("map_table_title"))
            panels.show_region_table(parts["table"], metric, target, level, region, year)
