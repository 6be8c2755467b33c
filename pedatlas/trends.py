"""Trend words and change labels, written once for every page.

A series is 'closing' or 'widening' only when its change from the first to the last year is at
least RELATIVE_THRESHOLD of the first value, or when it moved the same way every year and by at
least MONOTONE_THRESHOLD; otherwise it is 'flat' (roughly unchanged). Gini 0.517, 0.524, 0.502,
0.510, 0.513, 0.507 changed by 1.9% and went up and down: roughly unchanged. Two measures of the
same gap (Gini and Theil) give a direction only when they agree.

Every change shown carries its base: 'vs previous year', 'vs 2019' or 'vs before the plan'
(delta_label), so a reader can quote it correctly.
"""

import re
from collections.abc import Sequence

import numpy as np

from pedatlas.i18n import translate

RELATIVE_THRESHOLD = 0.05
MONOTONE_THRESHOLD = 0.01
DIRECTIONS = ("closing", "widening", "flat")


def direction(values: Sequence[float]) -> str | None:
    """'closing', 'widening' or 'flat' for an inequality series in year order (None: < 2 values)."""
    series = np.asarray([v for v in values if v is not None], dtype=float)
    series = series[~np.isnan(series)]
    if series.size < 2:
        return None
    first, last = float(series[0]), float(series[-1])
    change = last - first
    relative = abs(change) / abs(first) if first else (np.inf if change else 0.0)
    steps = np.diff(series)
    monotone = series.size >= 3 and (bool(np.all(steps > 0)) or bool(np.all(steps < 0)))
    if relative >= RELATIVE_THRESHOLD or (monotone and relative >= MONOTONE_THRESHOLD):
        return "closing" if change < 0 else "widening"
    return "flat"


def agreed_direction(*directions: str | None) -> str | None:
    """The direction all measures agree on; 'flat' when they differ; None when none is known."""
    known = [d for d in directions if d is not None]
    if not known:
        return None
    return known[0] if all(d == known[0] for d in known) else "flat"


def measures_disagree(*directions: str | None) -> bool:
    """Whether one measure says closing while another says widening."""
    return {"closing", "widening"} <= set(directions)


def delta_label(base: int | str, lang: str) -> str:
    """What a change is measured against: 'previous' year, a year (2019), or 'before' a plan."""
    if base == "previous":
        return translate("delta_vs_previous_year", lang)
    if base == "before":
        return translate("delta_vs_before", lang)
    return translate("delta_vs_year", lang, year=int(base))


def is_zero_change(change: str | None) -> bool:
    """Whether a change as shown rounds to zero: '+0.0%', '-0.00', '+0.0 pp', '0'."""
    if change is None:
        return False
    number = re.match(r"\s*[+\-\u2212]?([\d,]*\.?\d+)", change)
    return number is not None and float(number.group(1).replace(",", "")) == 0


def labelled_delta(change: str | None, base: int | str | None, lang: str) -> str | None:
    """'+5.2%（较上年）': a formatted change with its base (None stays None, for st.metric);
    a change that shows as zero reads '持平' / 'unchanged' (no sign to misread as a rise)."""
    if change is None:
        return None
    if is_zero_change(change):
        change = translate("delta_unchanged", lang)
    if base is None:
        return change
    return f"{change}{translate('delta_wrap', lang, base=delta_label(base, lang))}"


def metric_delta(change: str | None, base: int | str | None, lang: str, color: str = "normal"):
    """st.metric's delta arguments for a formatted change: labelled with its base; a change that
    rounds to zero has no arrow and no colour (Streamlit draws ↑ for '+0.0%')."""
    zero = is_zero_change(change)
    return {
        "delta": labelled_delta(change, base, lang),
        "delta_color": "off" if zero else color,
        "delta_arrow": "off" if zero else "auto",
    }
