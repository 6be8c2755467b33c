"""总览 Overview: headline figures for the scope and year, best and worst regions one level down."""

import streamlit as st

from pedatlas import shell, ui, view
from pedatlas.overview import panels

with ui.friendly_errors():
    year, region = view.value("year"), view.value("region")
    title, link = st.columns([4, 1])
    title.title(view.t("overview_title"))
    title.caption(view.t("overview_scope", scope=shell.scope_name(region), year=year))
    with link:
        ui.copy_link(panels.PAGE)
    panels.show_headlines(year, region)
    st.divider()
    panels.show_rankings(year, region)
