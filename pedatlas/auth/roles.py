"""Roles and what each may do: the one table every page and gate reads."""

ROLES = ("viewer", "analyst", "admin")  # each role can do everything the previous one can

# The least role an action needs. Reading every page is "view".
ACTION_ROLE = {
    "view": "viewer",
    "download": "analyst",
    "briefing": "analyst",
    "import": "admin",
    "undo": "admin",
    "users": "admin",
    "audit": "admin",
}


def is_role(role: str) -> bool:
    """Whether role is one of ROLES."""
    return role in ROLES


def role_allows(role: str, action: str) -> bool:
    """Whether a user with role may do action (unknown roles and actions allow nothing)."""
    needed = ACTION_ROLE.get(action)
    if needed is None or role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(needed)


def at_least(role: str, needed: str) -> bool:
    """Whether role ranks at or above needed."""
    return role in ROLES and needed in ROLES and ROLES.index(role) >= ROLES.index(needed)
