"""Estimated drive time from every county seat to the nearest level of care, and access bands.

Pure: transfer routes, county rows and hospitals in; detour fits, minutes per county, band
shares by province (or city) and for the whole scope, a map and a chart out. The model is
pedatlas.metrics.drive_time (detour factor fitted on recorded transfer routes, speeds by road
class); docs/data_dictionary.md "Time to care" documents it.
"""

from collections.abc import Callable
from itertools import pairwise

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pedatlas import figure_layout, fmt, map_traces
from pedatlas.equity import builders as ev
from pedatlas.metrics import drive_time
from pedatlas.metrics.accessibility import haversine_km
from pedatlas.tables import Column

CARE_LEVELS = ("beds", "nicu", "picu")
SITE_COLUMN = {"beds": "beds", "nicu": "nicu_beds", "picu": "picu_beds"}
BANDS = drive_time.BANDS_MIN
# Map classes: within 30, 30-60, 60-120, 120-240, beyond 240 minutes (or no site at all).
CLASS_EDGES = (30, 60, 120, 240)
POOLED = "all"  # the group of the fit over all routes
LEVEL_COLORS = {"beds": "#7bccc4", "nicu": "#43a2ca", "picu": "#0868ac"}


def detour_fits(routes: pd.DataFrame) -> pd.DataFrame:
    """Detour factor per origin province fitted on recorded transfer routes (see drive_time)."""
    straight = haversine_km(
        routes["from_lon"], routes["from_lat"], routes["to_lon"], routes["to_lat"]
    )
    return drive_time.fit_detour_factor(straight, routes["distance_km"], routes["province_adcode"])


def pooled_fit(routes: pd.DataFrame) -> pd.Series:
    """The one factor over all routes, with its error."""
    straight = haversine_km(
        routes["from_lon"], routes["from_lat"], routes["to_lon"], routes["to_lat"]
    )
    return drive_time.fit_detour_factor(straight, routes["distance_km"]).iloc[0]


def stored_fits(routes: pd.DataFrame) -> pd.DataFrame:
    """The fits the database keeps (derived_detour_fits): one row per origin province and a
    last row, group POOLED, for all routes together (no rows when no route has a distance)."""
    types = {"group": str, "trips": "int64", "factor": float, "rmse_km": float, "mdape": float}
    types |= {"pooled": bool}  # typed even when empty: the database needs column types
    fits = detour_fits(routes)
    if fits.empty:
        return fits.astype(types)
    pooled = pooled_fit(routes).to_frame().T.assign(group=POOLED)
    return pd.concat([fits, pooled], ignore_index=True).astype(types)


