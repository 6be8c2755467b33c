"""资源地图 Resource map: a choropleth of one measure, hospitals on top, click to drill down."""

import streamlit as st

from pedatlas import data, map_traces, scope, ui, view
from pedatlas.metrics import density
from pedatlas.resource_map import panels

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
    rows = data.query("resource_map/region_resources", year=year, level=level, scope=region)
    measures = density.region_measures(rows, target[0] if target else float("nan"))
    if measures.empty:
        ui.empty_state("map_no_regions")
    else:
        if measures[metric].isna().all():
            ui.empty_state("map_no_data_year", year=year)
        missing = measures.loc[measures["children"].isna() | (measures["children"] == 0), "name"]
        if not missing.empty:
            st.caption(view.t("map_missing_children", names="、".join(missing)))
        figure, notes = panels.map_figure(
            measures, metric, scheme, target, scope_kind, level, region
        )
        for note in notes:
            st.caption(note)
        if show_hospitals:
            panels.add_hospitals(figure, year, region, scope_kind)
        st.caption(view.t("map_click_hint"))
        event = st.plotly_chart(
            figure,
            key=f"map_{region or 'cn'}_{level}",
            on_select="rerun",
            selection_mode=("points",),
            config=map_traces.PLOTLY_CONFIG,
            width="stretch",
        )
        panels.handle_click(event, level, region, scope_kind)
        if view.value("county"):
            panels.county_detail(year, view.value("county"))
        st.subheader(view.t("map_table_title"))
        table = panels.region_table(measures, metric, target)
        st.dataframe(table, hide_index=True, width="stretch")
        ui.table_downloads(
            table, f"pedatlas_{metric}_{level}_{region or 'china'}_{year}", "regions"
        )
