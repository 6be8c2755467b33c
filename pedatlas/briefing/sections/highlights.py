"""Highlights that apply to the scope: alliances, referrals, transport and equity."""

from collections.abc import Mapping

import numpy as np
import pandas as pd

from pedatlas import fmt, trends
from pedatlas.briefing.labels import meta, text
from pedatlas.briefing.model import Bullets, Scope, Section, Table
from pedatlas.briefing.rules import MIN_COUNTIES_FOR_EQUITY
from pedatlas.metrics.density import per_1000_children, safe_ratio, target_value
from pedatlas.metrics.equity import gini_coefficient

ALLIANCES_LISTED = 8


def alliances_based_in(alliances: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Alliances whose home is the scope, inside it, or (for a city) its whole province."""
    home = alliances["home_adcode"].fillna("")
    if scope.level == "province":
        applies = home.str[:2] == scope.region[:2]
    elif scope.level == "city":
        applies = home.isin([scope.region, scope.region[:2] + "0000"])
    else:
        applies = pd.Series(True, index=alliances.index)
    picked = alliances[applies & (alliances["members"].fillna(0) > 0)]
    return picked.sort_values(["members", "alliance_id"], ascending=[False, True])


def alliance_section(scope: Scope, data: Mapping) -> Section:
    row = data["summaries"][scope.year]
    summary = text(
        scope,
        "brief_alliance_summary",
        year=scope.year,
        alliances=fmt.integer(row["alliances"]),
        members=fmt.integer(row["member_hospitals"]),
        counties=fmt.integer(row["counties_with_member"]),
        county_share=fmt.percent(safe_ratio(row["counties_with_member"], row["counties"])),
        children_share=fmt.percent(safe_ratio(row["children_covered"], row["children"])),
    )
    blocks: list = [
        Bullets(
            (summary,),
            meta(
                scope,
                text(scope, "brief_section_alliances"),
                "brief_unit_count",
                "brief_source_alliances",
            ),
        ),
    ]
    based = alliances_based_in(data["alliances"], scope).head(ALLIANCES_LISTED)
    if based.empty:
        blocks.append(Bullets((text(scope, "brief_alliance_none"),)))
    else:
        blocks.append(alliance_table(scope, based))
    return Section("alliances", text(scope, "brief_section_alliances"), tuple(blocks))


def alliance_table(scope: Scope, based: pd.DataFrame) -> Table:
    name_column = "name_en" if scope.lang == "en" else "name"
    rows = tuple(
        (
            str(row[name_column] or row["name"]),
            str(row["home_name"]),
            fmt.integer(row["members"]),
            fmt.integer(row["counties"]),
            fmt.big_number(row["children"], scope.lang),
            text(scope, "brief_synthetic" if row["is_synthetic"] else "brief_reported"),
        )
        for _, row in based.iterrows()
    )
    columns = tuple(
        text(scope, key)
        for key in (
            "brief_col_alliance",
            "brief_col_home",
            "brief_col_members",
            "brief_col_counties",
            "brief_col_children_reached",
            "brief_col_synthetic",
        )
    )
    title = text(scope, "brief_alliance_table", year=scope.year)
    return Table(meta(scope, title, "brief_unit_mixed", "brief_source_alliances"), columns, rows)


def referral_section(scope: Scope, data: Mapping) -> Section:
    shares = data["referral_shares"].set_index("direction")
    title = text(scope, "brief_section_referrals")
    label = meta(scope, title, "brief_unit_cases", "brief_source_synthetic")
    if shares.empty or shares["referrals"].sum() == 0:
        return Section(
            "referrals",
            title,
            (Bullets((text(scope, "brief_referral_none", year=scope.year),), label),),
        )
    up = (
        shares.loc["up"]
        if "up" in shares.index
        else pd.Series({"referrals": 0, "same_alliance": 0, "same_county": 0, "same_province": 0})
    )
    down = int(shares.loc["down", "referrals"]) if "down" in shares.index else 0
    items = (
        text(
            scope,
            "brief_referral_up",
            count=fmt.integer(up["referrals"]),
            alliance=fmt.percent(safe_ratio(up["same_alliance"], up["referrals"])),
            county=fmt.percent(safe_ratio(up["same_county"], up["referrals"])),
            province=fmt.percent(safe_ratio(up["same_province"], up["referrals"])),
        ),
        text(
            scope,
            "brief_referral_down",
            count=fmt.integer(down),
            ratio=fmt.rate(safe_ratio(down, up["referrals"])),
        ),
        text(scope, "brief_referral_rule"),
    )
    return Section("referrals", title, (Bullets(items, label),))


def transport_section(scope: Scope, data: Mapping) -> Section:
    trips = data["transport_summary"]
    title = text(scope, "brief_section_transport")
    label = meta(scope, title, "brief_unit_trips", "brief_source_synthetic")
    if not trips["trips"]:
        return Section(
            "transport",
            title,
            (Bullets((text(scope, "brief_transport_none", year=scope.year),), label),),
        )
    minutes = lambda value: text(scope, "brief_minutes", value=fmt.integer(value))  # noqa: E731
    items = (
        text(
            scope,
            "brief_transport_summary",
            trips=fmt.integer(trips["trips"]),
            newborns=fmt.integer(trips["newborns"]),
            critical_newborns=fmt.integer(trips["critical_newborns"]),
            km=fmt.km(trips["total_km"]),
            km_per_trip=fmt.km(trips["km_per_trip"]),
            centres=fmt.integer(trips["centres"]),
        ),
        text(
            scope,
            "brief_transport_time",
            median=minutes(trips["duration_median"]),
            p90=minutes(trips["duration_p90"]),
            died=fmt.integer(trips["died_en_route"]),
        ),
    )
    return Section("transport", title, (Bullets(items, label),))


def county_gini(counties: pd.DataFrame, column: str) -> float:
    """Population-weighted Gini of a resource across the counties that have children."""
    kept = counties[counties["children"] > 0]
    if kept[column].sum() == 0:
        return float("nan")
    return gini_coefficient(kept[column].to_numpy(float), kept["children"].to_numpy(float))


def children_below_target(counties: pd.DataFrame, target: float) -> tuple[float, float]:
    """(children living in counties below the physician target, their share of all children)."""
    rate = per_1000_children(counties["physicians"], counties["children"])
    below = counties.loc[rate < target, "children"].sum()
    return float(below), safe_ratio(below, counties["children"].sum())


def equity_section(scope: Scope, data: Mapping) -> Section | None:
    years = data["county_years"]
    now = years[years["year"] == scope.year]
    title = text(scope, "brief_section_equity")
    if len(now) < MIN_COUNTIES_FOR_EQUITY:
        return Section(
            "equity", title, (Bullets((text(scope, "brief_equity_too_few", count=len(now)),)),)
        )
    base = years[years["year"] == scope.base_year]
    gini = text(
        scope,
        "brief_equity_gini",
        value=fmt.rate(county_gini(now, "physicians"), 3),
        base_year=scope.base_year,
        base=fmt.rate(county_gini(base, "physicians"), 3),
        beds=fmt.rate(county_gini(now, "beds"), 3),
        beds_base=fmt.rate(county_gini(base, "beds"), 3),
    )
    series = [
        county_gini(years[years["year"] == year], "physicians")
        for year in scope.years
        if year <= scope.year
    ]
    direction = trends.direction(series)
    if direction is not None:
        gini += " " + text(
            scope, f"brief_trend_{direction}", first=scope.base_year, last=scope.year
        )
    items = [gini]
    target = target_value(data["targets"], "ped_physicians_per_1000", scope.year)
    if target is not None and not np.isnan(target[0]):
        children, share = children_below_target(now, target[0])
        items.append(
            text(
                scope,
                "brief_equity_below_target",
                share=fmt.percent(share),
                children=fmt.big_number(children, scope.lang),
                target=fmt.rate(target[0]),
                target_year=target[1],
            )
        )
    label = meta(scope, text(scope, "brief_equity_title"), "brief_unit_index", "brief_source_mixed")
    return Section("equity", title, (Bullets(tuple(items), label),))
