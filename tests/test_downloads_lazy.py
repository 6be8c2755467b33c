"""Table downloads are built when clicked, not on every rerun, and hold exactly the table shown."""

import io

import pandas as pd
import pytest

from pedatlas import safe_cells
from tests.apptest_helpers import deferred_downloads, open_page


@pytest.fixture
def deferred(monkeypatch):
    """Every callable registered for a download, by file name (the latest run's wins)."""
    return deferred_downloads(monkeypatch)


def test_transport_downloads_are_deferred_and_match_the_tables(monkeypatch, demo_db, deferred):
    eager = []
    monkeypatch.setattr(safe_cells, "xlsx_bytes", lambda *a, **k: eager.append(a) or b"")
    app = open_page(monkeypatch, demo_db, "pages/transport.py")
    monkeypatch.undo()
    buttons = app.get("download_button")
    assert buttons and all(button.proto.deferred_file_id for button in buttons)
    assert not any(button.proto.url for button in buttons)
    assert eager == []  # no workbook was built while the page ran
    csv_names = sorted(name for name in deferred if name.endswith(".csv"))
    assert len(csv_names) == len(buttons) // 2
    outliers = next(name for name in csv_names if name.startswith("异常转运"))
    table = pd.read_csv(io.BytesIO(deferred[outliers]()), encoding="utf-8-sig", dtype=str)
    workbook = pd.read_excel(io.BytesIO(deferred[outliers[:-4] + ".xlsx"]()), dtype=str)
    shown = [frame.value for frame in app.dataframe]
    match = [f for f in shown if list(f.columns) == list(table.columns)]
    assert len(match) == 1 and len(match[0]) == len(table) == len(workbook)
    assert list(workbook.columns) == list(table.columns)
    assert deferred[outliers]().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese right
