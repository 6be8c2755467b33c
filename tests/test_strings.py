"""Every string key the code asks for exists, in both languages, with the same placeholders.

Three nets for the class "a raw key or a broken sentence reaches the screen": a static scan of the
code for the keys it passes to t()/translate()/empty_state(), strict mode (the suite sets
PEDATLAS_STRICT_I18N=1, so an unknown key at run time raises in AppTest and browser tests), and
placeholder parity zh/en for every key, English plurals included.
"""

import ast
import re
import string

import pytest

from pedatlas.i18n import STRICT_ENV_VAR, all_strings, translate
from pedatlas.paths import PROJECT_ROOT

TEXT_FUNCTIONS = {"t", "translate", "empty_state"}
SOURCES = sorted(
    [PROJECT_ROOT / "app.py", *(PROJECT_ROOT / "pages").rglob("*.py")]
    + [path for path in (PROJECT_ROOT / "pedatlas").rglob("*.py") if "strings" not in path.parts]
)
# Nouns that take a plural "s" after a count in English.
COUNT_WORD = re.compile(r"\b1 (?!is\b|was\b|has\b|this\b|its\b|as\b|plus\b|across\b)[a-z]+s\b")


def called_name(node: ast.Call) -> str | None:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def asked_keys() -> list[tuple[str, int, str, bool]]:
    """(file, line, key or key prefix, is_prefix) for every text call with a literal key."""
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and called_name(node) in TEXT_FUNCTIONS):
                continue
            if not node.args:
                continue
            first = node.args[0]
            where = str(path.relative_to(PROJECT_ROOT))
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((where, node.lineno, first.value, False))
            elif isinstance(first, ast.JoinedStr) and first.values:
                head = first.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str) and head.value:
                    found.append((where, node.lineno, head.value, True))
    return found


def fields(text: str) -> set[str]:
    """Placeholder names; none for a text shown as is (formulas with LaTeX braces)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def test_strings_scan_finds_the_calls():
    keys = {key for _, _, key, _ in asked_keys()}
    assert {"copy_link", "share_qr", "equity_title", "hotspot_title"} <= keys


def test_strings_every_key_the_code_asks_for_exists():
    known = all_strings()
    missing = [
        f"{where}:{line} {key}{'…' if prefix else ''}"
        for where, line, key, prefix in asked_keys()
        if (not any(k.startswith(key) for k in known) if prefix else key not in known)
    ]
    assert missing == []


def test_strings_unknown_key_fails_in_the_test_suite():
    import os

    assert os.environ.get(STRICT_ENV_VAR) == "1"
    with pytest.raises(KeyError):
        translate("no_such_key_anywhere", "zh")


def test_strings_unknown_key_shows_itself_to_users(monkeypatch):
    monkeypatch.delenv(STRICT_ENV_VAR)
    assert translate("no_such_key_anywhere", "en") == "no_such_key_anywhere"


@pytest.mark.parametrize("key", sorted(all_strings()))
def test_strings_both_languages_have_text_and_the_same_placeholders(key):
    zh, en = all_strings()[key]
    assert zh.strip() and en.strip()
    assert fields(zh) == fields(en)


def test_strings_plural_syntax():
    from pedatlas.i18n import _FORMATTER

    text = "{rows:row|rows} written, {errors:error|errors}"
    assert _FORMATTER.format(text, rows=1, errors=3) == "1 row written, 3 errors"
    assert _FORMATTER.format(text, rows="12,345", errors="1") == "12,345 rows written, 1 error"


def test_strings_english_uses_half_width_brackets_and_chinese_full_width():
    wrong = {
        key: en
        for key, (_, en) in all_strings().items()
        if re.search(r"[（）：；，。、]", en) and not re.search(r"[\u4e00-\u9fff]", en)
    }
    assert wrong == {}
