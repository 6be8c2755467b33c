"""AppTest helpers: open the app on a page with URL parameters, against the test database."""

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Element

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
