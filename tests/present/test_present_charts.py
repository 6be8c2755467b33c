"""Projector mode enlarges every chart of every page (ui.chart), and no chart outside it.

Each view is opened twice through its link, with and without `_present=1`: the same charts in the
same order, every projector chart with the projector's font and no taller than a screen, and every
marker and line of a scatter / map trace FIGURE_SCALE times its normal size. Together the views
draw every ui.chart call of the app (26 charts).
"""

import base64
import json

import numpy as np
import pytest

from pedatlas.present import builders
from tests.apptest_helpers import errors, open_page

JIANGXI = "360000"
VIEWS: dict[str, tuple[str, dict, int]] = {
    # page script, link parameters, charts drawn
    "map": ("pages/resource_map.py", {"region": JIANGXI}, 1),
    "map_change": ("pages/resource_map.py", {"region": JIANGXI, "since": 2019}, 1),
    "alliances": ("pages/alliances.py", {"playback": "all"}, 7),
    "referrals": ("pages/referrals.py", {"region": JIANGXI}, 6),
    "transport": ("pages/transport.py", {"region": JIANGXI}, 6),
    "equity": ("pages/equity.py", {"region": JIANGXI, "section": "inequality"}, 3),
    "equity_access": ("pages/equity.py", {"region": JIANGXI, "section": "access"}, 1),
    "equity_coverage": ("pages/equity.py", {"region": JIANGXI, "section": "coverage"}, 1),
    "equity_hotspots": ("pages/equity.py", {"region": JIANGXI, "section": "hotspots"}, 1),
    "equity_time": ("pages/equity.py", {"region": JIANGXI, "section": "time"}, 2),
    "planning": ("pages/planning.py", {"region": JIANGXI}, 1),
}


def sizes(value) -> np.ndarray | None:
    """A size or width from a chart's JSON (numbers, lists or plotly's base64 typed arrays)."""
    if value is None:
        return None
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).astype(float)
    return np.array(value, dtype=float).ravel()


def charts(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def scaled_parts(spec: dict) -> list[tuple[str, np.ndarray]]:
    """(where, sizes) of every marker size and line width of scatter / map traces and frames."""
    traces = [*spec["data"], *(t for frame in spec.get("frames", []) for t in frame["data"])]
    parts = []
    for number, trace in enumerate(traces):
        if trace.get("type") not in ("scatter", "scattergeo"):
            continue
        for attribute, field in (("marker", "size"), ("line", "width")):
            found = sizes(trace.get(attribute, {}).get(field))
            if found is not None:
                parts.append((f"trace {number} {attribute}.{field}", found))
    return parts


def opened_view(monkeypatch, demo_db, name: str, **extra):
    """The view opened through its link (extra parameters added), checked free of errors."""
    script, params, _ = VIEWS[name]
    app = open_page(monkeypatch, demo_db, script, **extra, **params)
    assert errors(app) == []
    return app


@pytest.mark.parametrize("name", VIEWS)
def test_projector_mode_enlarges_every_chart_and_normal_mode_none(monkeypatch, demo_db, name):
    count = VIEWS[name][2]
    normal = opened_view(monkeypatch, demo_db, name)
    projected = opened_view(monkeypatch, demo_db, name, _present=1)
    plain, big = charts(normal), charts(projected)
    assert len(plain) == len(big) == count
    for before, after in zip(plain, big, strict=True):
        assert before["layout"].get("font", {}).get("size") != builders.FONT_SIZE
        assert after["layout"]["font"]["size"] == builders.FONT_SIZE
        assert after["layout"]["legend"]["font"]["size"] == builders.FONT_SIZE
        assert after["layout"]["height"] <= builders.SCREEN_HEIGHT
        small, large = scaled_parts(before), scaled_parts(after)
        assert [where for where, _ in small] == [where for where, _ in large]
        for (where, was), (_, now) in zip(small, large, strict=True):
            assert np.allclose(now, was * builders.FIGURE_SCALE, equal_nan=True), where
