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
# A plural noun after the count 1 ("1 rows", "1 children"); verbs in -s ("1 has", "1 lies") are fine.
VERBS_IN_S = "is|was|has|does|lies|this|its|as|plus|across|thus"
COUNT_WORD = re.compile(rf"\b1 (?!(?:{VERBS_IN_S})\b)(?:[a-z]+s|children|people)\b")
# A plural verb right after "1 <noun>" ("1 error were found").
PLURAL_VERB = re.compile(r"\b1 [a-z]+ (?:were|are|have|show|point)\b")
PLURAL_SPEC = re.compile(r"\{\w+:([^{}|]+)\|([^{}]+)\}")


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


def test_translated_text_is_filled_by_translate_not_str_format():
    """t("key").format(n=1) skips the plural forms ({n:row|rows} is no str.format spec): values go
    to t("key", n=1)."""
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("format", "format_map")
                and isinstance(node.func.value, ast.Call | ast.Subscript)
                and (
                    isinstance(node.func.value, ast.Subscript)
                    or called_name(node.func.value) in TEXT_FUNCTIONS
                )
            ):
                found.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert found == []


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


FULL_WIDTH = re.compile(r"[（）：；，。、！？]")
# Literals that are Chinese data, not text around a label: the builder's seeded names, the importer's
# Chinese headers, the allowed values it lists in problems and an import note's file list.
CHINESE_DATA_FILES = {
    "pedatlas/build/seed.py",
    "pedatlas/build/alliances.py",
    "pedatlas/importer/columns.py",
    "pedatlas/importer/validation.py",
    "pedatlas/data_admin/builders.py",
}


def test_strings_english_has_no_full_width_punctuation():
    wrong = {key: en for key, (_, en) in all_strings().items() if FULL_WIDTH.search(en)}
    assert wrong == {}


def code_literals(path) -> list[tuple[int, str]]:
    """(line, text) of the string literals of a file, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_full_width_punctuation_comes_only_from_the_strings_modules():
    """Hover lines, legends and labels joined in code take their colon, brackets and list commas
    from i18n (punct_*): a '：' or '（' written in code shows in English too."""
    found = [
        f"{where}:{line} {text!r}"
        for path in SOURCES
        if path.name != "strings.py"
        and (where := str(path.relative_to(PROJECT_ROOT))) not in CHINESE_DATA_FILES
        for line, text in code_literals(path)
        if FULL_WIDTH.search(text)
    ]
    assert found == []


def test_english_hover_legend_and_lists_are_half_width():
    import numpy as np
    import pandas as pd

    from pedatlas import i18n, map_traces, rates

    frame = pd.DataFrame({"adcode": ["1", "2"], "name": ["南昌县", "西沙区"]})
    hover = map_traces.region_hover(
        frame,
        "Pediatricians per 1,000",
        pd.Series(["0.79", "—"]),
        pd.Series(["1", "36"]),
        "Children",
        "en",
    )
    assert hover[0] == "<b>南昌县</b><br>Pediatricians per 1,000: 0.79<br>Children: 1"
    figure = map_traces.choropleth_figure(
        {"type": "FeatureCollection", "features": []},
        frame,
        np.array([0, -1]),
        ["0.1 – 0.5"],
        ["#fff"],
        hover,
        {"no_data": "No data", "legend": "L", "lang": "en"},
    )
    names = [trace.name for trace in figure.data if trace.showlegend]
    assert names == ["0.1 – 0.5 (1)", "No data (1)"]
    left_out = rates.left_out_note(frame, "en")
    assert left_out.endswith("2 regions, 南昌县, 西沙区.")
    assert (
        i18n.bracketed("南昌市", "zh") == "（南昌市）" and i18n.listed(["a", "b"], "zh") == "a、b"
    )
    for text in [*hover, *names, left_out]:
        assert FULL_WIDTH.search(text) is None, text


def rendered_with_every_placeholder(key: str, value) -> str:
    _, en = all_strings()[key]
    return translate(key, "en", **dict.fromkeys(fields(en), value))


COUNT_KEYS = sorted(key for key, (_, en) in all_strings().items() if fields(en))


@pytest.mark.parametrize("key", COUNT_KEYS)
def test_strings_english_count_of_one_takes_the_singular(key):
    """Every English text with a placeholder, rendered with 1 in each: no "1 rows", "1 error were"."""
    text = rendered_with_every_placeholder(key, 1)
    assert COUNT_WORD.search(text) is None, text
    assert PLURAL_VERB.search(text) is None, text


def test_strings_plural_forms_follow_the_count():
    """Each count-aware placeholder gives its singular for 1 and its plural for 2 (and 1,234)."""
    plural_keys = {key for key, (_, en) in all_strings().items() if PLURAL_SPEC.search(en)}
    assert len(plural_keys) >= 30
    for key in plural_keys:
        en = all_strings()[key][1]
        one, two, many = (rendered_with_every_placeholder(key, v) for v in (1, 2, "1,234"))
        for singular, plural in PLURAL_SPEC.findall(en):
            assert f"1 {singular}" in one, (key, one)
            assert f"2 {plural}" in two, (key, two)
            assert f"1,234 {plural}" in many, (key, many)
        zh = all_strings()[key][0]
        assert PLURAL_SPEC.search(zh) is None  # Chinese has no plural: its placeholders stay plain


def test_strings_plural_examples_read_right():
    assert translate("data_export_rows", "en", rows="1") == "1 row."
    assert translate("data_export_rows", "en", rows="2") == "2 rows."
    assert translate("data_export_rows", "zh", rows="1") == translate(
        "data_export_rows", "zh", rows=1
    )
    assert translate("data_plan_errors", "en", errors=1).startswith("1 error was found")
    assert translate("data_plan_errors", "en", errors=3).startswith("3 errors were found")
    assert translate("importer_applied", "en", rows="1") == "Import done: 1 row written."
    assert "1 alliance had" in translate(
        "brief_alliance_summary",
        "en",
        year=2024,
        alliances=1,
        members=2,
        counties=2,
        county_share="5%",
        children_share="6%",
    )
