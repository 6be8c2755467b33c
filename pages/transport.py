"""危重转运 Critical transport: trips, routes, distance bands around the centres, distances and times."""

import streamlit as st

from pedatlas import data, shell, ui, view
from pedatlas.transport import panels

with ui.friendly_errors():
    year, region = view.value("year"), view.value("region")
    points = data.query("transport/centre_points")
    head, link = st.columns([4, 1])
    head.title(view.t("transport_title"))
    centre = panels.centre_picker(year, region, points)
    head.caption(view.t("transport_scope", scope=shell.scope_name(region), year=year))
    with link:
        ui.copy_link(panels.PAGE)
    filters = {"year": year, "scope": region, "centre": centre}
    st.caption(view.t("transport_attribution"))
    summary = data.query("transport/summary", **filters).iloc[0]
    if int(summary["trips"]) == 0:
        ui.empty_state("transport_empty")
    else:
        panels.show_headlines(summary)
        panels.show_report(year, region, centre, points)
        panels.show_monthly(filters)
    st.divider()
    panels.show_map(filters)
    if int(summary["trips"]):
        st.divider()
        panels.show_distributions(filters)
