"""Chart shapes that more than one feature draws (pure: figures from frames, no streamlit)."""

from collections.abc import Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from pedatlas import figure_layout


def months_stacked_with_line(
    months: Sequence,
    bars: Sequence[tuple[str, Sequence, str]],
    line: tuple[str, Sequence],
    titles: tuple[str, str],
    height: int,
) -> go.Figure:
    """Stacked monthly bars (name, values, colour) and one rate as a line on a second y axis.

    titles: the month axis and the bars' axis; the caller sets the line's axis (its unit).
    """
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for name, values, color in bars:
        figure.add_trace(
            go.Bar(x=months, y=values, name=name, marker_color=color), secondary_y=False
        )
    name, values = line
    figure.add_trace(
        go.Scatter(
            x=months,
            y=values,
            name=name,
            mode="lines+markers",
            line={"color": "#222", "width": 2},
        ),
        secondary_y=True,
    )
    figure_layout.update_layout(
        figure,
        barmode="stack",
        height=height,
        # The legend sits under the axis: at the top it ran under plotly's toolbar on phones.
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": -0.25, "yanchor": "top"},
        xaxis={"dtick": 1, "title": titles[0]},
    )
    figure.update_yaxes(title_text=titles[1], secondary_y=False)
    return figure
