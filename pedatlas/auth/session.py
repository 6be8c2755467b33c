"""Who is using this session: sign-in (local users file or Streamlit's OIDC st.login), the
current user's role and data scope, and the gates pages put around controls.

With no sign-in configured (no users file, no [auth] in .streamlit/secrets.toml) the single
local user is an admin with national scope, so the one-command demo on loopback keeps working;
app.py then refuses to serve anyone but this machine (see pedatlas.auth.safety).
"""

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from pedatlas.auth import audit, users
from pedatlas.auth.roles import ACTION_ROLE, at_least, is_role, role_allows
from pedatlas.auth.scope import NATIONAL, Scope, ScopeError, parse_scope
from pedatlas.i18n import translate
from pedatlas.paths import users_path

SESSION_USER = "_auth_user"  # session: name of the locally signed-in user
SESSION_LOGGED = "_auth_logged"  # session: the OIDC sign-in of this session is in the audit log
OIDC_DEFAULTS = {
    "role_claim": "pedatlas_role",
    "scope_claim": "pedatlas_scope",
    "default_role": "viewer",
    "default_scope": "national",
}


@dataclass(frozen=True)
class User:
    """A signed-in user (or the local user when no sign-in is configured)."""

    name: str
    role: str
    scope: Scope
    method: str  # 'none' / 'local' / 'oidc'


LOCAL_USER = User("local", "admin", NATIONAL, "none")


def oidc_configured() -> bool:
    """Whether .streamlit/secrets.toml has an [auth] section (Streamlit's st.login)."""
    # With no secrets file, Streamlit searches for one again on every access, and each page
    # run asks who its user is many times.
    if not any(Path(name).is_file() for name in st.get_option("secrets.files")):
        return False
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, OSError, ValueError):
        return False


def local_users_configured(path: Path | None = None) -> bool:
    """Whether the local users file exists and names at least one user."""
    try:
        return bool(users.load(path or users_path()))
    except users.UsersError:
        return True  # a broken users file must not open the app to everyone


def sign_in_configured() -> bool:
    return oidc_configured() or local_users_configured()


def oidc_settings() -> dict:
    """Claim names and defaults for OIDC users, from [pedatlas] in secrets.toml."""
    try:
        configured = dict(st.secrets.get("pedatlas", {}))
    except (FileNotFoundError, OSError, ValueError):
        configured = {}
    return OIDC_DEFAULTS | {k: str(v) for k, v in configured.items() if k in OIDC_DEFAULTS}


def user_from_claims(claims: dict, settings: dict) -> User:
    """The user an identity provider's claims describe; ValueError on a bad role or scope."""
    name = str(claims.get("preferred_username") or claims.get("email") or claims.get("sub") or "")
    role = str(claims.get(settings["role_claim"]) or settings["default_role"])
    if not is_role(role):
        raise ValueError(f"{settings['role_claim']}={role!r}")
    try:
        scope = parse_scope(str(claims.get(settings["scope_claim"]) or settings["default_scope"]))
    except ScopeError as error:
        raise ValueError(str(error)) from None
    return User(name, role, scope, "oidc")


def _oidc_user() -> User | None:
    if not oidc_configured() or not st.user.is_logged_in:
        return None
    return user_from_claims(st.user.to_dict(), oidc_settings())


def _local_user() -> User | None:
    name = st.session_state.get(SESSION_USER)
    if not name:
        return None
    # Read on every run: a role, scope or removal takes effect on the user's next click.
    record = users.load(users_path()).get(name)
    if record is None:
        st.session_state.pop(SESSION_USER, None)
        return None
    return User(record.name, record.role, parse_scope(record.scope), "local")


def current_user() -> User | None:
    """The user of this session; None when sign-in is configured and nobody has signed in."""
    if not sign_in_configured():
        return LOCAL_USER
    return _local_user() or _oidc_user()


def signed_in() -> bool:
    """Whether this session has a usable user (False for claims that do not fit)."""
    try:
        return current_user() is not None
    except ValueError:
        return False


def current_scope() -> Scope:
    """The data scope every query of this session is restricted to."""
    user = current_user()
    return user.scope if user else NATIONAL


def has_role(role: str) -> bool:
    """Whether the current user's role is role or above."""
    user = current_user()
    return user is not None and at_least(user.role, role)


