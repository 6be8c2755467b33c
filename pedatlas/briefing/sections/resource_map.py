"""资源地图: pediatricians per 1,000 children one level below the scope, on the official base map.

The national map always carries Taiwan, Hong Kong and Macau (grey, outside the statistics) and the
South China Sea line, and its view is fixed to the whole territory so the islands are never cut off.
"""

import json
from collections.abc import Mapping

import plotly.graph_objects as go
import plotly.io as pio

from pedatlas import fmt, map_traces
from pedatlas.briefing.labels import level_name, meta, text
from pedatlas.briefing.model import Chart, Scope, Section
from pedatlas.metrics.density import region_measures
from pedatlas.scope import child_level

METRIC = "physicians_per_1000"
UNITS_ASSET = "pedatlas-resource-map-units"
SCHEME = "quantiles"
MAP_HEIGHT = 560
# The whole territory including the southernmost islands (Zengmu Ansha, ~3.9°N): never cropped.
NATIONAL_LON_RANGE = (73.0, 136.0)
NATIONAL_LAT_RANGE = (3.0, 54.0)


def map_figure(scope: Scope, units, shapes: Mapping[str, dict], title: str) -> go.Figure:
    """The choropleth with its legend of classes (and the context areas and sea line for China)."""
    measures = region_measures(units, float("nan"))
    classes, labels, _ = map_traces.measure_classes(measures[METRIC], SCHEME, None, fmt.rate)
    colors = map_traces.palette(len(labels), more_is_better=True)
    no_value = text(scope, "brief_map_no_data")
    values = measures[METRIC].map(fmt.rate).where(measures[METRIC].notna(), no_value)
    children = measures["children"].map(lambda c: fmt.big_number(c, scope.lang))
    hover = map_traces.region_hover(
        measures, title, values, children, text(scope, "brief_map_hover_children"), scope.lang
    )
    texts = {
        "context": text(scope, "brief_map_context"),
        "sea_line": text(scope, "brief_map_sea_line"),
        "no_data": no_value,
        "legend": text(scope, "brief_unit_per_1000"),
        "lang": scope.lang,
    }
    figure = map_traces.choropleth_figure(
        UNITS_ASSET,
        measures,
        classes,
        labels,
        colors,
        hover,
        texts,
        shapes.get("context"),
        shapes.get("sea_line"),
    )
    return printed_map(figure, scope)


def printed_map(figure, scope: Scope):
    """A briefing map: fixed height, no selecting or dragging, and China framed whole with the
    South China Sea islands (not fitted to the data, which would crop them)."""
    figure.update_layout(height=MAP_HEIGHT, clickmode="none", dragmode=False)
    if scope.level == "national":
        figure.update_geos(
            fitbounds=False, lonaxis_range=NATIONAL_LON_RANGE, lataxis_range=NATIONAL_LAT_RANGE
        )
    return figure


def build(scope: Scope, data: Mapping) -> Section | None:
    units = data["map_units"]
    if units.empty:
        return None
    unit = level_name(scope, child_level(scope.level))
    title = text(scope, "brief_map_title", unit=unit)
    figure = map_figure(scope, units, data["map_shapes"], title)
    chart = Chart(
        meta=meta(scope, title, "brief_unit_per_1000", "brief_source_mixed"),
        figure=json.loads(pio.to_json(figure, validate=False)),
        caption=text(scope, "brief_map_caption") + " " + text(scope, "brief_source_boundaries"),
        geo_assets={UNITS_ASSET: data["map_shapes"]["units"]},
    )
    return Section("resource_map", text(scope, "brief_section_map"), (chart,))
