"""Projector mode on every page: styles and keys before the page runs, the deck bar after it."""

import streamlit as st

from pedatlas import navigation, state, view
from pedatlas.present import builders

PARAM = "_present"


def active() -> bool:
    """Whether this run is in projector mode."""
    return bool(view.values().get(PARAM, False))


def begin() -> None:
    """The styles of every page, and in projector mode its styles and the clicker keys."""
    with st.container(key=builders.HIDDEN_BOX):  # takes no room (not even a gap) on the page
        st.html(builders.BASE_CSS)
        if active():
            st.html(builders.CSS)
            st.html(builders.key_script(), unsafe_allow_javascript=True)


def sidebar_toggle() -> None:
    """The way in: a toggle in the sidebar (hidden in projector mode; Esc or the bar leaves it)."""
    view.toggle(
        PARAM, view.t("present_toggle"), container=st.sidebar, help=view.t("present_toggle_help")
    )


def target_params(page_key: str) -> dict[str, str]:
    """The link parameters of page_key's view: this session's values, projector mode kept."""
    return state.url_params(view.values(), state.params_for(page_key))


def deck_bar(page_key: str) -> None:
    """Previous / next page links (what the clicker keys press) and the way out; on the last page
    of the deck a note that it is the last instead of the next link."""
    if not active():
        return
    previous, following = builders.deck([page.key for page in navigation.available()], page_key)
    with st.container(key=builders.BAR_BOX, horizontal=True):
        for box, target, icon in (
            (builders.PREVIOUS_BOX, previous, ":material/arrow_back:"),
            (builders.NEXT_BOX, following, ":material/arrow_forward:"),
        ):
            if target is None:
                if box == builders.NEXT_BOX:  # the deck's end: said here, and flashed by Next
                    with st.container(key=builders.END_BOX, width="content"):
                        st.markdown(view.t("present_last"))
                continue
            spec = navigation.spec(target)
            with st.container(key=box, width="content"):
                st.page_link(
                    spec.script,
                    label=view.t(spec.title_key),
                    icon=icon,
                    query_params=target_params(target),
                )
        with st.container(key=builders.EXIT_BOX, width="content"):
            if st.button(view.t("present_exit"), icon=":material/close_fullscreen:"):
                view.request(**{PARAM: False})
