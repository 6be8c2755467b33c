"""Resource density measures per region (pure functions on query results)."""

import numpy as np
import pandas as pd

PER_1000 = 1000.0


def per_1000_children(amount: pd.Series, children: pd.Series) -> pd.Series:
    """amount per 1,000 children; NaN where there are no children on record."""
    children = children.astype(float)
    return (amount.astype(float) * PER_1000 / children.where(children > 0)).astype(float)


def children_per(amount: pd.Series, children: pd.Series) -> pd.Series:
    """Children per unit of amount (e.g. per pediatric physician); NaN where amount is 0."""
    amount = amount.astype(float)
    return (children.astype(float) / amount.where(amount > 0)).astype(float)


def region_measures(frame: pd.DataFrame, physician_target: float) -> pd.DataFrame:
    """The map's measures from region_resources rows (sums per region)."""
    measures = frame.copy()
    measures["physicians_per_1000"] = per_1000_children(frame["physicians"], frame["children"])
    measures["beds_per_1000"] = per_1000_children(frame["beds"], frame["children"])
    measures["icu_beds_per_1000"] = per_1000_children(frame["icu_beds"], frame["children"])
    measures["children_per_physician"] = children_per(frame["physicians"], frame["children"])
    measures["target_share"] = measures["physicians_per_1000"] / physician_target
    measures["members_per_county"] = frame["member_hospitals"].astype(float) / frame["counties"]
    children = frame["children"].astype(float)
    measures["coverage_share"] = frame["children_covered"].astype(float) / children.where(
        children > 0
    )
    return measures


def ranked(
    measures: pd.DataFrame, column: str, count: int = 5
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(best, worst) regions on column, ignoring regions without a value."""
    valid = measures.dropna(subset=[column]).sort_values(
        [column, "adcode"], ascending=[False, True]
    )
    return valid.head(count), valid.tail(count).iloc[::-1]


def target_value(targets: pd.DataFrame, indicator: str, year: int) -> tuple[float, int] | None:
    """The target for indicator nearest after year (else the latest one): (value, target year)."""
    rows = targets[targets["indicator"] == indicator].sort_values("year")
    if rows.empty:
        return None
    upcoming = rows[rows["year"] >= year]
    row = upcoming.iloc[0] if not upcoming.empty else rows.iloc[-1]
    return float(row["value"]), int(row["year"])


def safe_ratio(numerator, denominator):
    """numerator / denominator, or NaN when the denominator is 0 or missing."""
    if denominator is None or pd.isna(denominator) or float(denominator) == 0:
        return np.nan
    return float(numerator) / float(denominator)
