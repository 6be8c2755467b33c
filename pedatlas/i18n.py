"""User-facing text in zh-CN (default) and English.

Strings live in each feature's pedatlas/<feature>/strings.py (shared ones in pedatlas/strings/)
as ``STRINGS = {key: (zh, en)}`` so each page's text sits with its code; this module merges them and is the only way pages get text.
"""

import importlib
import os
import pkgutil
import string
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


STRICT_ENV_VAR = "PEDATLAS_STRICT_I18N"


class _TextFormatter(string.Formatter):
    """str.format plus English plurals: ``{rows:row|rows}`` gives "1 row" or "5 rows"."""

    def format_field(self, value, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return f"{value} {one if is_one(value) else other}"
        return super().format_field(value, format_spec)


def is_one(value) -> bool:
    """Whether a count (a number or its displayed text) is exactly one."""
    text = str(value).strip()
    return text in ("1", "1.0", "一")


_FORMATTER = _TextFormatter()


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for key in lang, with {placeholders} filled.

    An unknown key shows itself to users (a missing label must not break a page) but raises
    KeyError when PEDATLAS_STRICT_I18N=1, which the test suite sets, so a typo fails a test.
    """
    pair = all_strings().get(key)
    if pair is None:
        if os.environ.get(STRICT_ENV_VAR) == "1":
            raise KeyError(f"unknown i18n key {key!r}")
        return key
    text = pair[1] if lang == "en" else pair[0]
    return _FORMATTER.format(text, **values) if values else text


def colon(lang: str) -> str:
    """What joins a label to its value: '：' in Chinese, ': ' in English."""
    return translate("punct_colon", lang)


def bracketed(text, lang: str) -> str:
    """A count or note after a label: '（12）' in Chinese, ' (12)' in English."""
    return translate("punct_paren", lang, text=text)


def listed(names, lang: str) -> str:
    """Names in a sentence: '西沙区、南沙区' in Chinese, '西沙区, 南沙区' in English."""
    return translate("punct_list", lang).join(str(name) for name in names)
