"""Per-child rates as shown: map classes with small populations flagged, their notes and table flags.

Pure: DataFrames in, classes and texts out. The rule itself is metrics/small_population.py; this
module says it on screen the same way on every page (maps, tables, overview lists).
"""

import numpy as np
import pandas as pd

from pedatlas import classify, fmt
from pedatlas.i18n import listed, translate
from pedatlas.metrics import small_population

FLAGGED_COLOR = "#9fb3c8"  # blue-grey: drawn, but outside the classes
NAMES_SHOWN = 8


def rate_classes(
    measures: pd.DataFrame,
    column: str,
    scheme: str,
    target: float | None,
    formatter,
    k: int = classify.SCHEME_CLASSES,
) -> classify.Classes:
    """Classes of a per-child rate with small populations kept out of the breaks."""
    return classify.classify_values(
        measures[column],
        scheme,
        target,
        formatter,
        small_population.is_small(measures["children"]),
        k,
    )


def flagged_legend(classes: classify.Classes, lang: str) -> tuple[str, str] | None:
    """(label, colour) of the legend entry for flagged regions (the map adds the count), or None."""
    if not classes.flagged:
        return None
    threshold = small_population.threshold_text(lang)
    return translate("small_population_legend", lang, threshold=threshold), FLAGGED_COLOR


def hover_flags(children: pd.Series, lang: str) -> np.ndarray:
    """An extra hover line for small populations ('' elsewhere)."""
    line = "<br><i>" + translate(
        "small_population_hover", lang, threshold=small_population.threshold_text(lang)
    )
    return np.where(small_population.is_small(children).to_numpy(), line + "</i>", "")


def table_flags(children: pd.Series, lang: str) -> pd.Series:
    """A table column: 'fewer than 10,000 children' for small populations, '' elsewhere."""
    text = translate("small_population_flag", lang, threshold=small_population.threshold_text(lang))
    return pd.Series(
        np.where(small_population.is_small(children).to_numpy(), text, ""), index=children.index
    )


def left_out_note(left_out: pd.DataFrame, lang: str) -> str:
    """'2 regions with fewer than 10,000 children are not ranked: 西沙区、南沙区.' ('' if none)."""
    if left_out.empty:
        return ""
    names = list(left_out["name"])
    shown = listed(names[:NAMES_SHOWN], lang) + ("…" if len(names) > NAMES_SHOWN else "")
    return translate(
        "small_population_left_out",
        lang,
        count=len(names),
        threshold=small_population.threshold_text(lang),
        names=shown,
    )


def map_note(classes: classify.Classes, lang: str) -> str:
    """The caption under a map with flagged regions ('' when there are none)."""
    if not classes.flagged:
        return ""
    threshold = small_population.threshold_text(lang)
    return translate("small_population_map_note", lang, count=classes.flagged, threshold=threshold)


def target_note(
    classes: classify.Classes, values: pd.Series, target: float | None, formatter, lang: str
) -> str:
    """Why the target scheme was not used ('' when it was, or was not asked for)."""
    if not classes.target_outside:
        return ""
    if target is None:
        return translate("legend_no_target", lang)
    values = values.reset_index(drop=True)
    shown = values[classes.index >= 0] if (classes.index >= 0).any() else values
    return translate(
        "legend_target_outside",
        lang,
        target=formatter(target),
        low=formatter(shown.min()),
        high=formatter(shown.max()),
    )


def formatted_rates(values: pd.Series, formatter) -> pd.Series:
    """Rates as text (a dash where there is none)."""
    return values.map(lambda v: fmt.DASH if pd.isna(v) else formatter(v))
