"""Numbers formatted for Chinese readers (万/亿) and for English readers (thousands, millions)."""

import math

DASH = "—"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def big_number(value, lang: str = "zh", digits: int = 1) -> str:
    """253383938 -> '2.5亿' (zh) / '253.4M' (en); small numbers with separators."""
    if _missing(value):
        return DASH
    value = float(value)
    size = abs(value)
    if lang == "en":
        for unit, scale in (("B", 1e9), ("M", 1e6)):
            if size >= scale:
                return f"{value / scale:,.{digits}f}{unit}"
        return f"{value:,.0f}"
    for unit, scale in (("亿", 1e8), ("万", 1e4)):
        if size >= scale:
            return f"{value / scale:,.{digits}f}{unit}"
    return f"{value:,.0f}"


def integer(value) -> str:
    """12345 -> '12,345'."""
    return DASH if _missing(value) else f"{round(float(value)):,}"


def rate(value, digits: int = 2) -> str:
    """A rate such as physicians per 1,000 children: 0.7912 -> '0.79'."""
    return DASH if _missing(value) else f"{float(value):,.{digits}f}"


def percent(share, digits: int = 1) -> str:
    """0.4567 -> '45.7%'."""
    return DASH if _missing(share) else f"{float(share) * 100:.{digits}f}%"


def km(value, digits: int = 0) -> str:
    """123456.7 -> '123,457 km'."""
    return DASH if _missing(value) else f"{float(value):,.{digits}f} km"


def signed_percent(change, digits: int = 1) -> str:
    """Change against the previous year: 0.052 -> '+5.2%'."""
    return DASH if _missing(change) else f"{float(change) * 100:+.{digits}f}%"


def relative_change(current, previous):
    """(current - previous) / previous, or None when there is no previous value."""
    if _missing(current) or _missing(previous) or float(previous) == 0:
        return None
    return (float(current) - float(previous)) / float(previous)


def count(value, signed: bool = False) -> str:
    """A whole count with separators, '+' on gains when signed: -1234 -> '-1,234'."""
    if _missing(value):
        return DASH
    return f"{int(value):+,}" if signed else f"{int(value):,}"
