"""data.shared_per_view: one build per database file, user scope, language and arguments, shared by
every rerun; ui.labelled_table: a shared frame labelled once per columns and language."""

import gc

import pandas as pd
import pytest
import streamlit as st

from pedatlas import data, tables, ui, view


@pytest.fixture
def context(monkeypatch):
    """The database file, user scope and language a run would see, settable by the test."""
    now = {"identity": ("a.duckdb", (1, 2)), "scope": "national", "lang": "zh"}
    monkeypatch.setattr(data, "current_identity", lambda: now["identity"])
    monkeypatch.setattr(data, "current_scope", lambda: now["scope"])
    monkeypatch.setattr(view, "lang", lambda: now["lang"])
    st.cache_resource.clear()
    yield now
    st.cache_resource.clear()


def counting_builders():
    calls: list[tuple] = []

    @data.shared_per_view()
    def first(region: str, level: str = "city") -> dict:
        calls.append(("first", region, level))
        return {"region": region, "level": level}

    @data.shared_per_view()
    def second(region: str, level: str = "city") -> dict:
        calls.append(("second", region, level))
        return {"other": region}

    return calls, first, second


def test_a_view_is_built_once_and_shared(context):
    calls, first, _ = counting_builders()
    built = first("360000", level="county")
    assert first("360000", level="county") is built
    assert calls == [("first", "360000", "county")]


def test_each_argument_language_scope_and_database_file_builds_anew(context):
    calls, first, _ = counting_builders()
    first("360000")
    first("360100")
    context["lang"] = "en"
    first("360000")
    context["scope"] = "province:360000"
    first("360000")
    context["identity"] = ("a.duckdb", (1, 3))  # the file was replaced by an import
    first("360000")
    assert (
        calls
        == [("first", "360000", "city"), ("first", "360100", "city")]
        + [("first", "360000", "city")] * 3
    )


def test_two_builders_with_the_same_arguments_keep_their_own_results(context):
    calls, first, second = counting_builders()
    assert first("360000") == {"region": "360000", "level": "city"}
    assert second("360000") == {"other": "360000"}
    assert [name for name, *_ in calls] == ["first", "second"]


COLUMNS = [
    tables.Column("name", "col_name", "text"),
    tables.Column("count", "col_children", "integer"),
]


def test_a_shared_frame_is_labelled_once_per_language(context):
    frame = pd.DataFrame({"name": ["南昌县"], "count": [59392.0]})
    zh = ui.labelled_table(frame, COLUMNS)
    assert ui.labelled_table(frame, COLUMNS) is zh
    assert list(zh.columns) == [c.title(view.t) for c in COLUMNS]
    assert zh.iloc[0].tolist() == ["南昌县", 59392]
    context["lang"] = "en"
    en = ui.labelled_table(frame, COLUMNS)
    assert en is not zh
    assert list(en.columns) == [c.title(view.t) for c in COLUMNS]
    assert list(en.columns) != list(zh.columns)


def test_a_freed_frame_leaves_no_labelled_copy(context):
    frame = pd.DataFrame({"name": ["南昌县"], "count": [1]})
    ui.labelled_table(frame, COLUMNS)
    ident = id(frame)
    assert ident in ui._LABELLED
    del frame
    gc.collect()
    assert ident not in ui._LABELLED
