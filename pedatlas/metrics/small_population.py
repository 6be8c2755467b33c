"""The small-population rule: rates over fewer than MIN_CHILDREN children are flagged, not ranked.

One rule for every place that shows a per-child rate of a region (map classes, tables, the
overview's best/worst lists, worst-served lists). Below 10,000 children one pediatrician more or
less moves the rate per 1,000 children by 0.1 or more (13% of the national 0.79): 西沙区 (36
children, 30 pediatricians) reads 833 per 1,000. Such rates are still shown, with the raw value,
but they are marked, kept out of the class breaks and left out of rankings (with a note saying how
many were left out). See docs/data_dictionary.md, "小人口地区 Small populations".
"""

import pandas as pd

from pedatlas import fmt

MIN_CHILDREN = 10_000


def is_small(children: pd.Series) -> pd.Series:
    """True where a region has children on record but fewer than MIN_CHILDREN (its rates are unstable).

    Regions without children on record (missing or 0) are not 'small': they have no rate at all.
    """
    children = pd.to_numeric(children, errors="coerce").astype(float)
    return ((children > 0) & (children < MIN_CHILDREN)).fillna(False).astype(bool)


def rankable(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows with a value in column and at least MIN_CHILDREN children: the ones a ranking may list."""
    return frame[frame[column].notna() & ~is_small(frame["children"])]


def left_out(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows with a value in column that a ranking leaves out because their population is small."""
    return frame[frame[column].notna() & is_small(frame["children"])]


def ranked(
    frame: pd.DataFrame, column: str, count: int = 5, more_is_better: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(best, worst, left out): the count best and worst rankable rows on column, ties by adcode.

    Worst is listed worst first. Left out = small-population rows that had a value, best first
    (the rates that would have topped the list come first).
    """
    valid = rankable(frame, column).sort_values(
        [column, "adcode"], ascending=[not more_is_better, True]
    )
    worst = valid.iloc[::-1].head(count) if len(valid) else valid
    dropped = left_out(frame, column).sort_values(
        [column, "adcode"], ascending=[not more_is_better, True]
    )
    return valid.head(count), worst, dropped


def threshold_text(lang: str) -> str:
    """MIN_CHILDREN for readers: '1万' (zh) / '10,000' (en)."""
    return fmt.big_number(MIN_CHILDREN, lang, digits=0)
