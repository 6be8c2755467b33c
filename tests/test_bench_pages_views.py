"""The page benchmark measures what it says: every widget change it times names a control of
its view (one had turned from a radio into a selectbox and the benchmark stopped with a
traceback)."""

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.apptest_helpers import errors, open_page

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_pages.py"


def bench_module():
    spec = importlib.util.spec_from_file_location("bench_pages", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_pages", module)
    spec.loader.exec_module(module)
    return module


bench = bench_module()
VIEWS_WITH_CHANGES = [
    view for view in bench.VIEWS if any(v == view for v, _, _ in bench.WIDGET_CHANGES)
]


@pytest.mark.parametrize("view", VIEWS_WITH_CHANGES, ids=lambda view: view.label)
def test_every_timed_widget_change_names_a_control_of_its_view(monkeypatch, demo_db, view):
    from pedatlas import navigation

    script = None if view.page == navigation.DEFAULT_PAGE else navigation.spec(view.page).script
    app = open_page(monkeypatch, demo_db, script, **view.params)
    for changed, key, value in bench.WIDGET_CHANGES:
        if changed != view:
            continue
        widget = bench.keyed_widget(app, key)
        assert widget is not None, key
        widget.set_value(widget.options[1] if value is None else value)
        app.run()
        assert errors(app) == [], key
