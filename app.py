"""PedAtlas 儿科资源均衡图谱 — entry point: page setup, shared sidebar, navigation, URL state."""

import streamlit as st

from pedatlas import share, shell, ui, view

st.set_page_config(
    page_title="儿科资源均衡图谱 PedAtlas", page_icon="static/favicon.png", layout="wide"
)
shell.ensure_database()
page = st.navigation(shell.streamlit_pages(shell.peek_language()))
key = shell.page_key(page)
view.begin(key, shell.allowed_values())
with ui.friendly_errors():
    shell.sidebar()
notices = st.container()  # filled after the page ran: pages reject link values too
page.run()
view.commit(key)
with ui.friendly_errors():
    ui.show_notices(notices)
    share.finish(ui.base_url())
