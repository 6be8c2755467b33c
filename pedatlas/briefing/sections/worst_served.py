"""最薄弱的区县: the counties with the fewest pediatricians per 1,000 children.

Counties whose rate rests on very few children are left out and named, so the list points at
places where care is really thin rather than at statistical noise.
"""

from collections.abc import Mapping

import pandas as pd

from pedatlas import fmt
from pedatlas.briefing.labels import meta, text
from pedatlas.briefing.model import Bullets, Scope, Section, Table
from pedatlas.briefing.rules import WORST_COUNT
from pedatlas.i18n import listed
from pedatlas.metrics import small_population
from pedatlas.metrics.density import per_1000_children

NAMES_SHOWN = 8


def ranked_counties(counties: pd.DataFrame, count: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the count worst-served counties, worst first; counties left out for too few children)."""
    rated = counties.assign(
        physicians_per_1000=per_1000_children(counties["physicians"], counties["children"]),
        beds_per_1000=per_1000_children(counties["beds"], counties["children"]),
    )
    # Equal rates (often 0: no pediatrician at all): the county with more children is worse off.
    worst = small_population.rankable(rated, "physicians_per_1000").sort_values(
        ["physicians_per_1000", "children", "adcode"], ascending=[True, False, True]
    )
    left_out = small_population.left_out(rated, "physicians_per_1000")
    return worst.head(count), left_out.sort_values(["children", "adcode"])


def without_physician(counties: pd.DataFrame) -> pd.DataFrame:
    """Rankable counties with children but not one pediatrician in the year."""
    enough = counties["children"].fillna(0) >= small_population.MIN_CHILDREN
    return counties[enough & (counties["physicians"] == 0)]


def parent_names(adcodes: pd.Series, regions: pd.DataFrame, level: str) -> list[str]:
    """The province (for a national list) or the city each county lies in."""
    names: dict[str, str] = dict(zip(regions["adcode"], regions["name"], strict=True))
    if level == "national":
        return [names.get(code[:2] + "0000", "") for code in adcodes]
    return [names.get(code[:4] + "00", names.get(code[:2] + "0000", "")) for code in adcodes]


def worst_table(scope: Scope, worst: pd.DataFrame, regions: pd.DataFrame) -> Table:
    parents = parent_names(worst["adcode"], regions, scope.level)
    rows = tuple(
        (
            str(row["name"]),
            parent,
            fmt.big_number(row["children"], scope.lang),
            fmt.rate(row["physicians_per_1000"]),
            fmt.rate(row["beds_per_1000"]),
            text(scope, "brief_yes" if row["member_hospitals"] > 0 else "brief_no"),
        )
        for (_, row), parent in zip(worst.iterrows(), parents, strict=True)
    )
    columns = tuple(
        text(scope, key)
        for key in (
            "brief_col_county",
            "brief_col_parent",
            "brief_col_children",
            "brief_col_physicians_per_1000",
            "brief_col_beds_per_1000",
            "brief_col_member",
        )
    )
    title = text(scope, "brief_worst_title", count=len(worst))
    return Table(meta(scope, title, "brief_unit_per_1000", "brief_source_mixed"), columns, rows)


def excluded_note(scope: Scope, small: pd.DataFrame) -> str:
    minimum = small_population.threshold_text(scope.lang)
    if small.empty:
        return text(scope, "brief_worst_none_excluded", minimum=minimum)
    names = listed(small["name"].head(NAMES_SHOWN), scope.lang)
    if len(small) > NAMES_SHOWN:
        names += text(scope, "brief_and_more")
    return text(scope, "brief_worst_excluded", minimum=minimum, count=len(small), names=names)


def build(scope: Scope, data: Mapping) -> Section:
    worst, small = ranked_counties(data["counties"], WORST_COUNT[scope.level])
    title = text(scope, "brief_section_worst")
    notes = [excluded_note(scope, small)]
    empty = without_physician(data["counties"])
    if not empty.empty:
        children = fmt.big_number(empty["children"].sum(), scope.lang)
        notes.insert(
            0, text(scope, "brief_worst_no_physician", count=len(empty), children=children)
        )
    note = Bullets(tuple(notes))
    if worst.empty:
        return Section("worst_served", title, (Bullets((text(scope, "brief_worst_empty"),)), note))
    return Section("worst_served", title, (worst_table(scope, worst, data["regions"]), note))
