"""The app shell: database on first start, navigation, and the shared sidebar (language, year, scope)."""

import threading

import pandas as pd
import streamlit as st

from pedatlas import auth, data, navigation, state, view
from pedatlas.auth.links import whole_reach_label, whole_reach_offered
from pedatlas.build.pipeline import build_database
from pedatlas.i18n import translate
from pedatlas.paths import database_path

_BUILD_LOCK = threading.Lock()


def ensure_database() -> None:
    """Build the demo database with a visible progress bar if the file is missing."""
    path = database_path()
    if path.exists():
        return
    lang = peek_language()
    with _BUILD_LOCK:
        if path.exists():
            return
        with st.status(translate("building_db", lang), expanded=True) as status:
            bar = st.progress(0.0)
            build_database(
                path, progress=lambda fraction, message: bar.progress(fraction, text=message)
            )
            status.update(
                label=translate("building_db_done", lang), state="complete", expanded=False
            )


def peek_language() -> str:
    """The language before the sidebar is drawn (from this session, else from the link)."""
    current = st.session_state.get(view.VALUES, {}).get("lang")
    linked = st.query_params.get("lang")
    if linked in state.LANGUAGES and linked != st.session_state.get(view.WRITTEN, {}).get("lang"):
        return linked
    return current or (linked if linked in state.LANGUAGES else "zh")


def streamlit_pages(lang: str) -> dict[str, list]:
    """st.Page objects grouped under translated headings."""
    pages = {}
    for group, specs in navigation.groups().items():
        pages[translate(group, lang)] = [
            st.Page(
                page.script,
                title=translate(page.title_key, lang),
                icon=page.icon,
                url_path=page.url_path,
                default=page.key == navigation.DEFAULT_PAGE,
            )
            for page in specs
        ]
    return pages


def page_key(page) -> str:
    """Registry key of the page st.navigation chose."""
    return navigation.key_for_path(page.url_path)


def allowed_values(page: str = "") -> dict:
    """Values the links may carry that come from the database (state.Known), by parameter name."""
    return {
        param.name: param.known.extra + data.column_values(param.known.query, param.known.column)
        for param in state.params_for(page)
        if param.known is not None
    }


def years() -> tuple[int, ...]:
    """The years with data, newest first."""
    return allowed_values()["year"]


def sidebar() -> None:
    """Language, year and scope, bound to the URL."""
    bar = st.sidebar
    view.radio(
        "lang",
        translate("sidebar_language", "zh"),
        state.LANGUAGES,
        format_func=lambda code: translate(f"lang_{code}", code),
        container=bar,
        horizontal=True,
    )
    view.selectbox("year", view.t("sidebar_year"), years(), container=bar)
    scope_picker(data.query("common/region_list"))
    bar.caption(view.t("synthetic_note"))


def scope_picker(regions: pd.DataFrame) -> None:
    """Province then city; together they set the one 'region' parameter.

    Only the user's scope is offered (regions come from the scoped connection): a province or
    city scope gets no whole-country option, a city scope no province box, and an alliance's
    whole reach is named after the alliance, not "all China"."""
    scope = auth.current_scope()
    names = data.region_names()
    region = view.value("region")
    province = region[:2] + "0000" if region else ""
    city = region if region and region != province else ""
    if "w_province" not in st.session_state or "region" in st.session_state.get(view.SEED, set()):
        st.session_state["w_province"], st.session_state["w_city"] = province, city
    provinces = list(regions.loc[regions["level"] == "province", "adcode"])
    if whole_reach_offered(scope):
        provinces = ["", *provinces]
    whole = whole_reach_label(scope, view.lang())
    chosen_province = province  # a city scope: its province is not a choice
    if provinces:
        if st.session_state.get("w_province") not in provinces:
            st.session_state["w_province"] = provinces[0]
        chosen_province = st.sidebar.selectbox(
            view.t("sidebar_province"),
            provinces,
            key="w_province",
            format_func=view.frozen_labels(provinces, lambda code: names.get(code) or whole),
        )
    chosen_city = ""
    if chosen_province:
        cities = list(regions.loc[regions["parent_adcode"] == chosen_province, "adcode"])
        if provinces:
            cities = ["", *cities]  # the whole province
        if st.session_state.get("w_city") not in cities:
            st.session_state["w_city"] = cities[0] if cities else ""
        chosen_city = st.sidebar.selectbox(
            view.t("sidebar_city"),
            cities,
            key="w_city",
            format_func=view.frozen_labels(
                cities, lambda code: names.get(code) or view.t("scope_whole_province")
            ),
        )
    view.record("region", chosen_city or chosen_province)


def scope_name(region: str) -> str:
    """Display name of a scope ('' = all China, or an alliance user's whole reach: its alliance)."""
    if not region:
        return whole_reach_label(auth.current_scope(), view.lang())
    return data.region_names().get(region, region)
