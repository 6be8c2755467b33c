"""数据管理 Data: upload, check, preview and confirm an import, undo it; quality, export, templates.

Layout only: the sections live in pedatlas/data_admin/ (panels.py reads; writes.py holds the
import tab, the only part that changes the database).
"""

import streamlit as st

from pedatlas import ui, view
from pedatlas.data_admin import builders, panels, writes
from pedatlas.paths import database_path

with ui.friendly_errors():
    database = database_path()
    head, link = st.columns([4, 1])
    head.title(view.t("data_title"))
    head.caption(view.t("data_intro", path=database))
    with link:
        ui.copy_link(builders.PAGE)
    tab = view.radio(
        "tab",
        view.t("data_tab_label"),
        builders.TABS,
        lambda section: view.t(f"data_tab_{section}"),
        horizontal=True,
        label_visibility="collapsed",
    )
    if tab == "import":
        writes.write_actions(database)  # upload, check, confirm, undo: all writes, one call
    else:
        panels.READ_ONLY_SECTIONS[tab](database)
