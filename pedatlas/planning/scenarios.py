"""Planning scenarios side by side: up to three (kind, k, radius) plans, kept in the link as text.

A scenario is written 'members-3-50' (add 3 alliance members, 50 km service radius) or
'nicu-2-100'; several are joined by commas. Each scenario's measures come from the planning
builders (rows 'before' and 'optimized'); here they are only lined up and differenced.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

MAX_SCENARIOS = 3
ADDS = ("members", "nicu")
KS = tuple(range(1, 21))
RADII_KM = tuple(range(10, 201, 10))
COLUMNS = (
    "scenario",
    "add",
    "k",
    "radius_km",
    "sites_added",
    "children_before",
    "children_after",
    "children_new",
    "coverage_before",
    "coverage_after",
    "coverage_change",
    "gini_before",
    "gini_after",
    "gini_change",
    "theil_before",
    "theil_after",
    "theil_change",
    "access_before",
    "access_after",
    "access_change",
    "nicu60_before",
    "nicu60_after",
    "nicu60_change",
)


@dataclass(frozen=True)
class Scenario:
    """Add k sites of one kind (alliance members or NICU sites) with a service radius in km."""

    add: str
    k: int
    radius_km: int

    def text(self) -> str:
        """How the scenario is written in a link."""
        return f"{self.add}-{self.k}-{self.radius_km}"


def parse_scenario(text: str) -> Scenario:
    """'members-3-50' -> Scenario; ValueError for anything else."""
    parts = text.strip().split("-")
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        raise ValueError(text)
    scenario = Scenario(parts[0], int(parts[1]), int(parts[2]))
    if scenario.add not in ADDS or scenario.k not in KS or scenario.radius_km not in RADII_KM:
        raise ValueError(text)
    return scenario


def parse_scenarios(text: str) -> tuple[Scenario, ...]:
    """Comma-separated scenarios (duplicates dropped, order kept); ValueError if any is bad or >3."""
    chosen: list[Scenario] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        scenario = parse_scenario(part)
        if scenario not in chosen:
            chosen.append(scenario)
    if len(chosen) > MAX_SCENARIOS:
        raise ValueError(text)
    return tuple(chosen)


def scenarios_text(scenarios) -> str:
    """The link text of scenarios ('' for none)."""
    return ",".join(scenario.text() for scenario in scenarios)


def scenario_row(scenario: Scenario, measures: pd.DataFrame) -> dict:
    """One scenario's before/after measures and their changes (relative for accessibility)."""
    before, after = measures.loc["before"], measures.loc["optimized"]
    access_before = float(before["access_per_1000"])
    row: dict[str, Any] = {
        "scenario": scenario.text(),
        "add": scenario.add,
        "k": scenario.k,
        "radius_km": scenario.radius_km,
        "sites_added": int(after["sites_added"]),
        "children_before": float(before["children_covered"]),
        "children_after": float(after["children_covered"]),
    }
    row["children_new"] = row["children_after"] - row["children_before"]
    for name, column in (("coverage", "coverage_share"), ("gini", "gini"), ("theil", "theil")):
        row[f"{name}_before"], row[f"{name}_after"] = float(before[column]), float(after[column])
        row[f"{name}_change"] = row[f"{name}_after"] - row[f"{name}_before"]
    row["access_before"], row["access_after"] = access_before, float(after["access_per_1000"])
    row["access_change"] = (
        (row["access_after"] - access_before) / access_before if access_before else np.nan
    )
    row["nicu60_before"] = float(before["nicu_within_60"])
    row["nicu60_after"] = float(after["nicu_within_60"])
    row["nicu60_change"] = row["nicu60_after"] - row["nicu60_before"]
    return row


def compare_scenarios(results) -> pd.DataFrame:
    """One row per (scenario, measures) pair, in the order given, with the COLUMNS above."""
    rows = [scenario_row(scenario, measures) for scenario, measures in results]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def best_scenario(table: pd.DataFrame) -> str | None:
    """The scenario that covers the most new children (ties: the earlier one), None if empty."""
    if table.empty:
        return None
    return str(table.loc[table["children_new"].idxmax(), "scenario"])
