"""AppTest helpers: open the app on a page with URL parameters, against the test database."""

from pathlib import Path

import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Element

from pedatlas.auth import users
from pedatlas.paths import DB_ENV_VAR

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(
    monkeypatch, db_path, script: str | None = None, timeout: float = 90, **params
) -> AppTest:
    """Run the app (and then the page script, if given) with params in the URL; returns the AppTest."""
    monkeypatch.setenv(DB_ENV_VAR, str(db_path))
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(APP, default_timeout=timeout)
    for name, value in params.items():
        app.query_params[name] = str(value)
    app.run()
    if script:
        # AppTest starts on the default page; the page's own parameters are read once it is
        # the current page, as when a link to it is opened in a browser.
        app.switch_page(script)
        app.run()
        for name, value in params.items():
            app.query_params[name] = str(value)
        app.run()
    return app


PASSWORD = "pedatlas-test-pw"


def open_signed_in(
    monkeypatch,
    db_path,
    state: Path,
    name: str,
    role: str,
    scope: str = "national",
    script: str | None = None,
    **params,
) -> AppTest:
    """The app with a local users file in state holding this one user, signed in through the
    sign-in form; then the page script (if given) with params in the URL."""
    users.add(state / "users.json", name, PASSWORD, role, scope)
    monkeypatch.setenv("PEDATLAS_STATE_DIR", str(state))
    app = open_page(monkeypatch, db_path)
    app.text_input(key="auth_name").set_value(name)
    app.text_input(key="auth_pw").set_value(PASSWORD)
    app.button[0].click().run()
    if script:
        app.switch_page(script).run()
    for key, value in params.items():
        app.query_params[key] = str(value)
    app.run()
    return app


def texts(app: AppTest) -> str:
    """Every piece of markdown, caption, title and metric text on the page, joined."""
    parts = [
        element.value
        for kind in ("markdown", "caption", "title", "subheader", "header")
        for element in app.get(kind)
        if isinstance(element, Element)
    ]
    parts += [f"{m.label} {m.value}" for m in app.metric]
    return "\n".join(str(p) for p in parts)


def errors(app: AppTest) -> list[str]:
    """Exceptions and error boxes shown on the page."""
    return [str(e.value) for e in app.exception] + [str(e.value) for e in app.error]


def deferred_downloads(monkeypatch) -> dict:
    """Every callable registered for a download from now on, by file name (the latest run's wins):
    call one to get the bytes a click would download."""
    seen: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        seen[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return seen
