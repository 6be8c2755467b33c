"""Chart shapes that more than one feature draws (pure: figures from frames, no streamlit)."""

import math
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
    lang: str = "zh",
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
    stacked = [sum(month) for month in zip(*(values for _, values, _ in bars), strict=True)]
    figure.update_yaxes(
        title_text=titles[1], secondary_y=False, **count_ticks(max(stacked, default=0), lang)
    )
    return figure


def count_ticks(largest: float, lang: str) -> dict:
    """Tick values and texts of a count axis that runs up to largest, as Chinese readers read
    counts (0, 50万, 100万, 150万; plotly writes 500k, 1M, 1.5M). Empty, plotly's own ticks, in
    English or below 10,000, where plotly writes every digit."""
    if lang != "zh" or largest < 10_000:
        return {}
    magnitude = 10 ** math.floor(math.log10(largest / 4))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if largest / (m * magnitude) <= 6)
    values = [step * i for i in range(math.floor(largest / step) + 2)]
    return {"tickvals": values, "ticktext": [wan_text(value) for value in values]}


def wan_text(value: float) -> str:
    """A round tick value in 万 or 亿, digits as needed: 25000 -> '2.5万', 1.5e8 -> '1.5亿'."""
    for unit, scale in (("亿", 1e8), ("万", 1e4)):
        if value >= scale:
            return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + unit
    return f"{value:,.0f}"
