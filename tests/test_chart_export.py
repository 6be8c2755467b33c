"""Saved chart images carry title, scope, year and source; the toolbar is one button."""

import plotly.graph_objects as go

from pedatlas import chart_export
from pedatlas.chart_export import ChartNote

NOTE = ChartNote("每千儿童儿科医师数", "江西省", "2024", "PedAtlas（合成数据）")


def test_stamped_figure_has_title_and_scope_year_source():
    figure = chart_export.stamped(go.Figure(go.Bar(x=[1], y=[2])), NOTE)
    assert figure.layout.title.text == "每千儿童儿科医师数"
    assert figure.layout.title.subtitle.text == "江西省 · 2024 · PedAtlas（合成数据）"
    assert figure.layout.title.x == 0 and figure.layout.margin.t >= chart_export.TITLE_MARGIN


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
