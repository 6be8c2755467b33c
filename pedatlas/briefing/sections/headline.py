"""核心指标: the scope's headline figures with their change against the previous and the base year."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from pedatlas import fmt
from pedatlas.briefing.labels import meta, text
from pedatlas.briefing.model import Headline, Scope, Section
from pedatlas.metrics.density import safe_ratio, target_value


@dataclass(frozen=True)
class FigureSpec:
    """One headline figure: how to compute it from a scope_summary row and how to show it."""

    key: str
    value: Callable[[pd.Series], float]
    formatter: Callable[[float, str], str]
    unit_key: str
    source_key: str
    target: str = ""  # indicator in the targets table, if any
    changes: bool = True


def _per_1000(column: str) -> Callable[[pd.Series], float]:
    return lambda row: safe_ratio(row[column] * 1000, row["children"])


FIGURES = (
    FigureSpec(
        "children",
        lambda r: r["children"],
        lambda v, lang: fmt.big_number(v, lang),
        "brief_unit_people",
        "brief_source_census",
        changes=False,
    ),
    FigureSpec(
        "physicians_per_1000",
        _per_1000("physicians"),
        lambda v, _: fmt.rate(v),
        "brief_unit_per_1000",
        "brief_source_mixed",
        target="ped_physicians_per_1000",
    ),
    FigureSpec(
        "beds_per_1000",
        _per_1000("beds"),
        lambda v, _: fmt.rate(v),
        "brief_unit_per_1000",
        "brief_source_mixed",
        target="ped_beds_per_1000",
    ),
    FigureSpec(
        "icu_beds",
        lambda r: r["nicu_beds"] + r["picu_beds"],
        lambda v, _: fmt.integer(v),
        "brief_unit_beds",
        "brief_source_synthetic",
    ),
    FigureSpec(
        "alliances",
        lambda r: r["alliances"],
        lambda v, _: fmt.integer(v),
        "brief_unit_count",
        "brief_source_alliances",
    ),
    FigureSpec(
        "members",
        lambda r: r["member_hospitals"],
        lambda v, _: fmt.integer(v),
        "brief_unit_hospitals",
        "brief_source_alliances",
    ),
    FigureSpec(
        "children_covered",
        lambda r: safe_ratio(r["children_covered"], r["children"]),
        lambda v, _: fmt.percent(v),
        "brief_unit_share",
        "brief_source_mixed",
    ),
    FigureSpec(
        "referrals_up",
        lambda r: r["referrals_up"],
        lambda v, _: fmt.integer(v),
        "brief_unit_cases",
        "brief_source_synthetic",
    ),
    FigureSpec(
        "referrals_down",
        lambda r: r["referrals_down"],
        lambda v, _: fmt.integer(v),
        "brief_unit_cases",
        "brief_source_synthetic",
    ),
    FigureSpec(
        "transfers",
        lambda r: r["transfers"],
        lambda v, _: fmt.integer(v),
        "brief_unit_trips",
        "brief_source_synthetic",
    ),
)


def change_text(current: float, before: float | None) -> str | None:
    """Relative change as '+5.2%', None when there is nothing to compare with."""
    if before is None:
        return None
    change = fmt.relative_change(current, before)
    return None if change is None else fmt.signed_percent(change)


def _target_note(scope: Scope, spec: FigureSpec, targets: pd.DataFrame) -> str:
    if not spec.target:
        return ""
    target = target_value(targets, spec.target, scope.year)
    if target is None:
        return ""
    value, year = target
    return text(scope, "brief_target_note", year=year, value=fmt.rate(value))


def headline_figure(
    scope: Scope, spec: FigureSpec, rows: Mapping[int, pd.Series], targets: pd.DataFrame
) -> Headline:
    """One figure with its value, its two changes and its label."""
    current = spec.value(rows[scope.year])

    def value_in(year: int | None) -> float | None:
        if not spec.changes or year is None or year == scope.year or year not in rows:
            return None
        return spec.value(rows[year])

    note = _target_note(scope, spec, targets) or (
        "" if spec.changes else text(scope, "brief_census_constant")
    )
    return Headline(
        meta=meta(scope, text(scope, f"brief_fig_{spec.key}"), spec.unit_key, spec.source_key),
        value=spec.formatter(current, scope.lang),
        change_previous=change_text(current, value_in(scope.previous_year)),
        change_base=change_text(current, value_in(scope.base_year)),
        note=note,
    )


def build(scope: Scope, data: Mapping) -> Section:
    rows, targets = data["summaries"], data["targets"]
    none = text(scope, "brief_headline_no_previous")
    intro = text(
        scope,
        "brief_headline_intro",
        scope=scope.name,
        year=scope.year,
        previous=scope.previous_year or none,
        base=scope.base_year if scope.base_year != scope.year else none,
    )
    figures = tuple(headline_figure(scope, spec, rows, targets) for spec in FIGURES)
    return Section("headline", text(scope, "brief_section_headline"), figures, intro)
