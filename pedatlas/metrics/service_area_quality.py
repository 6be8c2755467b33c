"""How well a set of areas contains its children's referrals: localization, market share, net flow.

Input: upward referral counts between counties (origin_county, dest_county, referrals) and two
assignments, county -> unit on the patients' side (where the child lives) and county -> unit on
the hospitals' side (where the child is treated). The same code measures referral-derived service
areas, administrative units (prefecture cities) and alliance footprints.

For a unit U:
- originated = referrals of U's children (any destination); received = referrals treated in U's
  hospitals (any origin); kept = referrals of U's children treated in U.
- Localization index LI = kept / originated: the share of U's children's referrals treated inside U
  (Dartmouth Atlas; pediatric service areas average 69.1 %, adult ones 58.1 %: Joseph et al.,
  J Pediatr 2025).
- Market share index MSI = kept / received: the share of U's hospitals' referrals that come from U's
  own children (low = U's hospitals serve mostly outsiders).
- Net patient flow = received - originated (positive: U treats more children than it sends out).
Overall figures: LI over all flows (sum kept / sum originated) and the unweighted mean of the
units' LI (the published benchmark is a mean over areas).
"""

from __future__ import annotations

from typing import TypedDict

import numpy as np
import pandas as pd

QUALITY_COLUMNS = ("unit", "originated", "received", "kept", "li", "msi", "net_flow")


def area_quality(
    flows: pd.DataFrame, patient_unit: pd.Series, hospital_unit: pd.Series
) -> pd.DataFrame:
    """One row per unit (QUALITY_COLUMNS); units from either assignment, sorted by unit.

    patient_unit and hospital_unit map county adcode (index) -> unit; a county missing from an
    assignment belongs to no unit on that side.
    """
    marked = flows.loc[flows["referrals"] > 0, ["origin_county", "dest_county", "referrals"]]
    marked = marked.assign(
        home=marked["origin_county"].map(patient_unit),
        treated=marked["dest_county"].map(hospital_unit),
    )
    originated = marked.groupby("home")["referrals"].sum()
    received = marked.groupby("treated")["referrals"].sum()
    kept = marked.loc[marked["home"] == marked["treated"]].groupby("home")["referrals"].sum()
    units = sorted(set(patient_unit.dropna()) | set(hospital_unit.dropna()))
    table = pd.DataFrame({"unit": units})
    for name, series in (("originated", originated), ("received", received), ("kept", kept)):
        table[name] = table["unit"].map(series).fillna(0).astype("int64")
    table["li"] = table["kept"] / table["originated"].replace(0, np.nan)
    table["msi"] = table["kept"] / table["received"].replace(0, np.nan)
    table["net_flow"] = table["received"] - table["originated"]
    return table


def overall_quality(table: pd.DataFrame) -> dict[str, float]:
    """Flow-weighted LI and MSI, the mean LI over units with referrals, and the unit count."""
    originated, received = table["originated"].sum(), table["received"].sum()
    return {
        "li": float(table["kept"].sum() / originated) if originated else float("nan"),
        "msi": float(table["kept"].sum() / received) if received else float("nan"),
        "mean_li": float(table["li"].mean()) if table["li"].notna().any() else float("nan"),
        "units": int(table["li"].notna().sum()),
    }


def service_area_hospital_side(areas: pd.DataFrame, county_city: pd.Series) -> pd.Series:
    """County -> service area on the hospitals' side: an area is named after the prefecture whose
    hospitals receive its plurality, so a county's hospitals belong to its prefecture's area; a
    county of a prefecture that heads no area stays in the area of its own patients."""
    heads = set(areas["area"])
    own = areas.set_index("county")["area"]
    city_area = county_city.where(county_city.isin(heads))
    return city_area.fillna(own.reindex(county_city.index)).dropna()


class FootprintGap(TypedDict):
    """Counties in the footprint only, in the patients' area only, in both; Jaccard overlap."""

    footprint_only: list[str]
    patients_only: list[str]
    both: list[str]
    overlap: float


def footprint_disagreement(footprint: set[str], patient_area: set[str]) -> FootprintGap:
    """Where an alliance's footprint (counties with members) and the area its patients form
    (counties whose plurality goes to the core's prefecture) disagree."""
    union = footprint | patient_area
    return {
        "footprint_only": sorted(footprint - patient_area),
        "patients_only": sorted(patient_area - footprint),
        "both": sorted(footprint & patient_area),
        "overlap": len(footprint & patient_area) / len(union) if union else float("nan"),
    }
