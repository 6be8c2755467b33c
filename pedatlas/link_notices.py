"""Words for link notices: what a parameter's default means, and a link value made safe to show.

A notice says "this value of the link was not used, this is shown instead". The instead must be in
words a reader understands ("每千儿童儿科医师数", "关闭"), never the code (physicians_per_1000,
False), and the echoed value comes from whoever wrote the link: it is capped, stripped of
direction-control characters (a right-to-left override reverses the sentence) and of markdown.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from pedatlas import fmt

SHOWN_VALUE_MAX = 40
# Bidi embeddings, overrides and isolates, marks, and other invisible format characters (Cf)
# are removed; so are control characters (Cc).
# Markup that can start mid-sentence: emphasis, code, links/images, HTML, entities, maths,
# strike-through, tables, and ":name:" icons / ":red[...]" colours. (An underscore inside a word,
# as in radius_km, is not emphasis and stays as it is.)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>:$~|&])")

# (page, parameter) or parameter -> string key of a value's label; "{}" is the value.
VALUE_KEYS = {
    "lang": "lang_{}",
    "level": "level_{}",
    "unit": "level_{}",
    "metric": "metric_{}",
    "scheme": "scheme_{}",
    "flow_level": "referrals_unit_{}",
    ("referrals", "compare"): "referrals_compare_{}",
    "section": "equity_section_{}",
    "resource": "equity_resource_{}",
    "method": "equity_method_{}",
    "add": "planning_add_{}",
    "tab": "data_tab_{}",
}
# What an empty value means, per (page, parameter) or parameter.
EMPTY_KEYS = {
    "region": "scope_national",
    "level": "default_level_below",
    "unit": "default_level_below",
    "county": "default_no_county",
    ("alliances", "alliance"): "default_largest_alliance",
    ("alliances", "compare"): "default_reported_alliances",
    ("referrals", "alliance"): "default_all_alliances",
    ("referrals", "hospital"): "default_all_hospitals",
    "centre": "transport_all_centres",
}
KM_PARAMS = ("catchment", "radius_km")


@dataclass(frozen=True)
class Rejected:
    """A link value a page did not use, with the reason (an i18n key) when it is not 'invalid'."""

    name: str
    value: str
    default: object
    reason: str = ""


def clean_shown(text: object, limit: int = SHOWN_VALUE_MAX) -> str:
    """text as it may be echoed on screen: no invisible or control characters, at most limit."""
    kept = "".join(
        char for char in str(text) if unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")
    )
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


def escape_markdown(text: str) -> str:
    """text shown literally by st.markdown/st.warning (no links, emphasis, colours or icons)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def shown(text: object) -> str:
    """A value from a link, safe and short enough to echo in a notice."""
    return escape_markdown(clean_shown(text))


def default_words(page: str, name: str, value, t: Callable[..., str]) -> str:
    """The default value of parameter name on page, in the reader's words."""
    if isinstance(value, bool):
        return t("value_on") if value else t("value_off")
    if value in ("", None):
        key = EMPTY_KEYS.get((page, name)) or EMPTY_KEYS.get(name)
        return t(key) if key else t("default_word")
    template = VALUE_KEYS.get((page, name)) or VALUE_KEYS.get(name)
    if template:
        return t(template.format(value), target="", year="")
    if name in KM_PARAMS:
        return fmt.km(value)
    return str(value)
