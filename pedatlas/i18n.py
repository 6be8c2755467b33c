"""User-facing text in zh-CN (default) and English.

Strings live in each feature's pedatlas/<feature>/strings.py (shared ones in pedatlas/strings/)
as ``STRINGS = {key: (zh, en)}`` so each page's text sits with its code; this module merges them and is the only way pages get text.
"""

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pedatlas import strings as _strings_pkg

PACKAGE = "pedatlas"
PACKAGE_DIR = Path(__file__).resolve().parent
LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
Text = Callable[..., str]  # key (and {placeholder} values) -> text: how pure builders get words


def string_modules() -> list[str]:
    """Modules holding STRINGS: pedatlas/strings/*.py and each feature's pedatlas/<feature>/strings.py."""
    names = [
        f"{_strings_pkg.__name__}.{info.name}"
        for info in pkgutil.iter_modules(_strings_pkg.__path__)
    ]
    names += [
        f"{PACKAGE}.{folder.name}.strings"
        for folder in sorted(PACKAGE_DIR.iterdir())
        if (folder / "strings.py").is_file()
    ]
    return names


@cache
def all_strings() -> dict[str, tuple[str, str]]:
    """Every key -> (zh, en), merged from every strings module; duplicate keys fail."""
    merged: dict[str, tuple[str, str]] = {}
    for name in string_modules():
        module = importlib.import_module(name)
        for key, pair in module.STRINGS.items():
            if key in merged:
                raise ValueError(f"i18n key {key!r} defined twice (again in {name})")
            merged[key] = pair
    return merged


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for key in lang, with {placeholders} filled; an unknown key shows itself."""
    pair = all_strings().get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text
