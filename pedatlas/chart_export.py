"""Charts that say what they are when saved as PNG, and a toolbar that never covers them.

A PNG saved from plotly's toolbar is the figure as drawn: so the title goes into the figure, and
scope, year and source into the subtitle under it; the file name says the same. The toolbar is cut
to the one button people use (save as PNG), so on a 390 px phone it covers no title or legend
(titles sit at the left, the button at the right; legends are drawn below the plot). Pure.
"""

from dataclasses import dataclass

import plotly.graph_objects as go

from pedatlas.tables import file_stem

# Everything except "save as PNG" (and the map's reset, kept for zoomed maps).
REMOVED_BUTTONS = [
    "zoom2d",
    "pan2d",
    "select2d",
    "lasso2d",
    "zoomIn2d",
    "zoomOut2d",
    "autoScale2d",
    "resetScale2d",
    "zoomInGeo",
    "zoomOutGeo",
    "hoverClosestCartesian",
    "hoverCompareCartesian",
    "toggleSpikelines",
    "hoverClosestGeo",
    "pan",
    "zoom",
    "hoverClosestPie",
    "sendDataToCloud",
    "toggleHover",
    "resetViews",
]
TITLE_MARGIN = 64


@dataclass(frozen=True)
class ChartNote:
    """What a chart shows: written into the image and its file name."""

    title: str
    scope: str
    year: str
    source: str

    def caption(self) -> str:
        return " · ".join(part for part in (self.scope, self.year, self.source) if part)

    def stem(self) -> str:
        return file_stem(self.title, self.scope, self.year)


def stamped(figure: go.Figure, note: ChartNote) -> go.Figure:
    """figure with the title and, under it, scope · year · source (in place)."""
    top = max(figure.layout.margin.t or 0, TITLE_MARGIN)
    title = {
        "text": note.title,
        "subtitle": {"text": note.caption(), "font": {"size": 11, "color": "#666"}},
        "x": 0,
        "xanchor": "left",
        "xref": "paper",
        "y": 0.995,
        "yref": "container",
        "yanchor": "top",
        "font": {"size": 15},
    }
    figure.update_layout(title=title, margin={"t": top})
    return figure


def below_toolbar(figure: go.Figure) -> go.Figure:
    """figure's own title moved down to sit on the plot, under the toolbar's row (in place): a
    title as wide as a narrow chart ran under the save button."""
    if not figure.layout.title.text:
        return figure
    top = max(figure.layout.margin.t or 0, TITLE_MARGIN)
    title = {"y": 1, "yref": "paper", "yanchor": "bottom", "pad": {"b": 8}}
    figure.update_layout(title=title, margin={"t": top})
    return figure


def export_config(base: dict, note: ChartNote) -> dict:
    """The plotly config: PNG named for the chart, a toolbar of one button."""
    removed = sorted(set(base.get("modeBarButtonsToRemove", [])) | set(REMOVED_BUTTONS))
    return {
        **base,
        "displaylogo": False,
        "modeBarButtonsToRemove": removed,
        "toImageButtonOptions": {"format": "png", "filename": note.stem(), "scale": 2},
    }
