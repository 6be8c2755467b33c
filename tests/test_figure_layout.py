"""figure_layout.update_layout gives exactly the layout plotly's update_layout gives."""

import plotly.graph_objects as go
import pytest

from pedatlas import figure_layout


def starting_figure() -> go.Figure:
    figure = go.Figure(go.Choropleth(locations=["360000"], z=[1]))
    figure.update_layout(
        legend={"x": 0.5, "font": {"size": 9}}, geo={"center": {"lon": 100}}, title="old"
    )
    return figure


CASES = {
    "nested dicts merge into what is there": {
        "geo": {"visible": False, "projection": {"type": "mercator"}},
        "legend": {"orientation": "h", "title": {"text": "图例", "side": "top"}},
    },
    "plain values and a string title": {"height": 620, "title": "新标题", "clickmode": "event"},
    "underscore paths": {"yaxis_tickformat": ".0%", "yaxis_title": "人数"},
    "an axis not made yet": {"yaxis2": {"overlaying": "y", "side": "right"}},
    "lists": {"sliders": [{"steps": [{"label": "2024", "method": "animate"}]}]},
}


@pytest.mark.parametrize("props", CASES.values(), ids=CASES.keys())
def test_same_layout_as_plotly(props):
    expected = starting_figure().update_layout(**props)
    result = figure_layout.update_layout(starting_figure(), **props)
    assert result.to_plotly_json() == expected.to_plotly_json()
