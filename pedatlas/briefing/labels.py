"""Text helpers shared by the section builders: translation in the scope's language and labels."""

from pedatlas.briefing.model import Meta, Scope
from pedatlas.i18n import translate


def text(scope: Scope, key: str, /, **values) -> str:
    """The string key in the briefing's language."""
    return translate(key, scope.lang, **values)


def meta(scope: Scope, title: str, unit_key: str, source_key: str, year: int | None = None) -> Meta:
    """The label of one figure: title, scope name, year, unit and source."""
    return Meta(
        title=title,
        scope=scope.name,
        year=scope.year if year is None else year,
        unit=text(scope, unit_key),
        source=text(scope, source_key),
    )


def level_name(scope: Scope, level: str) -> str:
    """'省份' / 'province' ... for a map level."""
    return text(scope, f"brief_level_{level}")
