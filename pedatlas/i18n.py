"""User-facing text in zh-CN (default) and English.

Strings live in pedatlas/strings/<area>.py as ``STRINGS = {key: (zh, en)}`` so each page's text
sits in its own file; this module merges them and is the only way pages get text.
"""

import importlib
import pkgutil
from functools import cache

from pedatlas import strings as _strings_pkg

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


@cache
def all_strings() -> dict[str, tuple[str, str]]:
    """Every key -> (zh, en), merged from the modules of pedatlas.strings; duplicate keys fail."""
    merged: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(_strings_pkg.__path__):
        module = importlib.import_module(f"{_strings_pkg.__name__}.{info.name}")
        for key, pair in module.STRINGS.items():
            if key in merged:
                raise ValueError(f"i18n key {key!r} defined twice (again in {info.name})")
            merged[key] = pair
    return merged


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for key in lang, with {placeholders} filled; an unknown key shows itself."""
    pair = all_strings().get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text
