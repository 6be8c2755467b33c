"""The resource map's year comparison: the change map, the regions that moved most, the table."""

from typing import TYPE_CHECKING, Literal

import pandas as pd
import streamlit as st

from pedatlas import data, fmt, scope, trends, ui, view
from pedatlas.present import panels as present
from pedatlas.resource_map import change, metrics
from pedatlas.resource_map.panels import METRIC_KINDS, metric_label, year_measures
from pedatlas.tables import Column

if TYPE_CHECKING:
    from streamlit.elements.plotly_chart import PlotlyState

MOVERS = 5
# a change of each measure as written on screen, and the change that shows as zero there
SIGNED = {
    "children_per_physician": ("{:+,.0f}", 1, 0.5),
    "target_share": ("{:+.1f} pp", 100, 0.0005),  # a share: its change in percentage points
}
DEFAULT_SIGNED = ("{:+.2f}", 1, 0.005)


def since_control(year: int, years, container=st) -> int:
    """The comparison year (0 = none); the sidebar's year is the other one."""
    options = [0] + [y for y in years if y != year]
    labels = {0: view.t("change_since_none")} | {y: str(y) for y in options[1:]}
    return view.selectbox(
        "since",
        view.t("change_since"),
        options,
        labels.__getitem__,
        container=container,
        help=view.t("change_since_help"),
    )


def signed(metric: str):
    """(a change of metric written with its sign, the largest change written as zero)."""
    pattern, scale, tolerance = SIGNED.get(metric, DEFAULT_SIGNED)
    return (lambda v: fmt.DASH if pd.isna(v) else pattern.format(v * scale)), tolerance


def change_texts(metric: str, first: int, last: int) -> dict:
    write, _ = signed(metric)
    return {
        "unchanged": view.t("change_unchanged"),
        "no_data": view.t("no_data"),
        "legend": view.t("change_legend", first=first, last=last),
        "context": view.t("context_regions"),
        "sea_line": view.t("sea_line"),
        "from": str(first),
        "to": str(last),
        "change": view.t("change_col_change"),
        "value": metrics.metric(metric).formatter,
        "signed": write,
        "lang": view.lang(),
    }


def change_map(table, metric, scope_kind, level, region, first, last):
    """The diverging change map of one measure between two years."""
    _, tolerance = signed(metric)
    national = scope_kind == "national"
    return change.change_figure(
        data.geojson_url(scope.boundary_layer(scope_kind, level), region),
        table,
        change_texts(metric, first, last),
        not metrics.metric(metric).more_is_worse,
        tolerance,
        data.features("context") if national else None,
        data.features("sea_line") if national else None,
    )


def movers(table: pd.DataFrame, metric: str) -> None:
    """The regions that moved most, as metric cards (value in the later year and the change)."""
    moved = change.largest_moves(table, MOVERS)
    if moved.empty:
        return
    st.markdown(f"**{view.t('change_movers')}**")
    write, _ = signed(metric)
    value = metrics.metric(metric).formatter
    color: Literal["inverse", "normal"] = (
        "inverse" if metrics.metric(metric).more_is_worse else "normal"
    )
    for cell, row in zip(st.columns(MOVERS), moved.itertuples(index=False), strict=False):
        delta = trends.metric_delta(write(row.change), None, view.lang(), color)
        cell.metric(row.name, value(row.value_to), **delta)


def change_columns(metric: str, target, level: str, first: int, last: int) -> list[Column]:
    """The change table as shown: the region pinned, the change next (in the measure's format),
    the relative change, both years' values, the parent region, the code."""
    kind, digits = METRIC_KINDS.get(metric, ("decimal", 2))
    label = metric_label(metric, target)

    def measure(key: str, words: str, keep: bool = False) -> Column:
        return Column(key, "", kind, digits, keep=keep, label=words)

    parent = [Column("parent_name", f"col_parent_{level}")] if level in ("city", "county") else []
    return [
        Column("name", "col_region", keep=True),
        measure("change", view.t("change_col_change"), keep=True),
        Column("change_share", "change_col_share", "percent"),
        measure("value_from", f"{label} · {view.t('change_col_from', year=first)}"),
        measure("value_to", f"{label} · {view.t('change_col_to', year=last)}"),
        *parent,
        Column("adcode", "col_adcode"),
    ]


def with_parents(table: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The change table with each region's parent (a county's city, a city's province) by name."""
    names = data.query("common/region_list").set_index("adcode")["name"]
    parents = after.set_index("adcode")["parent_adcode"].map(names)
    return table.assign(parent_name=table["adcode"].map(parents))


def show_change(year, since, level, region, scope_kind, metric, target) -> "PlotlyState":
    """The year comparison in place of the map of one year; returns the map's selection."""
    first, last = change.year_pair(since, year)
    before = year_measures(first, level, region, target)
    after = year_measures(last, level, region, target)
    table = change.change_table(before, after, metric)
    title = view.t("change_title", metric=metric_label(metric, target), first=first, last=last)
    st.subheader(title)
    figure = change_map(table, metric, scope_kind, level, region, first, last)
    st.caption(view.t("change_caption"))
    key = f"change_{region or 'cn'}_{level}"
    map_note = ui.chart_note(title, region, f"{first}–{last}")
    event = ui.chart(figure, map_note, key=key, on_select="rerun", selection_mode=("points",))
    movers(table, metric)
    if not present.active():
        title = view.t("change_table_title")
        st.subheader(title)
        columns = change_columns(metric, target, level, first, last)
        years = f"{first}–{last}"
        note = ui.table_note(title, region, years, metric_label(metric, target))
        ui.data_table(with_parents(table, after), columns, note, "change")
    return event
