"""URL parameters: names, defaults, parsing and validation, all in one place.

Every piece of view state is one short snake_case query parameter. Only values that differ from
the default go into a link. A malformed or unknown value falls back to the default and yields a
Notice that the page shows; nothing here raises on user input.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from pedatlas.planning.scenarios import parse_scenarios, scenarios_text
from pedatlas.resource_map import metrics as map_metrics


@dataclass(frozen=True)
class Known:
    """Allowed values that come from the database: one column of a named query, plus fixed extras."""

    query: str
    column: str
    extra: tuple = ("",)


@dataclass(frozen=True)
class Param:
    """One URL parameter: its default, how to read it, and its allowed values.

    Allowed values are fixed (choices) or come from the database (known, looked up by
    shell.allowed_values); with many=True the value is a comma-separated list whose every item
    must be allowed. A value that is not allowed falls back to the default with one notice.
    """

    name: str
    default: object
    parse: Callable[[str], object] = str
    choices: tuple | None = None
    known: Known | None = None
    many: bool = False

    def serialize(self, value) -> str:
        """The text of value in a URL."""
        if isinstance(value, bool):
            return "1" if value else "0"
        return str(value)


@dataclass(frozen=True)
class Notice:
    """A URL value that was not understood and what was used instead (reason: an i18n key with
    {name}, {value}, {default}; '' = not valid, the default is used)."""

    name: str
    value: str
    default: object
    reason: str = ""


def parse_bool(text: str) -> bool:
    """'1'/'true'/'yes' -> True, '0'/'false'/'no' -> False."""
    lowered = text.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError(text)


def parse_adcode(text: str) -> str:
    """A 6-digit administrative code, or '' for the whole country."""
    text = text.strip()
    if text in ("", "100000"):
        return ""
    if len(text) != 6 or not text.isdigit():
        raise ValueError(text)
    return text


def parse_list(text: str) -> str:
    """Comma-separated items without blanks or surrounding spaces: ' a, ,b' -> 'a,b'."""
    return ",".join(filter(None, map(str.strip, text.split(","))))


def parse_int(text: str) -> int:
    """A whole number written in plain digits."""
    text = text.strip()
    if not text.lstrip("-").isdigit():
        raise ValueError(text)
    return int(text)


def parse_scenarios_text(text: str) -> str:
    """Planning scenarios in their link form, checked ('members-3-50,nicu-2-100')."""
    return scenarios_text(parse_scenarios(text))


LANGUAGES = ("zh", "en")
LEVELS = ("province", "city", "county")
MAP_METRICS = map_metrics.NAMES  # declared once in pedatlas/resource_map/metrics.py
CLASS_SCHEMES = ("quantiles", "natural_breaks", "target")

GLOBAL_PARAMS = (
    Param("lang", "zh", choices=LANGUAGES),
    Param("year", 2024, parse_int, known=Known("common/resource_years", "year", extra=())),
    Param("region", "", parse_adcode, known=Known("common/region_list", "adcode")),
    Param("_present", False, parse_bool),  # projector mode; a display option, kept across pages
)


def page_params(page: str) -> tuple[Param, ...]:
    """A page's own parameters, as its entry in the page registry (pedatlas.navigation) declares
    them; () for an unknown page."""
    from pedatlas import navigation  # the registry imports this module for Param

    return next((spec.params for spec in navigation.PAGES if spec.key == page), ())


def param_choices(page: str, name: str) -> tuple:
    """The allowed values of one page parameter (declared in the page registry)."""
    choices = next(param.choices for param in page_params(page) if param.name == name)
    if choices is None:
        raise ValueError(f"parameter {name} of page {page} has no fixed choices")
    return choices


def params_for(page: str) -> tuple[Param, ...]:
    """The global parameters plus those of one page."""
    return GLOBAL_PARAMS + page_params(page)


def is_allowed(param: Param, value, choices: Iterable | None) -> bool:
    """Whether value may be used: the default always; else it is in choices (each item if many)."""
    if choices is None or value == param.default:
        return True
    allowed = choices if isinstance(choices, frozenset) else frozenset(choices)
    items = str(value).split(",") if param.many else [value]
    return all(item in allowed for item in items)


def parse_value(param: Param, text: str, allowed: Iterable | None = None):
    """The value of one parameter from its URL text; ValueError when it is not acceptable."""
    value = param.parse(text)
    if not is_allowed(param, value, param.choices if allowed is None else allowed):
        raise ValueError(text)
    return value


def parse_params(raw: Mapping[str, str], params: Iterable[Param], allowed: Mapping | None = None):
    """(values, notices): every parameter's value, the default where missing or invalid."""
    allowed = allowed or {}
    values: dict[str, Any] = {}
    notices: list[Notice] = []
    for param in params:
        text = raw.get(param.name)
        if text is None:
            values[param.name] = param.default
            continue
        try:
            values[param.name] = parse_value(param, text, allowed.get(param.name))
        except (ValueError, TypeError):
            values[param.name] = param.default
            notices.append(Notice(param.name, text, param.default))
            continue
        if param.many:
            values[param.name], repeated = without_repeats(values[param.name])
            if repeated:
                notice = Notice(param.name, repeated, values[param.name], "notice_duplicates")
                notices.append(notice)
    return values, notices


def without_repeats(text: str) -> tuple[str, str]:
    """(list with each item once, in first-seen order; the repeated items) of a comma list."""
    items = text.split(",")
    kept = list(dict.fromkeys(items))
    repeated = list(
        dict.fromkeys(item for index, item in enumerate(items) if item in items[:index])
    )
    return ",".join(kept), ",".join(repeated)


def unknown_params(raw: Mapping[str, str], params: Iterable[Param]) -> list[str]:
    """Names in the URL that this page does not know (ignored with a notice)."""
    known = {param.name for param in params}
    return sorted(name for name in raw if name not in known and not name.startswith("_"))


def url_params(values: Mapping, params: Iterable[Param]) -> dict[str, str]:
    """The query parameters for values: only those that differ from their default."""
    return {
        param.name: param.serialize(values[param.name])
        for param in params
        if param.name in values and values[param.name] != param.default
    }


def query_string(values: Mapping, params: Iterable[Param]) -> str:
    """'?a=1&b=2' for the non-default values, '' when everything is default."""
    encoded = urlencode(url_params(values, params))
    return f"?{encoded}" if encoded else ""