def split_fits(stored: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """stored_fits read back: (per-province fits, the pooled fit)."""
    is_pooled = stored["group"] == POOLED
    if not is_pooled.any():  # no recorded route: no factor, every time unknown
        return stored[~is_pooled], pd.Series({"trips": 0, "factor": np.nan, "mdape": np.nan})
    return stored[~is_pooled].reset_index(drop=True), stored[is_pooled].iloc[0]


def county_minutes(
    counties: pd.DataFrame, hospitals: pd.DataFrame, fits: pd.DataFrame, pooled: float
) -> pd.DataFrame:
    """Per county with children: minutes from its seat to the nearest hospital of each level."""
    demand = ev.with_children(counties).reset_index(drop=True)
    factor = demand["province_adcode"].map(fits.set_index("group")["factor"]).fillna(pooled)
    result = demand[["adcode", "name", "province_adcode", "city_adcode", "children"]].copy()
    result["detour"] = factor.to_numpy()
    for level in CARE_LEVELS:
        sites = hospitals[hospitals[SITE_COLUMN[level]] > 0]
        result[f"minutes_{level}"] = drive_time.nearest_drive_minutes(
            demand["lon"], demand["lat"], factor, sites["lon"], sites["lat"]
        )
    return result


def scope_shares(minutes: pd.DataFrame) -> pd.DataFrame:
    """Rows = care levels, columns within_<band>: the share of the scope's children."""
    rows = []
    for level in CARE_LEVELS:
        shares = drive_time.shares_within(minutes["children"], minutes[f"minutes_{level}"])
        rows.append({"level": level, **{f"within_{band}": shares[band] for band in BANDS}})
    return pd.DataFrame(rows)


def group_shares(minutes: pd.DataFrame, group_key: str, level: str) -> pd.DataFrame:
    """Per province (or city) of the scope: children and the share within each band for level."""
    frame = minutes.rename(columns={f"minutes_{level}": "minutes"})
    return drive_time.shares_by_group(frame[[group_key, "children", "minutes"]], group_key)


def bands_table(
    shares: pd.DataFrame, group_key: str, names: dict, scope_row: pd.Series, t: Callable
) -> pd.DataFrame:
    """The table: a first row for the whole scope and one row per unit, with the children and the
    share (0-1) beyond each band."""
    first = {"unit": t("time_scope_row"), "children": scope_row["children"]}
    first |= {f"beyond_{band}": 1 - scope_row[f"within_{band}"] for band in BANDS}
    rows = [first]
    for _, row in shares.sort_values(f"within_{BANDS[1]}").iterrows():
        entry = {"unit": names.get(row[group_key], row[group_key]), "children": row["children"]}
        entry |= {f"beyond_{band}": 1 - row[f"within_{band}"] for band in BANDS}
        rows.append(entry)
    return pd.DataFrame(rows)


def bands_columns(t: Callable) -> list[Column]:
    """The bands table as shown: the unit pinned, the share beyond 60 minutes next (as %), the
    other bands, then the children."""
    key = BANDS[1]
    beyond = [
        Column(f"beyond_{band}", "", "percent", keep=True, label=t("time_col_beyond", band=band))
        for band in (key, *(band for band in BANDS if band != key))
    ]
    unit = Column("unit", "time_col_unit", keep=True)
    return [unit, *beyond, Column("children", "time_col_children", "integer", keep=True)]


def scope_children_row(minutes: pd.DataFrame, level: str) -> pd.Series:
    """children and within_<band> of the whole scope for one level (the table's first row)."""
    shares = drive_time.shares_within(minutes["children"], minutes[f"minutes_{level}"])
    values = {"children": float(minutes["children"].sum())}
    values |= {f"within_{band}": shares[band] for band in BANDS}
    return pd.Series(values)


def minute_classes(minutes: pd.Series) -> np.ndarray:
    """Class per county: 0 within 30, 1 within 60, 2 within 120, 3 within 240, 4 beyond or none."""
    values = minutes.to_numpy(float)
    classes = np.searchsorted(np.asarray(CLASS_EDGES, float), values, side="left")
    return np.where(np.isnan(values), len(CLASS_EDGES), classes).astype(int)


def minutes_map(
    minutes: pd.DataFrame, level: str, layers: dict, t: Callable, lang: str
) -> go.Figure:
    """County map of the minutes to the nearest hospital of one level."""
    drawn = map_traces.drawn_units(layers)
    column = f"minutes_{level}"
    frame = drawn.merge(minutes[["adcode", column, "children"]], on="adcode", how="left")
    classes = np.where(frame["children"].isna(), -1, minute_classes(frame[column]))
    labels = [t("time_class_within", band=CLASS_EDGES[0])]
    labels += [t("time_class_between", low=a, high=b) for a, b in pairwise(CLASS_EDGES)]
    labels += [t("time_class_beyond", band=CLASS_EDGES[-1])]
    # Labels looked up once, not per county (a national map has 2,848).
    level_label, children_label, none_label = (
        t(f"time_level_{level}"),
        t("time_col_children"),
        t("time_none"),
    )
    # The sentence with its placeholder kept, filled per county by a plain replace.
    minutes_text = t("time_minutes", minutes="{minutes}")
    colon = t("punct_colon")
    hover = np.array(
        [
            f"<b>{name}</b><br>{level_label}{colon}"
            + (
                minutes_text.replace("{minutes}", fmt.integer(value))
                if np.isfinite(value)
                else none_label
            )
            + f"<br>{children_label}{colon}{fmt.big_number(kids, lang)}"
            for name, value, kids in zip(
                frame["name"],
                frame[column].fillna(np.inf),
                frame["children"].fillna(0),
                strict=True,
            )
        ]
    )
    return map_traces.county_layer_figure(
        layers,
        frame,
        classes,
        labels,
        map_traces.palette(len(labels), more_is_better=False),
        hover,
        t,
        lang,
        t("time_legend", level=t(f"time_level_{level}")),
    )


def bands_figure(shares: pd.DataFrame, title: str, t: Callable) -> go.Figure:
    """Share of the scope's children beyond each band, one bar group per level of care."""
    figure = go.Figure()
    for _, row in shares.iterrows():
        beyond = [1 - row[f"within_{band}"] for band in BANDS]
        figure.add_bar(
            name=t(f"time_level_{row['level']}"),
            x=[t("time_band_label", band=band) for band in BANDS],
            y=beyond,
            marker_color=LEVEL_COLORS[row["level"]],
            text=[fmt.percent(value) for value in beyond],
            textposition="outside",
        )
    figure_layout.update_layout(
        figure,
        title=title,
        barmode="group",
        height=380,
        yaxis={"tickformat": ".0%", "title": {"text": t("time_axis_beyond")}},
        margin={"l": 40, "r": 10, "t": 60, "b": 40},
        legend={"orientation": "h", "y": -0.2},
    )
    return figure


def with_new_sites(
    minutes: pd.DataFrame, counties: pd.DataFrame, level: str, site_lon, site_lat
) -> pd.DataFrame:
    """minutes after adding sites of one level (a planning scenario): each county keeps the
    nearer of its current site and the nearest new one, on its own detour factor."""
    demand = counties.set_index("adcode").loc[minutes["adcode"]]
    column = f"minutes_{level}"
    to_new = drive_time.nearest_drive_minutes(
        demand["lon"], demand["lat"], minutes["detour"], site_lon, site_lat
    )
    changed = minutes.copy()
    changed[column] = np.fmin(minutes[column].to_numpy(float), to_new)
    return changed


def scenario_change(before: pd.DataFrame, after: pd.DataFrame, level: str) -> dict[int, float]:
    """Change in the share of children within each band for one level (after - before)."""
    column = f"minutes_{level}"
    old = drive_time.shares_within(before["children"], before[column])
    new = drive_time.shares_within(after["children"], after[column])
    return {band: new[band] - old[band] for band in BANDS}
