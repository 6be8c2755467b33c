"""PedAtlas 儿科资源均衡图谱 — entry point: page setup, shared sidebar, navigation, URL state."""

import streamlit as st

from pedatlas import auth, share, shell, ui, view
from pedatlas.auth import safety
from pedatlas.paths import database_path
from pedatlas.present import panels as present

st.set_page_config(
    page_title="儿科资源均衡图谱 PedAtlas", page_icon="static/favicon.png", layout="wide"
)
lang = shell.peek_language()
safety.refuse_unsafe_exposure(lang)  # no sign-in configured: this machine only
# Pages are registered before the sign-in form, so a deep link opened signed out is kept (and
# shown once signed in) instead of "Page not found"; the menu stays hidden until then.
page = st.navigation(
    shell.streamlit_pages(lang), position="sidebar" if auth.signed_in() else "hidden"
)
auth.require_sign_in(lang)
if not auth.sign_in_configured():
    shell.ensure_database()  # the embedded demo builds its database on first start
safety.stop_on_database_problem(database_path(), lang)
safety.reconcile_audit(database_path())  # a write killed mid-way is closed in the audit log
safety.clean_killed_imports(database_path())  # and its work copy removed once it is stale
key = shell.page_key(page)
allowed = auth.scope_allowed(shell.allowed_values(key), lang)
view.begin(key, allowed)
present.begin()
with ui.friendly_errors():
    shell.sidebar()
    present.sidebar_toggle()
    auth.sidebar_badge(lang)
notices = st.container()  # filled after the page ran: pages reject link values too
auth.show_scope_notice(lang)
page.run()
with ui.friendly_errors():
    present.deck_bar(key)
view.commit(key)
with ui.friendly_errors():
    ui.show_notices(notices)
    share.finish(ui.base_url())
