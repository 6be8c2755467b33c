"""医联体 Alliances: one alliance's profile, map and recruitment gap, growth and outreach; a comparison."""

import streamlit as st

from pedatlas import data, ui, view
from pedatlas.alliances import panels

head, link = st.columns([4, 1])  # the link is drawn last, so it holds this run's choices
with ui.friendly_errors():
    year = view.value("year")
    head.title(view.t("alliances_title"))
    head.caption(view.t("alliances_intro", year=year))
    alliances = data.query("alliances/list")
    if alliances.empty:
        ui.empty_state("alliances_none")
    else:
        panels.show_alliance(alliances, year)
with link:
    ui.copy_link(panels.PAGE)
