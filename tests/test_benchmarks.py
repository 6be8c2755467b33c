"""The benchmarks measure what they say: every widget change the page benchmark times names a
control of its view (one had turned from a radio into a selectbox and the benchmark stopped
with a traceback), and the load test recognises the app's Excel buttons (it looked for "XLSX",
which no label says, and never asked for a download)."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.apptest_helpers import errors, open_page

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_pages.py"


def benchmark(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH.with_name(f"{name}.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


bench = benchmark("bench_pages")
load_test = benchmark("load_test")
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_load_test_asks_for_the_excel_files_the_page_offers(monkeypatch, demo_db, lang):
    app = open_page(monkeypatch, demo_db, "pages/referrals.py", lang=lang)
    labels = [button.proto.label for button in app.get("download_button")]
    excel = [label for label in labels if label in load_test.XLSX_LABELS]
    assert excel and len(excel) == len(labels) // 2  # one CSV and one Excel per table


@pytest.mark.parametrize("servers", [["--replicas", "1"], ["--serve", "2"]], ids=["app", "nginx"])
def test_load_test_gets_the_excel_files_it_asks_for(tmp_path, demo_db, servers):
    """Two users ask for an XLSX on every view with tables, from one app process and from two
    replicas behind nginx. The server only answers a deferred-file request that names the
    session (the client had sent none: every request failed), and behind nginx only the replica
    holding the session has the file: the client keeps the proxy's route cookie, as a browser
    does (without it about half the downloads went to the other replica: 404)."""
    report_path = tmp_path / "load.json"
    command = [sys.executable, str(BENCH.with_name("load_test.py")), "--users", "2"]
    command += ["--minutes", "0.5", "--think", "0,0.2", "--downloads", "1", "--idle", "0"]
    command += [*servers, "--json", str(report_path)]
    environment = {**os.environ, "PEDATLAS_DB": str(demo_db)}
    finished = subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=600, check=False
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    report = json.loads(report_path.read_text())
    assert report["errors"] == 0, report["error_examples"]
    assert report["views"] >= 2 and report["xlsx_downloads_ok"] >= 3
