"""简报 Briefing export: the briefing of the sidebar's scope and year, in a language and a format."""

import streamlit as st

from pedatlas import shell, ui, view
from pedatlas.briefing import panels

with ui.friendly_errors():
    year, region = view.value("year"), view.value("region")
    title, link = st.columns([4, 1])
    title.title(view.t("brief_page_title"))
    with link:
        ui.copy_link(panels.PAGE)
    panels.page_body(region, year, shell.scope_name(region), view.lang())
