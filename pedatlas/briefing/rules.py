"""Briefing rules written once: how many units are listed, which years are compared.

Which counties may be ranked at all is the small-population rule of pedatlas.metrics.small_population.
"""

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
