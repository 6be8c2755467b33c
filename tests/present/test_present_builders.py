"""Projector mode: the deck order, the clicker keys and bigger figures."""

import plotly.graph_objects as go

from pedatlas.present import builders as present


def test_deck_moves_through_the_pages_in_order_without_the_data_page():
    pages = ["overview", "resource_map", "alliances", "planning", "data"]
    assert present.deck(pages, "overview") == (None, "resource_map")
    assert present.deck(pages, "alliances") == ("resource_map", "planning")
    assert present.deck(pages, "planning") == ("alliances", None)
    assert present.deck(pages, "data") == (None, "overview")


def test_key_script_maps_clicker_keys_to_the_links():
    script = present.key_script()
    assert '"PageDown"' in script and '"ArrowRight"' in script and "present_next" in script
    assert '"PageUp"' in script and "present_previous" in script and '"Escape"' in script


def test_enlarge_figure_scales_markers_lines_and_text():
    figure = go.Figure(
        [
            go.Scattergeo(lon=[1, 2], lat=[1, 2], marker={"size": [10, 20]}, line={"width": 2}),
            go.Scatter(x=[1], y=[1], marker={"size": 5}),
            go.Choropleth(locations=["a"], z=[1]),
        ],
        frames=[go.Frame(data=[go.Scattergeo(lon=[1], lat=[1], marker={"size": 4})])],
        layout={"title": {"text": "t", "font": {"size": 15}, "subtitle": {"font": {"size": 11}}}},
    )
    present.enlarge_figure(figure, scale=2)
    assert figure.layout.title.font.size == 30 and figure.layout.title.subtitle.font.size == 22
    assert list(figure.data[0].marker.size) == [20, 40]
    assert figure.data[0].line.width == 4
    assert figure.data[1].marker.size == 10
    assert figure.frames[0].data[0].marker.size == 8
    assert figure.layout.font.size == present.FONT_SIZE
