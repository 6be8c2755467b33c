"""Charts that say what they are when saved as PNG, and a toolbar that never covers them.

A PNG saved from plotly's toolbar is the figure as drawn: so every chart of the app (ui.chart) has
its title in the figure, and scope, year and source in the subtitle under it; the file name says
the same. The toolbar is cut
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
# The title block sits under the toolbar's row (so the save button never covers it, however narrow
# the chart) and above the plot: pixels from the top of the figure.
TOOLBAR_ROW = 38
TITLE_SIZE, SUBTITLE_SIZE = 15, 11
STAMP_MARGIN = TOOLBAR_ROW + 56


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


def is_stamped(figure: go.Figure, note: ChartNote) -> bool:
    title = figure.layout.title
    return title.text == note.title and title.subtitle.text == note.caption()


def stamped(figure: go.Figure, note: ChartNote) -> go.Figure:
    """figure with the title and, under it, scope · year · source (in place).

    A figure already stamped with this note is left as it is: figures cached per process are
    shared between sessions, and their cache key holds everything a note says (scope, year,
    language), so stamping them is done once and never races with a reader."""
    if is_stamped(figure, note):
        return figure
    top = max(figure.layout.margin.t or 0, STAMP_MARGIN)
    title = {
        "text": note.title,
        "subtitle": {"text": note.caption(), "font": {"size": SUBTITLE_SIZE, "color": "#666"}},
        "x": 0,
        "xanchor": "left",
        "xref": "paper",
        "y": 1,
        "yref": "container",
        "yanchor": "top",
        "pad": {"t": TOOLBAR_ROW},
        "font": {"size": TITLE_SIZE},
    }
    # assigned, not update_layout: merging the nested title dict cost ~35 ms per chart
    figure.layout.title = title
    figure.layout.margin.t = top
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
