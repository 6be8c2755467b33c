"""2020 census population mapped onto current county codes.

Three rules, applied in order, all reported:
1. a census county (or a census city counted as one unit, e.g. 东莞) whose code is a current
   county code takes that county's population;
2. codes listed in census_crosswalk.csv move to their current code(s): renames, mergers and
   splits (with an explicit share, or by land area when the share is blank), or are folded into a
   prefecture when the target is a city;
3. development zones (coded xxxx7x, or uncoded) are folded into their prefecture, spread over its
   counties in proportion to their child population.
Any census row that none of these rules places stops the build.
"""

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

CROSSWALK_CSV = Path(__file__).with_name("census_crosswalk.csv")
# Uncoded rows that repeat people counted elsewhere: subtotals of the province-administered
# counties (which have rows of their own) and the islands of 三沙市 (counted in its city row).
DUPLICATE_ZONE_CITIES = (
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "西沙群岛",
    "南沙群岛",
    "中沙群岛的岛礁及其海域",
)
POP_COLUMNS = ["pop_total", "pop_0_14", "urban_pop"]


class CensusError(ValueError):
    """The census could not be placed on current codes."""


@dataclass
class CensusReport:
    """What the crosswalk did, for the build output and tests."""

    direct: int = 0
    crosswalked: list = field(default_factory=list)
    zones_folded: list = field(default_factory=list)
    without_population: list = field(default_factory=list)


def read_census(path: Path) -> pd.DataFrame:
    """The census CSV with codes as text and missing numbers as 0."""
    census = pd.read_csv(path, dtype={"census_code": str})
    census[POP_COLUMNS] = census[POP_COLUMNS].fillna(0).astype("int64")
    return census


def read_crosswalk(path: Path = CROSSWALK_CSV) -> pd.DataFrame:
    """The explicit 2020 -> current code table."""
    return pd.read_csv(path, dtype={"census_code": str, "adcode": str})


def is_development_zone(code) -> bool:
    """Census codes xxxx7x (and uncoded rows) are development zones without boundaries."""
    return not isinstance(code, str) or code[4] == "7"


def county_population(census, crosswalk, counties, report=None):
    """Population per current county (adcode index) from the census rows."""
    report = report if report is not None else CensusReport()
    totals = pd.DataFrame(0, index=counties["adcode"], columns=POP_COLUMNS, dtype="int64")
    sources = pd.Series("census2020", index=counties["adcode"])
    placed = _place_direct(census, crosswalk, totals, report)
    placed |= _place_crosswalk(census, crosswalk, counties, totals, sources, report)
    placed |= _fold_zones(census, placed, counties, totals, sources, report)
    _check_all_placed(census, placed)
    report.without_population = sorted(totals.index[totals["pop_total"] == 0])
    totals = totals.astype("Int64")
    totals.loc[report.without_population] = pd.NA
    sources.loc[report.without_population] = "none: not enumerated by the 2020 census"
    return totals.assign(pop_source=sources)


def _unit_rows(census: pd.DataFrame) -> pd.DataFrame:
    return census[census["level"].isin(["county", "city"]) & census["census_code"].notna()]


def _place_direct(census, crosswalk, totals, report) -> set:
    units = _unit_rows(census)
    direct = units[
        units["census_code"].isin(totals.index)
        & ~units["census_code"].isin(crosswalk["census_code"])
    ]
    totals.loc[direct["census_code"], POP_COLUMNS] = direct[POP_COLUMNS].to_numpy()
    report.direct = len(direct)
    return set(direct.index)


def _place_crosswalk(census, crosswalk, counties, totals, sources, report) -> set:
    units = _unit_rows(census).set_index("census_code")
    area = counties.set_index("adcode")["area_km2"]
    placed = set()
    for code, targets in crosswalk.groupby("census_code", sort=True):
        if code not in units.index:
            raise CensusError(f"census_crosswalk.csv: census code {code} is not in the census")
        row = units.loc[code]
        shares = _target_shares(targets, area)
        for adcode, share in shares.items():
            if adcode in totals.index:
                totals.loc[adcode, POP_COLUMNS] += np.rint(
                    row[POP_COLUMNS].to_numpy(float) * share
                ).astype("int64")
                sources.loc[adcode] = "census2020 via crosswalk"
            elif adcode in set(counties["city_adcode"]):
                _fold_into_city(row, adcode, counties, totals, sources)
            else:
                raise CensusError(f"census_crosswalk.csv: target {adcode} is not a current code")
        placed.add(census.index[census["census_code"] == code][0])
        report.crosswalked.append((code, row["county"], ",".join(shares.index)))
    return placed


def _target_shares(targets: pd.DataFrame, area: pd.Series) -> pd.Series:
    shares = targets.set_index("adcode")["share"]
    if shares.isna().all():
        known = shares.index.intersection(area.index)
        if len(known) == len(shares):
            return area.loc[known] / area.loc[known].sum()
        return pd.Series(1.0, index=shares.index)
    return shares.astype(float)


def _fold_into_city(row, city_adcode, counties, totals, sources) -> None:
    members = counties.loc[counties["city_adcode"] == city_adcode, "adcode"]
    if members.empty:
        raise CensusError(
            f"no counties in prefecture {city_adcode} to fold {row.get('county')} into"
        )
    base = totals.loc[members, "pop_0_14"].to_numpy(float)
    weights = base / base.sum() if base.sum() > 0 else np.full(len(members), 1 / len(members))
    for column in POP_COLUMNS:
        totals.loc[members, column] += _apportion(int(row[column]), weights)
    sources.loc[members] = sources.loc[members].where(
        sources.loc[members].str.contains("zones"), sources.loc[members] + " + zones folded"
    )


def _apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """Integers proportional to weights that add up exactly to total (largest remainder)."""
    raw = total * weights
    whole = np.floor(raw).astype("int64")
    remainder = total - whole.sum()
    whole[np.argsort(-(raw - whole), kind="stable")[:remainder]] += 1
    return whole


def _fold_zones(census, placed, counties, totals, sources, report) -> set:
    city_by_name = counties.drop_duplicates("city_adcode").set_index(["province", "city"])[
        "city_adcode"
    ]
    uncoded = census["level"] == "unnumbered_zone"
    zones = census[
        (uncoded & ~census["city"].isin(DUPLICATE_ZONE_CITIES))
        | (
            (census["level"] == "county")
            & census["census_code"].map(is_development_zone)
            & ~census.index.isin(placed)
        )
    ]
    for _, row in zones.iterrows():
        key = (row["province"], row["city"])
        if key not in city_by_name.index:
            raise CensusError(f"development zone {row['county']}: prefecture {key} not found")
        _fold_into_city(row, city_by_name.loc[key], counties, totals, sources)
        report.zones_folded.append((row["census_code"], row["county"], city_by_name.loc[key]))
    return set(zones.index)


def _check_all_placed(census: pd.DataFrame, placed: set) -> None:
    counties = census[census["level"] == "county"]
    missing = counties[~counties.index.isin(placed)]
    if not missing.empty:
        listed = ", ".join(
            f"{c} {n}" for c, n in zip(missing["census_code"], missing["county"], strict=True)
        )
        raise CensusError(f"census counties with no current code and no crosswalk entry: {listed}")
