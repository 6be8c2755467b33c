"""Every importer message exists in Chinese and English and fills its placeholders."""

import string

import pytest

from pedatlas.i18n import all_strings, translate
from pedatlas.importer import REASONS
from pedatlas.strings.importer import STRINGS

VALUES = {
    "file": "f.csv",
    "row": 2,
    "column": "c",
    "value": "v",
    "detail": "d",
    "table": "t",
    "mode": "m",
    "added": 1,
    "replaced": 2,
    "removed": 3,
    "errors": 4,
    "total": 5,
    "rejected": 6,
    "shown": 7,
    "rows": 8,
    "path": "/p",
    "tables": "x",
    "message": "msg",
    "source": "utf-8",
}


@pytest.mark.parametrize("reason", REASONS)
def test_strings_every_reason_has_chinese_and_english_text(reason):
    zh, en = all_strings()[f"importer_reason_{reason}"]
    assert zh and en and zh != en


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_strings_placeholders_are_the_same_in_both_languages_and_known(key):
    zh, en = STRINGS[key]
    fields = [
        {name for _, name, _, _ in string.Formatter().parse(text) if name} for text in (zh, en)
    ]
    assert fields[0] == fields[1] and fields[0] <= set(VALUES)
    assert translate(key, "en", **VALUES) and translate(key, "zh", **VALUES)
