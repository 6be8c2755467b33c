"""The briefing's time-to-care and hot-spot sections say what the equity page shows."""

from datetime import date

import pytest

from pedatlas import db
from pedatlas.briefing.generate import build_briefing, frame_runner
from pedatlas.briefing.model import Bullets, Chart, Request, Table
from tests.apptest_helpers import open_page

JIANGXI = "360000"


@pytest.fixture(scope="module")
def jiangxi(demo_db):
    connection = db.open_read_only(demo_db)
    try:
        yield build_briefing(
            frame_runner(connection), Request(JIANGXI, 2024, "zh"), date(2026, 12, 1)
        )
    finally:
        connection.close()


def section(briefing, key):
    return next(s for s in briefing.sections if s.key == key)


def test_time_to_care_table_equals_the_equity_page(monkeypatch, demo_db, jiangxi):
    table = next(b for b in section(jiangxi, "time_to_care").blocks if isinstance(b, Table))
    assert table.columns == (
        "医疗级别",
        "超过 30 分钟",
        "超过 60 分钟",
        "超过 120 分钟",
        "超过 240 分钟",
    )
    picu = next(row for row in table.rows if row[0] == "PICU")
    app = open_page(monkeypatch, demo_db, "pages/equity.py", region=JIANGXI, section="time")
    shown = next(m.value for m in app.metric if m.label == "超过 60 分钟到达PICU")
    assert picu[2] == shown
    assert table.meta.scope == "江西省" and table.meta.year == 2024


def test_hotspot_section_states_morans_i_and_draws_the_cluster_map(monkeypatch, demo_db, jiangxi):
    blocks = section(jiangxi, "hotspots").blocks
    bullets = next(b for b in blocks if isinstance(b, Bullets)).items
    chart = next(b for b in blocks if isinstance(b, Chart))
    app = open_page(monkeypatch, demo_db, "pages/equity.py", region=JIANGXI, section="hotspots")
    moran = next(m.value for m in app.metric if m.label.startswith("全局 Moran"))
    assert bullets[0].startswith(f"全局 Moran's I = {moran}")
    assert any("没有统计显著的空间聚集" in line for line in bullets)
    legend = [trace["name"] for trace in chart.figure["data"] if trace.get("showlegend")]
    assert any(name.startswith("低-低") for name in legend)
    assert chart.geo_assets and chart.meta.unit == "LISA 聚类（短缺得分）"
