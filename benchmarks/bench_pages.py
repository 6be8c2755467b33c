"""Benchmark: what users wait for — whole page runs, widget changes, and the page in a real browser.

Usage:
    PEDATLAS_DB=/work/national.duckdb python benchmarks/bench_pages.py [--parts server,widgets,browser]
        [--cold 3] [--warm 5] [--only referrals] [--json out.json]

It builds the national stress database first when PEDATLAS_DB names a file that does not exist
(`python -m pedatlas.build --scale national`, ~150 s, ~3 GB RAM).

Figures (all on the machine it runs on):
- server: wall time (and the process's CPU time) of one page run as a user's rerun (app.py + the page, run by streamlit.testing
  AppTest). "cold" = first run after every st.cache_data and st.cache_resource entry was dropped
  (as after a server start or a database swap; the static GeoJSON files on disk stay); "new" =
  the same, but another page (the data page: the shell, its database connection and link values,
  none of this view's data) ran in between, as on a server that is in use when someone opens a
  view nobody opened yet; "warm" = the same view rerun with nothing changed. p50 and p95 over
  the runs.
- widgets: server time from a widget change to the end of the rerun it causes (AppTest), caches
  warm for the view before the change, cold for the new value.
- browser: Debian chromium via Playwright, a new browser context per page (no HTTP cache), server
  caches warm. "first paint" = first contentful paint (the app's skeleton); "ready" = the page
  stopped running and every chart on it has drawn. Bytes: app payload (figure JSON and other
  elements in the websocket ForwardMsgs + GeoJSON files under app/static/geo) and Streamlit's own
  bundle (JS, CSS, fonts, media). Also a widget change in the browser: click -> charts redrawn.

These are not tests: nothing here fails on a slow figure; the budgets are printed next to them.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# PEDATLAS_BENCH_ROOT: another checkout to measure (a before/after pair with the same script).
ROOT = Path(os.environ.get("PEDATLAS_BENCH_ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from pedatlas import chromium, local_app, navigation  # noqa: E402
from pedatlas.paths import DB_ENV_VAR, database_path  # noqa: E402

APP = str(ROOT / "app.py")
BUDGET = {
    "warm_p50_ms": 150,
    "cold_p50_ms": 600,
    "cold_max_ms": 1000,
    "paint_s": 2.0,
    "widget_s": 0.5,
    "payload_mb": 2.5,
}


@dataclass(frozen=True)
class View:
    """One view a user opens: a page and the link parameters that select it."""

    label: str
    page: str
    params: dict = field(default_factory=dict)


VIEWS = (
    View("overview national", "overview"),
    View("overview 江西", "overview", {"region": "360000"}),
    View("overview 南昌", "overview", {"region": "360100"}),
    View("map national provinces", "resource_map"),
    View("map national counties", "resource_map", {"level": "county"}),
    View("map 江西 counties", "resource_map", {"region": "360000"}),
    View("map 南昌 counties", "resource_map", {"region": "360100", "hospitals": "1"}),
    View("alliances default", "alliances"),
    View("alliances 淮海", "alliances", {"alliance": "HH"}),
    View("alliances 江西", "alliances", {"alliance": "JX"}),
    View("alliances 保定", "alliances", {"alliance": "BD"}),
    View("referrals national", "referrals"),
    View("referrals 江西", "referrals", {"region": "360000"}),
    View("referrals 南昌", "referrals", {"region": "360100"}),
    View("referrals alliance 江西", "referrals", {"alliance": "JX"}),
    View("referrals national hospitals", "referrals", {"flow_level": "hospital"}),
    View("transport national", "transport"),
    View("transport 江西", "transport", {"region": "360000"}),
    View("equity inequality", "equity"),
    View("equity access", "equity", {"section": "access"}),
    View("equity coverage", "equity", {"section": "coverage"}),
    View("equity shortage", "equity", {"section": "shortage"}),
    View("equity 江西 access", "equity", {"region": "360000", "section": "access"}),
    View("equity hotspots national", "equity", {"section": "hotspots"}),
    View("equity hotspots 江西", "equity", {"region": "360000", "section": "hotspots"}),
    View("equity time national", "equity", {"section": "time"}),
    View("equity service areas", "equity", {"section": "service_areas"}),
    View("planning 江西", "planning", {"region": "360000"}),
    View("planning national", "planning"),
    View("data quality", "data", {"tab": "quality"}),
    View("data import", "data"),
)

# (view, widget key, new value): a click whose effect users wait for. The widget is found by
# its key whatever its kind (a control that changes from radio to selectbox stays measured).
WIDGET_CHANGES = (
    (VIEWS[3], "w_metric", "beds_per_1000"),
    (VIEWS[3], "w_level", "county"),
    (VIEWS[7], "w_alliance", "HH"),
    (VIEWS[11], "w_flow_level", "city"),
    (VIEWS[11], "w_min", 100),
    (VIEWS[11], "w_compare", "alliance"),
    (VIEWS[16], "w_centre", None),  # None: the second option
    (VIEWS[18], "w_resource", "beds"),
    (VIEWS[19], "w_catchment", 60),
)
WIDGET_KINDS = ("selectbox", "radio", "select_slider", "toggle", "multiselect", "slider")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


def opened(view: View) -> AppTest:
    """An AppTest session showing view (as a user who followed its link)."""
    app = AppTest.from_file(APP, default_timeout=300)
    for name, value in view.params.items():
        app.query_params[name] = str(value)
    app.run()
    if view.page != navigation.DEFAULT_PAGE:
        app.switch_page(navigation.spec(view.page).script)
        app.run()
        for name, value in view.params.items():
            app.query_params[name] = str(value)
        app.run()
    return app


CPU_MS: list[float] = []  # CPU time of each timed run (all threads of this process)


def timed_run(app: AppTest) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    app.run()
    elapsed = (time.perf_counter() - started) * 1000
    CPU_MS.append((time.process_time() - cpu) * 1000)
    if app.exception or app.error:
        problems = [str(e.value)[:200] for e in [*app.exception, *app.error]]
        print(f"    !! errors on the page: {problems}", flush=True)
    return elapsed


PRIMER = View("another page", "data")  # what a server in use has already run: the shell


def server_times(view: View, cold_runs: int, warm_runs: int, primer: AppTest) -> dict:
    app = opened(view)
    cold, cold_cpu, new = [], [], []
    for _ in range(cold_runs):
        clear_caches()
        cold.append(timed_run(app))
        cold_cpu.append(CPU_MS[-1])
    for _ in range(cold_runs):
        clear_caches()
        primer.run()
        new.append(timed_run(app))
    warm = [timed_run(app) for _ in range(warm_runs)]
    warm_cpu = CPU_MS[-warm_runs:]
    return {
        "view": view.label,
        "cold_ms": cold,
        "warm_ms": warm,
        "cold_p50": statistics.median(cold),
        "cold_p95": percentile(cold, 0.95),
        "cold_max": max(cold),
        "new_ms": new,
        "new_p50": statistics.median(new),
        "new_max": max(new),
        "warm_p50": statistics.median(warm),
        "warm_p95": percentile(warm, 0.95),
        "cold_cpu_p50": statistics.median(cold_cpu),
        "warm_cpu_p50": statistics.median(warm_cpu),
    }


def keyed_widget(app: AppTest, key: str):
    """The widget with this key, of whatever kind; None when the view has none."""
    for kind in WIDGET_KINDS:
        for widget in getattr(app, kind):
            if widget.key == key:
                return widget
    return None


def widget_time(view: View, key: str, value) -> dict | None:
    """First and repeated time of a widget change; None when the view has no such widget."""
    app = opened(view)
    timed_run(app)  # warm the current view
    widget = keyed_widget(app, key)
    if widget is None:
        return None
    original = widget.value  # a value, not a label (select_slider options are labels)
    if value is None:
        value = widget.options[1]
    widget.set_value(value)
    started = time.perf_counter()
    app.run()
    first = (time.perf_counter() - started) * 1000
    keyed_widget(app, key).set_value(original)
    app.run()
    keyed_widget(app, key).set_value(value)
    again = timed_run(app)  # the same change once its results are cached
    return {
        "view": view.label,
        "widget": key,
        "value": str(value),
        "first_ms": first,
        "again_ms": again,
    }


# ---------------------------------------------------------------------------------------------
# Browser


def start_server(port: int) -> subprocess.Popen:
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    server = local_app.start(port, env)
    try:
        local_app.wait_healthy(f"http://127.0.0.1:{port}")
    except RuntimeError:
        server.terminate()
        raise
    return server


CHROMIUM_ARGS = [*chromium.HEADLESS_FLAGS, "--disable-quic"]

# Ready: the script finished (no status widget) and every plotly chart drew its SVG.
# The page's state once it stopped running and every chart on it has drawn, else false. Streamlit
# mounts charts lazily (plotly.js is a separate chunk) and plotly fetches linked GeoJSON after its
# first svg, so "ready" is this state held unchanged (charts, their svgs, text, resources fetched).
READY_JS = """() => {
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (!document.querySelector('[data-testid="stMainBlockContainer"] h1')) return false;
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  let drawn = 0;
  for (const chart of charts) { if (chart.querySelector('.main-svg')) drawn += 1; }
  if (drawn < charts.length) return false;
  const main = document.querySelector('[data-testid="stMain"]');
  return [charts.length, (main ? main.innerText.length : 0),
          performance.getEntriesByType('resource').length].join('/');
}"""
SETTLE_MS = 1500  # unchanged this long: nothing more is coming


class Meter:
    """Bytes a page received, by kind: app payload (websocket + GeoJSON) and Streamlit's bundle."""

    def __init__(self, page):
        self.kinds: dict[str, int] = {}
        page.on("response", self._response)
        page.on("websocket", self._socket)

    def add(self, kind: str, size: int) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + size

    def _response(self, response) -> None:
        url = response.url
        try:
            size = len(response.body())
            sent = response.request.sizes()["responseBodySize"]  # as transferred (gzip)
        except Exception:  # redirects and aborted responses have no body
            return
        if "/app/static/geo/" in url:
            kind = "geojson"
        elif "/app/static/" in url:
            kind = "app_static"
        elif "/_stcore/" in url:
            kind = "streamlit_api"
        else:
            kind = "streamlit_bundle"
        self.add(kind, size)
        self.add(kind + "_transferred", sent)

    def _socket(self, socket) -> None:
        socket.on("framereceived", lambda payload: self.add("websocket", len(payload)))


