"""Data scope in the URL-state layer: a link pointing outside the user's scope opens the nearest
allowed view and says so. The data layer filters every query anyway (pedatlas.data, scoped
connection); this keeps the view, its labels and its link honest about what is shown.
"""

import streamlit as st

from pedatlas import data
from pedatlas.auth.scope import Scope
from pedatlas.auth.session import current_scope, scope_label, user_badge
from pedatlas.i18n import translate

SCOPE_NOTICE = "_auth_scope_notice"  # session: (asked, shown) region codes of the last redirect


def nearest_region(asked: str, scope: Scope, allowed: tuple) -> str:
    """The allowed region nearest to asked: itself, else the user's own region, else ''."""
    if asked in allowed:
        return asked
    if scope.region in allowed:
        return scope.region
    return "" if "" in allowed else (allowed[0] if allowed else "")


def whole_reach_offered(scope: Scope) -> bool:
    """Whether region '' may be picked: for national and alliance scopes only (for an alliance,
    '' is the alliance's whole reach, which its data is already limited to); a province or city
    scope is its own top level."""
    return scope.is_national or scope.kind == "alliance"


def whole_reach_label(scope: Scope, lang: str) -> str:
    """What region '' is called: all China for national users, the alliance for alliance users."""
    return translate("scope_national", lang) if scope.is_national else scope_label(scope, {}, lang)


def allowed_regions(scope: Scope, regions: tuple) -> tuple:
    """The region codes a user may pick ('' only when whole_reach_offered)."""
    if whole_reach_offered(scope):
        return regions
    return tuple(code for code in regions if code)


def scope_allowed(allowed: dict, lang: str) -> dict:
    """allowed link values narrowed to the user's scope; rewrites a link's region that is outside
    it to the nearest allowed one (noted for show_scope_notice). Call before view.begin."""
    scope = current_scope()
    if scope.is_national:
        return allowed
    regions = allowed_regions(scope, tuple(allowed.get("region", ("",))))
    asked = st.query_params.get("region", "")
    shown = nearest_region(asked, scope, regions)
    if shown != asked:
        st.query_params["region"] = shown
        if asked:
            st.session_state[SCOPE_NOTICE] = (asked, shown)
    return {**allowed, "region": regions}


def show_scope_notice(lang: str) -> None:
    """'The link pointed outside your data scope (X); showing Y instead.' once per redirect."""
    notice = st.session_state.pop(SCOPE_NOTICE, None)
    if notice is None:
        return
    asked, shown = notice
    names = data.region_names()
    st.warning(
        translate(
            "auth_scope_notice",
            lang,
            asked=names.get(asked, asked),
            shown=names.get(shown) or scope_label(current_scope(), names, lang),
        ),
        icon=":material/travel_explore:",
    )


def sidebar_badge(lang: str) -> None:
    """Who is signed in, with which role and scope, and the sign-out button."""
    names = data.region_names()
    user_badge(st.sidebar, names, lang)
    scope = current_scope()
    if not scope.is_national:
        st.sidebar.caption(
            translate("auth_scope_caption", lang, scope=scope_label(scope, names, lang))
        )
