"""变化地图: pediatricians per 1,000 children, change from the base year to the briefing's year.

The same diverging classes as the map page's year comparison (symmetric around zero, quantile
steps of the size of the change), on the same official base map as the resource map section,
with the regions that moved most listed under it.
"""

import json
from collections.abc import Mapping

import pandas as pd
import plotly.io as pio

from pedatlas import fmt
from pedatlas.briefing.labels import level_name, meta, text
from pedatlas.briefing.model import Chart, Scope, Section, Table
from pedatlas.briefing.sections import resource_map
from pedatlas.metrics.density import region_measures
from pedatlas.resource_map import change
from pedatlas.scope import child_level

METRIC = resource_map.METRIC
TOLERANCE = 0.005  # a change that rounds to 0.00 on the page is "about unchanged"
MOVES = 5


def signed(value) -> str:
    return fmt.DASH if pd.isna(value) else f"{value:+.2f}"


def change_map(scope: Scope, table: pd.DataFrame, shapes: Mapping[str, dict]):
    """The diverging change map, framed like the resource map (whole territory for China)."""
    texts = {
        "unchanged": text(scope, "brief_change_unchanged"),
        "no_data": text(scope, "brief_map_no_data"),
        "legend": text(scope, "brief_change_legend", first=scope.base_year, last=scope.year),
        "context": text(scope, "brief_map_context"),
        "sea_line": text(scope, "brief_map_sea_line"),
        "from": str(scope.base_year),
        "to": str(scope.year),
        "change": text(scope, "brief_change_col_change"),
        "value": fmt.rate,
        "signed": signed,
        "lang": scope.lang,
    }
    figure = change.change_figure(
        resource_map.UNITS_ASSET,
        table,
        texts,
        True,
        TOLERANCE,
        shapes.get("context"),
        shapes.get("sea_line"),
    )
    return resource_map.printed_map(figure, scope)


def moves_table(scope: Scope, table: pd.DataFrame, title: str) -> Table:
    """The regions whose rate moved most either way."""
    moved = change.largest_moves(table, MOVES)
    columns = (
        text(scope, "brief_change_col_region"),
        str(scope.base_year),
        str(scope.year),
        text(scope, "brief_change_col_change"),
    )
    rows = tuple(
        (row.name, fmt.rate(row.value_from), fmt.rate(row.value_to), signed(row.change))
        for row in moved.itertuples(index=False)
    )
    label = meta(scope, title, "brief_unit_per_1000", "brief_source_mixed")
    return Table(label, columns, rows)


def build(scope: Scope, data: Mapping) -> Section | None:
    after, before = data["map_units"], data["base_units"]
    if scope.base_year == scope.year or after.empty or before.empty:
        return None
    nan = float("nan")
    table = change.change_table(region_measures(before, nan), region_measures(after, nan), METRIC)
    unit = level_name(scope, child_level(scope.level))
    title = text(scope, "brief_change_title", unit=unit, first=scope.base_year, last=scope.year)
    figure = change_map(scope, table, data["map_shapes"])
    chart = Chart(
        meta=meta(scope, title, "brief_change_unit", "brief_source_mixed"),
        figure=json.loads(pio.to_json(figure, validate=False)),
        caption=text(scope, "brief_change_caption") + " " + text(scope, "brief_source_boundaries"),
        geo_assets={resource_map.UNITS_ASSET: data["map_shapes"]["units"]},
    )
    moves_title = text(scope, "brief_change_moves", first=scope.base_year, last=scope.year)
    section_title = text(scope, "brief_section_change")
    return Section("year_change", section_title, (chart, moves_table(scope, table, moves_title)))