def wait_ready(page, seconds: float = 120) -> float:
    """Seconds from navigation start until the page reached the state READY_JS reports and then
    kept it for SETTLE_MS (that wait is not counted)."""
    deadline = time.monotonic() + seconds
    state, since = None, 0.0
    while time.monotonic() < deadline:
        now_state = page.evaluate(READY_JS)
        now = float(page.evaluate("() => performance.now()"))
        if not now_state:
            state = None
        elif now_state != state:
            state, since = now_state, now
        elif now - since > SETTLE_MS:
            return since / 1000
        time.sleep(0.05)
    return float("nan")


def browser_figures(views, port: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    results = []
    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for view in views:
            url = f"{base}/{'' if view.page == navigation.DEFAULT_PAGE else navigation.spec(view.page).url_path}"
            if view.params:
                url += "?" + "&".join(f"{k}={v}" for k, v in view.params.items())
            for attempt in ("warm-up", "measured"):
                context = browser.new_context(
                    viewport={"width": 1280, "height": 900}, locale="zh-CN"
                )
                page = context.new_page()
                meter = Meter(page)
                page.goto(url)
                ready = wait_ready(page)
                paint = page.evaluate(
                    "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || NaN"
                )
                if attempt == "measured":
                    payload = meter.kinds.get("websocket", 0) + meter.kinds.get("geojson", 0)
                    results.append(
                        {
                            "view": view.label,
                            "first_paint_s": paint / 1000,
                            "ready_s": ready,
                            "payload_mb": payload / 1e6,
                            "bytes": dict(meter.kinds),
                        }
                    )
                    print(
                        f"  {view.label:<32} first paint {paint / 1000:5.2f} s  ready {ready:5.2f} s  "
                        f"payload {payload / 1e6:5.2f} MB  {meter.kinds}",
                        flush=True,
                    )
                context.close()
        browser.close()
    return results


def browser_widget(port: int) -> list[dict]:
    """Click radio options (by widget key) and time until the page ran and its charts redrew."""
    from playwright.sync_api import sync_playwright

    results = []
    clicks = (
        ("referrals", "w_flow_level", (1, 0)),
        ("referrals", "w_compare", (1, 0)),
        ("equity", "w_section", (1, 0)),
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for page_key, widget, options in clicks:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/{navigation.spec(page_key).url_path}")
            wait_ready(page)
            labels = page.locator(f".st-key-{widget} label")
            if labels.count() <= max(options):  # no radio of that key: say so, measure the rest
                print(f"  widget {page_key:<14} {widget}: no radio options here, skipped")
                context.close()
                continue
            for index in options:
                option = labels.nth(index)
                started = page.evaluate("() => performance.now()")
                option.click()
                page.wait_for_timeout(
                    100
                )  # the rerun starts (status widget appears) within ~100 ms
                ready = wait_ready(page)
                seconds = ready - started / 1000
                results.append(
                    {"page": page_key, "widget": widget, "option": index, "repaint_s": seconds}
                )
                print(
                    f"  widget {page_key:<14} {widget} option {index} -> repainted in {seconds:5.2f} s",
                    flush=True,
                )
            context.close()
        browser.close()
    return results


# ---------------------------------------------------------------------------------------------


def ensure_database() -> Path:
    path = database_path()
    if not path.exists():
        print(f"building the national stress database at {path} (~150 s) ...", flush=True)
        subprocess.run(
            [sys.executable, "-m", "pedatlas.build", "--scale", "national", "--out", str(path)],
            cwd=ROOT,
            check=True,
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--parts", default="server,widgets,browser")
    parser.add_argument("--cold", type=int, default=3)
    parser.add_argument("--warm", type=int, default=5)
    parser.add_argument(
        "--only", default="", help="views whose label contains this text ('a|b': either)"
    )
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault(DB_ENV_VAR, str(ROOT / "data" / "pedatlas.duckdb"))
    path = ensure_database()
    parts = set(args.parts.split(","))
    wanted = args.only.split("|")
    views = [v for v in VIEWS if any(w in v.label or w == v.page for w in wanted)]
    print(f"code: {ROOT}   database: {path}")
    print(
        f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (wall times grow with"
        " the load; CPU ms barely do)"
    )
    print(f"budgets: {BUDGET}")
    report: dict = {"database": str(path), "cores": os.cpu_count()}
    if "server" in parts:
        print("\nserver time of a page run (AppTest: app.py + page), ms")
        print(
            f"  {'view':<32} {'cold p50':>9} {'cold p95':>9} {'cold max':>9} {'new p50':>8}"
            f" {'new max':>8} {'warm p50':>9} {'warm p95':>9} | CPU ms: {'cold':>6} {'warm':>6}"
        )
        report["server"] = []
        primer = opened(PRIMER)
        for view in views:
            row = server_times(view, args.cold, args.warm, primer)
            report["server"].append(row)
            flag = (
                " *"
                if row["warm_p50"] > BUDGET["warm_p50_ms"]
                or row["cold_p50"] > BUDGET["cold_p50_ms"]
                or row["cold_max"] > BUDGET["cold_max_ms"]
                else ""
            )
            print(
                f"  {view.label:<32} {row['cold_p50']:9.0f} {row['cold_p95']:9.0f} {row['cold_max']:9.0f} "
                f"{row['new_p50']:8.0f} {row['new_max']:8.0f} {row['warm_p50']:9.0f} {row['warm_p95']:9.0f} |         {row['cold_cpu_p50']:6.0f} "
                f"{row['warm_cpu_p50']:6.0f}{flag}",
                flush=True,
            )
    if "widgets" in parts:
        print("\nwidget change -> end of rerun (AppTest server time), ms")
        report["widgets"] = []
        for view, key, value in WIDGET_CHANGES:
            if view not in views:
                continue
            change = widget_time(view, key, value)
            if change is None:
                print(f"  {view.label:<28} {key:<14} not on this view: update WIDGET_CHANGES")
                continue
            report["widgets"].append(change)
            print(
                f"  {view.label:<28} {key:<14} -> {change['value']:<16} first {change['first_ms']:7.0f}  again {change['again_ms']:7.0f}",
                flush=True,
            )
    if "browser" in parts:
        print("\nreal browser (chromium, new context per page, server caches warm)")
        port = local_app.free_port()
        server = start_server(port)
        try:
            report["browser"] = browser_figures(views, port)
            report["browser_widgets"] = browser_widget(port)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a server stuck in a page run
                server.kill()
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    main()
