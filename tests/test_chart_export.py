"""Saved chart images carry title, scope, year and source; the toolbar is one button."""

import plotly.graph_objects as go

from pedatlas import chart_export
from pedatlas.chart_export import ChartNote

NOTE = ChartNote("每千儿童儿科医师数", "江西省", "2024", "PedAtlas（合成数据）")


def test_stamped_figure_has_title_and_scope_year_source():
    figure = chart_export.stamped(go.Figure(go.Bar(x=[1], y=[2])), NOTE)
    assert figure.layout.title.text == "每千儿童儿科医师数"
    assert figure.layout.title.subtitle.text == "江西省 · 2024 · PedAtlas（合成数据）"
    assert figure.layout.title.x == 0 and figure.layout.margin.t == chart_export.STAMP_MARGIN
    # under the toolbar's row, so the save button never covers it however narrow the chart
    assert figure.layout.title.pad.t == chart_export.TOOLBAR_ROW
    assert figure.layout.title.yanchor == "top" and figure.layout.title.yref == "container"


def test_stamping_twice_with_the_same_note_changes_nothing(monkeypatch):
    # figures cached per process are shared between sessions: a second stamp must not write
    figure = chart_export.stamped(go.Figure(go.Bar(x=[1], y=[2])), NOTE)
    writes = []
    monkeypatch.setattr(figure, "update_layout", lambda *args, **kwargs: writes.append(kwargs))
    chart_export.stamped(figure, NOTE)
    assert writes == []
    monkeypatch.undo()
    other = ChartNote("每千儿童床位数", "江西省", "2024", "PedAtlas（合成数据）")
    assert chart_export.stamped(figure, other).layout.title.text == "每千儿童床位数"


def test_projector_grows_the_title_block_under_the_toolbar_row():
    from pedatlas.present import builders

    figure = chart_export.stamped(go.Figure(go.Bar(x=[1], y=[2])), NOTE)
    builders.enlarge_figure(figure)
    block = chart_export.STAMP_MARGIN - chart_export.TOOLBAR_ROW
    assert figure.layout.margin.t == chart_export.TOOLBAR_ROW + round(block * builders.FIGURE_SCALE)
    assert figure.layout.title.font.size == chart_export.TITLE_SIZE * builders.FIGURE_SCALE


def test_export_config_names_the_png_and_keeps_one_button():
    config = chart_export.export_config({"topojsonURL": "app/static/"}, NOTE)
    assert config["topojsonURL"] == "app/static/"
    assert config["toImageButtonOptions"] == {
        "format": "png",
        "filename": "每千儿童儿科医师数_江西省_2024",
        "scale": 2,
    }
    assert "zoomInGeo" in config["modeBarButtonsToRemove"]
    assert "toImage" not in config["modeBarButtonsToRemove"]
