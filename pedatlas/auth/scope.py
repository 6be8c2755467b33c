"""A user's data scope: the whole country, a province, a city (prefecture unit) or an alliance.

Written as text in the users file and in identity-provider claims: ``national``,
``province:360000``, ``city:360100``, ``alliance:<alliance_id>``.
"""

import re
from dataclasses import dataclass

KINDS = ("national", "province", "city", "alliance")
_ADCODE = re.compile(r"^[1-9]\d{5}$")
_ALLIANCE = re.compile(r"^[A-Za-z0-9_\-.]{1,64}$")


class ScopeError(ValueError):
    """A scope text that does not name a valid scope."""


@dataclass(frozen=True)
class Scope:
    """What part of the data a user may see."""

    kind: str = "national"
    code: str = ""

    @property
    def is_national(self) -> bool:
        return self.kind == "national"

    @property
    def region(self) -> str:
        """The region code of a province or city scope ('' otherwise)."""
        return self.code if self.kind in ("province", "city") else ""

    def text(self) -> str:
        """The scope as written in the users file."""
        return "national" if self.is_national else f"{self.kind}:{self.code}"


NATIONAL = Scope()


def parse_scope(text: str | None) -> Scope:
    """Scope from its text; raises ScopeError naming the bad value."""
    text = (text or "").strip()
    if text in ("", "national"):
        return NATIONAL
    kind, _, code = text.partition(":")
    kind, code = kind.strip().lower(), code.strip()
    if kind == "province" and _ADCODE.match(code) and code.endswith("0000"):
        return Scope(kind, code)
    if kind == "city" and _ADCODE.match(code) and not code.endswith("0000"):
        return Scope(kind, code)
    if kind == "alliance" and _ALLIANCE.match(code):
        return Scope(kind, code)
    raise ScopeError(
        f"scope {text!r}: expected national, province:<6-digit code ending 0000>, "
        "city:<6-digit code> or alliance:<alliance id>"
    )
