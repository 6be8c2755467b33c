"""The Streamlit side of URL state: seed widgets from the link, mirror choices back into it.

Values live in one session namespace (not only in widget state, which Streamlit drops for
widgets that are not drawn). A value comes from the URL on the first run, or whenever the URL
differs from what this module last wrote (a link was followed); otherwise from the widgets.
"""

import streamlit as st

from pedatlas import state
from pedatlas.i18n import translate

VALUES = "_view_values"
WRITTEN = "_view_written"
PAGE = "_view_page"
NOTICES = "_view_notices"
SEED = "_view_seed"
REQUESTED = "_view_requested"


def widget_key(name: str) -> str:
    """The session-state key of the widget bound to parameter name."""
    return f"w_{name}"


def begin(page: str, allowed: dict) -> dict:
    """Read the URL for this page's parameters; returns the current values."""
    session = st.session_state
    params = state.params_for(page)
    raw = {name: st.query_params[name] for name in st.query_params}
    parsed, notices = state.parse_params(raw, params, allowed)
    values = session.setdefault(VALUES, {})
    written = session.setdefault(WRITTEN, {})
    page_changed = session.get(PAGE) != page
    seeds = set()
    for param in params:
        from_link = raw.get(param.name) != written.get(param.name)
        keep_session = page_changed and param.name not in raw and param.name in values
        if param.name not in values or (from_link and not keep_session):
            values[param.name] = _allowed_or_default(param, parsed[param.name], allowed)
            seeds.add(param.name)
    unknown = state.unknown_params(raw, params)
    if page_changed or any(raw.get(n) != written.get(n) for n in raw):
        session[NOTICES] = notices + [state.Notice(name, raw[name], None) for name in unknown]
    session[PAGE] = page
    session[SEED] = seeds | session.pop(REQUESTED, set())
    return values


def _allowed_or_default(param: state.Param, value, allowed: dict):
    choices = allowed.get(param.name, param.choices)
    return value if state.is_allowed(param, value, choices) else param.default


def value(name: str):
    """The current value of a parameter."""
    return st.session_state[VALUES][name]


def values() -> dict:
    """All current parameter values."""
    return dict(st.session_state[VALUES])


def lang() -> str:
    """The interface language of this run."""
    return st.session_state.get(VALUES, {}).get("lang", "zh")


def t(key: str, **values) -> str:
    """Translated text in the current language."""
    return translate(key, lang(), **values)


def bind(name: str, options) -> str:
    """Prepare the widget for name (seeded when a link or a request set it); returns its key."""
    key = widget_key(name)
    current = value(name)
    if current not in options:
        current = options[0] if options else current
        st.session_state[VALUES][name] = current
    if key not in st.session_state or name in st.session_state.get(SEED, set()):
        st.session_state[key] = current
    return key


def record(name: str, chosen) -> None:
    """Store what the widget for name returned."""
    st.session_state[VALUES][name] = chosen


def frozen_labels(options, format_func):
    """The labels of options computed now (in this run's language), as a lookup function."""
    labels = {option: format_func(option) for option in options}
    return labels.__getitem__


def selectbox(name: str, label: str, options, format_func=str, container=st, **kwargs):
    """A selectbox bound to URL parameter name."""
    options = list(options)
    labels = frozen_labels(options, format_func)
    chosen = container.selectbox(
        label, options, key=bind(name, options), format_func=labels, **kwargs
    )
    record(name, chosen)
    return chosen


def radio(name: str, label: str, options, format_func=str, container=st, **kwargs):
    """A radio group bound to URL parameter name."""
    options = list(options)
    labels = frozen_labels(options, format_func)
    chosen = container.radio(label, options, key=bind(name, options), format_func=labels, **kwargs)
    record(name, chosen)
    return chosen


def select_slider(name: str, label: str, options, format_func=str, container=st, **kwargs):
    """A select_slider bound to URL parameter name."""
    options = list(options)
    labels = frozen_labels(options, format_func)
    chosen = container.select_slider(
        label, options, key=bind(name, options), format_func=labels, **kwargs
    )
    record(name, chosen)
    return chosen


def multiselect(name: str, label: str, options, selected, format_func=str, container=st, **kw):
    """A multiselect bound to URL parameter name (seeded with selected when a link set it)."""
    key = widget_key(name)
    if key not in st.session_state or name in st.session_state.get(SEED, set()):
        st.session_state[key] = [option for option in selected if option in options]
    labels = frozen_labels(options, format_func)
    return container.multiselect(label, options, key=key, format_func=labels, **kw)


def toggle(name: str, label: str, container=st, **kwargs) -> bool:
    """A toggle bound to URL parameter name."""
    chosen = container.toggle(label, key=bind(name, [False, True]), **kwargs)
    record(name, chosen)
    return chosen


def request(**changes) -> None:
    """Change parameters from code (a map click, a breadcrumb) and rerun with them."""
    st.session_state[VALUES].update(changes)
    st.session_state[REQUESTED] = set(changes)
    st.rerun()


def commit(page: str) -> dict[str, str]:
    """Write the current values into the URL (defaults left out); returns what was written."""
    params = state.params_for(page)
    written = state.url_params(st.session_state[VALUES], params)
    # other display options (_tab, ...) pass through; registered ones are in written or default
    names = {param.name for param in params}
    extras = {k: v for k, v in st.query_params.items() if k.startswith("_") and k not in names}
    st.query_params.from_dict({**written, **extras})
    st.session_state[WRITTEN] = written
    return written


def notices() -> list[state.Notice]:
    """URL values of this run that were not understood."""
    return st.session_state.get(NOTICES, [])


def link(page: str, base_url: str | None = None, **overrides) -> str:
    """The full link of the current view (or of it with overrides) on page."""
    params = state.params_for(page)
    current = {**values(), **overrides}
    return (base_url or "") + state.query_string(current, params)
