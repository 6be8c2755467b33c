"""Sign-in, roles, data scope and the audit log. Pages use only what is exported here:

    from pedatlas import auth
    auth.current_user()        # User(name, role, scope, method) or None before sign-in
    auth.can("download")       # view / download / briefing / import / undo / users / audit
    auth.has_role("analyst")
    if auth.gate("import", lang): ...   # False plus a sentence saying which role is needed

See /work/coord/AUTH_API.md and the README's "Deploying" section. Names load on first use, so
the users CLI and the audit log work without importing Streamlit.
"""

import importlib

_EXPORTS = {
    "ACTION_ROLE": "roles",
    "ROLES": "roles",
    "NATIONAL": "scope",
    "Scope": "scope",
    "parse_scope": "scope",
    "LOCAL_USER": "session",
    "User": "session",
    "can": "session",
    "current_scope": "session",
    "current_user": "session",
    "gate": "session",
    "has_role": "session",
    "require_sign_in": "session",
    "signed_in": "session",
    "gate_whole_database": "session",
    "sign_in_configured": "session",
    "user_badge": "session",
    "scope_allowed": "links",
    "show_scope_notice": "links",
    "sidebar_badge": "links",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pedatlas.auth' has no attribute {name!r}")
    return getattr(importlib.import_module(f"pedatlas.auth.{_EXPORTS[name]}"), name)
