"""Year comparison: the change of a measure by region, its diverging classes and the biggest moves.

The classes are symmetric around zero so that a rise and a fall of the same size get the same
depth of colour on either side: the magnitudes of the non-zero changes are cut into quantile steps,
mirrored for falls, and changes within `tolerance` of zero form one neutral class in the middle.
"""

import numpy as np
import pandas as pd

from pedatlas import i18n, map_traces

CHANGE_STEPS = 3  # classes on each side of zero
RISE_GOOD = ["#d73027", "#fc8d59", "#fee090", "#f7f7f7", "#e0f3f8", "#91bfdb", "#4575b4"]
KEYS = ["adcode", "name"]


def magnitude_edges(changes: pd.Series, steps: int = CHANGE_STEPS, tolerance: float = 0.0):
    """Upper bounds of the step classes on one side: quantiles of |change| beyond tolerance."""
    size = changes.dropna().astype(float).abs()
    size = size[size > tolerance].to_numpy()
    if size.size == 0:
        return []
    edges = np.quantile(size, np.arange(1, steps + 1) / steps)
    return [float(edge) for edge in np.unique(edges)]


def diverging_index(changes: pd.Series, edges: list[float], tolerance: float = 0.0) -> np.ndarray:
    """Class of each change: 0 = biggest fall, len(edges) = unchanged, 2*len(edges) = biggest rise.

    -1 where there is no value.
    """
    numbers = changes.astype(float).to_numpy()
    steps = len(edges)
    size = np.abs(numbers)
    step = np.minimum(np.searchsorted(np.asarray(edges), size, side="left"), max(steps - 1, 0))
    index = np.where(numbers > 0, steps + 1 + step, steps - 1 - step)
    index = np.where(size <= tolerance, steps, index)
    return np.where(np.isnan(numbers), -1, index).astype(int)


def diverging_labels(edges: list[float], formatter, unchanged: str, tolerance: float = 0.0):
    """Legend labels from the biggest fall to the biggest rise, e.g. '−0.20 – −0.10'."""
    lows = [tolerance, *edges][: len(edges)]
    falls = [
        f"{formatter(0.0 - high)} – {formatter(0.0 - low)}"
        for low, high in zip(lows, edges, strict=True)
    ]
    rises = [f"{formatter(low)} – {formatter(high)}" for low, high in zip(lows, edges, strict=True)]
    return [*falls[::-1], unchanged, *rises]


def diverging_colors(steps: int, rise_is_good: bool = True) -> list[str]:
    """2*steps+1 colours, neutral in the middle; a rise is blue when more is better, else red."""
    middle = len(RISE_GOOD) // 2
    picks: np.ndarray | list[int] = (
        np.linspace(0, middle, steps + 1).round().astype(int)[:-1] if steps else []
    )
    falls = [RISE_GOOD[i] for i in picks]
    rises = [RISE_GOOD[len(RISE_GOOD) - 1 - i] for i in picks][::-1]
    colors = [*falls, RISE_GOOD[middle], *rises]
    return colors if rise_is_good else colors[::-1]


def change_table(before: pd.DataFrame, after: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Per region: the measure in both years, the change and the relative change, biggest rise first.

    Regions present in one year only keep their row with the other value missing.
    """
    left = before[KEYS + [measure]].rename(columns={measure: "value_from"})
    right = after[KEYS + [measure]].rename(columns={measure: "value_to"})
    table = left.merge(right, on="adcode", how="outer", suffixes=("_from", "_to"))
    table.insert(1, "name", table.pop("name_to").fillna(table.pop("name_from")))
    table["change"] = table["value_to"].astype(float) - table["value_from"].astype(float)
    base = table["value_from"].astype(float)
    table["change_share"] = table["change"] / base.where(base != 0)
    return table.sort_values(
        ["change", "adcode"], ascending=[False, True], na_position="last"
    ).reset_index(drop=True)


def largest_moves(table: pd.DataFrame, count: int = 5) -> pd.DataFrame:
    """The count regions whose measure moved most either way (largest |change|, then adcode)."""
    moved = table.dropna(subset=["change"]).assign(size=lambda t: t["change"].abs())
    moved = moved.sort_values(["size", "adcode"], ascending=[False, True]).head(count)
    return moved.drop(columns="size").reset_index(drop=True)


def year_pair(first: int, second: int) -> tuple[int, int]:
    """(earlier, later) of two years."""
    return (first, second) if first <= second else (second, first)


def change_hover(table: pd.DataFrame, formatter, texts: dict) -> list[str]:
    """Hover lines: region, the measure in both years, the change."""
    colon = i18n.colon(texts["lang"])
    return [
        f"<b>{row.name}</b><br>{texts['from']}{colon}{formatter(row.value_from)}"
        f"<br>{texts['to']}{colon}{formatter(row.value_to)}"
        f"<br>{texts['change']}{colon}{texts['signed'](row.change)}"
        for row in table.itertuples(index=False)
    ]


def change_figure(
    features,
    table: pd.DataFrame,
    texts: dict,
    rise_is_good: bool = True,
    tolerance: float = 0.0,
    context=None,
    sea_line=None,
):
    """The change map: regions coloured by diverging classes of their change, a symmetric legend.

    texts: 'unchanged', 'no_data', 'legend', 'context', 'sea_line', 'from', 'to', 'change', 'lang' and
    the formatters 'value' (a level) and 'signed' (a change with its sign).
    """
    edges = magnitude_edges(table["change"], tolerance=tolerance)
    classes = diverging_index(table["change"], edges, tolerance)
    labels = diverging_labels(edges, texts["signed"], texts["unchanged"], tolerance)
    colors = diverging_colors(len(edges), rise_is_good)
    hover = change_hover(table, texts["value"], texts)
    return map_traces.choropleth_figure(
        features, table, classes, labels, colors, hover, texts, context, sea_line
    )
