"""Headline figures for the overview: values, changes against last year and target gaps (pure)."""

from dataclasses import dataclass

import pandas as pd

from pedatlas import fmt
from pedatlas.i18n import translate
from pedatlas.metrics.density import safe_ratio, target_value


@dataclass(frozen=True)
class Kpi:
    """One headline figure as shown: label, value, change and a line of context."""

    key: str
    label: str
    value: str
    delta: str | None
    note: str = ""
    delta_color: str = "normal"


def scope_rates(row: pd.Series) -> dict:
    """Per-1,000-children rates and shares of one scope_summary row."""
    children = row["children"]
    return {
        "physicians_per_1000": safe_ratio(row["physicians"] * 1000, children),
        "beds_per_1000": safe_ratio(row["beds"] * 1000, children),
        "children_covered_share": safe_ratio(row["children_covered"], children),
        "down_up_ratio": safe_ratio(row["referrals_down"], row["referrals_up"]),
    }


def _delta(current, previous) -> str | None:
    change = fmt.relative_change(current, previous)
    return None if change is None else fmt.signed_percent(change)


def _target_note(rate, targets, indicator, year, lang) -> str:
    target = target_value(targets, indicator, year)
    if target is None or pd.isna(rate):
        return ""
    value, target_year = target
    text = translate("kpi_target", lang, year=target_year, value=fmt.rate(value))
    if rate >= value:
        return f"{text} · {translate('kpi_target_met', lang, year=target_year)}"
    return f"{text} · {translate('kpi_target_gap', lang, gap=fmt.rate(value - rate))}"


def headline_figures(
    now: pd.Series, before: pd.Series | None, targets: pd.DataFrame, year: int, lang: str
) -> list[Kpi]:
    """The overview's figures for a scope and year, each with its change against the year before."""
    rates, old = scope_rates(now), scope_rates(before) if before is not None else {}
    prev = before if before is not None else pd.Series(dtype=float)
    t = lambda key, **v: translate(key, lang, **v)  # noqa: E731
    return [
        Kpi(
            "children",
            t("kpi_children"),
            fmt.big_number(now["children"], lang),
            None,
            t("children_year_note"),
        ),
        Kpi(
            "physicians",
            t("kpi_physicians_per_1000"),
            fmt.rate(rates["physicians_per_1000"]),
            _delta(rates["physicians_per_1000"], old.get("physicians_per_1000")),
            _target_note(
                rates["physicians_per_1000"], targets, "ped_physicians_per_1000", year, lang
            ),
        ),
        Kpi(
            "beds",
            t("kpi_beds_per_1000"),
            fmt.rate(rates["beds_per_1000"]),
            _delta(rates["beds_per_1000"], old.get("beds_per_1000")),
            _target_note(rates["beds_per_1000"], targets, "ped_beds_per_1000", year, lang),
        ),
        Kpi(
            "icu",
            t("kpi_icu_beds"),
            fmt.integer(now["nicu_beds"] + now["picu_beds"]),
            _delta(
                now["nicu_beds"] + now["picu_beds"],
                prev.get("nicu_beds", 0) + prev.get("picu_beds", 0) if before is not None else None,
            ),
        ),
        Kpi(
            "alliances",
            t("kpi_alliances"),
            fmt.integer(now["alliances"]),
            _delta(now["alliances"], prev.get("alliances")),
        ),
        Kpi(
            "members",
            t("kpi_members"),
            fmt.integer(now["member_hospitals"]),
            _delta(now["member_hospitals"], prev.get("member_hospitals")),
        ),
        Kpi(
            "coverage",
            t("kpi_counties_covered"),
            f"{fmt.integer(now['counties_with_member'])} / {fmt.integer(now['counties'])}",
            _delta(now["counties_with_member"], prev.get("counties_with_member")),
            t("kpi_children_covered", share=fmt.percent(rates["children_covered_share"])),
        ),
        Kpi(
            "referrals_up",
            t("kpi_referrals_up"),
            fmt.integer(now["referrals_up"]),
            _delta(now["referrals_up"], prev.get("referrals_up")),
            t("kpi_down_up_ratio", ratio=fmt.rate(rates["down_up_ratio"])),
        ),
        Kpi(
            "referrals_down",
            t("kpi_referrals_down"),
            fmt.integer(now["referrals_down"]),
            _delta(now["referrals_down"], prev.get("referrals_down")),
        ),
        Kpi(
            "transfers",
            t("kpi_transfers"),
            fmt.integer(now["transfers"]),
            _delta(now["transfers"], prev.get("transfers")),
            t("kpi_transfer_km", km=fmt.km(now["transfer_km"])),
        ),
    ]
