"""Briefing rules written once: which units are ranked, which years are compared."""

# A county with fewer children than this is left out of the worst-served ranking: below 10,000
# children one pediatrician moves the rate by 0.1 per 1,000, an eighth of the national level
# (~0.8), so the rank would say more about one hire than about the county's care.
MIN_CHILDREN_RANKED = 10_000

# How many worst-served counties a briefing lists, by scope level.
WORST_COUNT = {"national": 10, "province": 10, "city": 5}

# Fewer counties than this and an inequality index across them means little.
MIN_COUNTIES_FOR_EQUITY = 3


def previous_year(year: int, years: tuple[int, ...]) -> int | None:
    """The year before year when the database has it."""
    return year - 1 if year - 1 in years else None


def base_year(years: tuple[int, ...]) -> int:
    """The first year with data: the base every change is also measured against."""
    return min(years)