def can(action: str) -> bool:
    """Whether the current user may do action: view, download, briefing, import, undo, users, audit."""
    user = current_user()
    return user is not None and role_allows(user.role, action)


def gate(action: str, lang: str = "zh", message_key: str = "auth_needs_role") -> bool:
    """can(action), and when not, a sentence saying which role it needs (pages call this)."""
    if can(action):
        return True
    user = current_user()
    needed = ACTION_ROLE.get(action, "admin")
    st.info(
        translate(
            message_key,
            lang,
            role=role_label(needed, lang),
            current=role_label(user.role if user else "viewer", lang),
        ),
        icon=":material/lock:",
    )
    return False


def role_label(role: str, lang: str) -> str:
    return translate(f"auth_role_{role}", lang)


def require_sign_in(lang: str = "zh") -> User:
    """The current user; otherwise draw the sign-in page and stop this run."""
    try:
        user = current_user()
    except ValueError as error:  # the identity provider's claims do not fit
        st.error(translate("auth_claims_bad", lang, detail=error), icon=":material/error:")
        if st.button(translate("auth_sign_out", lang)):
            st.logout()
        st.stop()
    if user is not None:
        if user.method == "oidc" and not st.session_state.get(SESSION_LOGGED):
            audit.record("sign_in", user.name, "OIDC", role=user.role, scope=user.scope.text())
            st.session_state[SESSION_LOGGED] = True
        return user
    sign_in_page(lang)
    st.stop()


def sign_in_page(lang: str) -> None:
    st.title(translate("auth_title", lang))
    st.caption(translate("auth_intro", lang))
    if oidc_configured():
        if st.button(translate("auth_oidc_button", lang), type="primary", key="auth_oidc"):
            st.login()
        if not local_users_configured():
            return
        st.caption(translate("auth_or", lang))
    with st.form("auth_form"):
        name = st.text_input(translate("auth_name", lang), key="auth_name")
        password = st.text_input(translate("auth_password", lang), type="password", key="auth_pw")
        submitted = st.form_submit_button(translate("auth_submit", lang), type="primary")
    if submitted:
        sign_in_local(name.strip(), password, lang)


def sign_in_local(name: str, password: str, lang: str) -> None:
    user = users.verify(users_path(), name, password)
    if user is None:
        audit.record("sign_in_failed", name[:64], "local")
        st.error(translate("auth_failed", lang), icon=":material/error:")
        return
    st.session_state[SESSION_USER] = user.name
    audit.record("sign_in", user.name, "local", role=user.role, scope=user.scope)
    st.rerun()


def sign_out() -> None:
    user = current_user()
    if user is None or user.method == "none":
        return
    audit.record("sign_out", user.name, user.method)
    st.session_state.pop(SESSION_USER, None)
    st.session_state.pop(SESSION_LOGGED, None)
    if user.method == "oidc":
        # st.logout queues a redirect to the provider's end-session page; a rerun here could
        # drop that message before it reaches the browser (the click then seems to do nothing).
        st.logout()
        st.stop()
    st.rerun()


def scope_label(scope: Scope, region_names: dict, lang: str) -> str:
    """A scope in words: all China, a region's name, or an alliance."""
    if scope.is_national:
        return translate("auth_scope_national", lang)
    if scope.kind == "alliance":
        return translate("auth_scope_alliance", lang, name=scope.code)
    return region_names.get(scope.code, scope.code)


def user_badge(container, region_names: dict, lang: str) -> None:
    """'Signed in: name (role, scope)' and a sign-out button, for the sidebar."""
    user = current_user()
    if user is None or user.method == "none":
        return
    container.caption(
        translate(
            "auth_signed_in_as",
            lang,
            name=user.name,
            role=role_label(user.role, lang),
            scope=scope_label(user.scope, region_names, lang),
        )
    )
    if container.button(
        translate("auth_sign_out", lang), key="auth_sign_out", icon=":material/logout:"
    ):
        sign_out()


def gate_whole_database(lang: str = "zh") -> bool:
    """Whether this user may see reports over the whole database file (national scope); when
    not, one sentence saying why. For views that read the file directly, not through
    pedatlas.data (the data page's quality report and table export)."""
    if current_scope().is_national:
        return True
    st.info(translate("auth_whole_database_only", lang), icon=":material/lock:")
    return False
