"""Service-area quality: referral-derived service areas next to cities and alliance footprints.

Pure: the year's county-to-county upward referrals, each county's city and each county's main
alliance in; per-unit and overall localization (LI), market share (MSI) and net flow out, plus
where an alliance's footprint and the area its patients form disagree.
"""

from collections.abc import Callable

import pandas as pd

from pedatlas.metrics import service_area_quality as quality
from pedatlas.metrics import service_areas
from pedatlas.tables import Column, counts

UNIT_KINDS = ("service_area", "city", "alliance")
# Joseph et al., J Pediatr 2025: mean LI of pediatric vs adult hospital service areas.
BENCHMARK_LI = {"pediatric": 0.691, "adult": 0.581}


def unit_tables(
    flows: pd.DataFrame, county_city: pd.Series, footprint: pd.Series
) -> dict[str, pd.DataFrame]:
    """Per unit kind, quality.area_quality over all of China.

    county_city: county adcode -> city adcode; footprint: county adcode -> alliance id (the
    alliance with the most members there).
    """
    areas = service_areas.plurality_areas(flows)
    patients = areas.set_index("county")["area"]
    hospitals = quality.service_area_hospital_side(areas, county_city)
    return {
        "service_area": quality.area_quality(flows, patients, hospitals),
        "city": quality.area_quality(flows, county_city, county_city),
        "alliance": quality.area_quality(flows, footprint, footprint),
    }


# The kinds of areas side by side: the kind pinned, its mean LI next (the benchmark's measure).
COMPARISON_COLUMNS = [
    Column("kind", "sa_col_kind", keep=True),
    *(Column(key, f"sa_col_{key}", "percent", keep=True) for key in ("mean_li", "flow_li", "msi")),
    Column("units", "sa_col_units", "integer", keep=True),
]


def comparison_table(tables: dict[str, pd.DataFrame], t: Callable) -> pd.DataFrame:
    """One row per unit kind (mean LI, LI over all flows, MSI, units) plus the two benchmarks."""
    rows = []
    for kind in UNIT_KINDS:
        overall = quality.overall_quality(tables[kind])
        rows.append(
            {
                "kind": t(f"sa_kind_{kind}"),
                "mean_li": overall["mean_li"],
                "flow_li": overall["li"],
                "msi": overall["msi"],
                "units": overall["units"],
            }
        )
    for name, value in BENCHMARK_LI.items():
        rows.append({"kind": t(f"sa_benchmark_{name}"), "mean_li": value})
    return pd.DataFrame(rows, columns=[column.key for column in COMPARISON_COLUMNS])


# Footprints against where patients go: the alliance pinned, the overlap (Jaccard) next.
GAP_COLUMNS = [
    Column("name", "sa_col_alliance", keep=True),
    Column("overlap", "sa_col_overlap", "percent", keep=True),
    *counts(*((key, f"sa_col_{key}") for key in ("footprint", "patients_area", "footprint_only"))),
    Column("patients_only", "sa_col_patients_only", "integer"),
]


def gap_table(gaps: pd.DataFrame, region: str) -> pd.DataFrame:
    """The alliances whose core lies in the scope, least overlap first (GAP_COLUMNS)."""
    shown = gaps
    if region:
        prefix = region[:2] if region.endswith("0000") else region[:4]
        shown = gaps[gaps["core_city"].str.startswith(prefix)]
    return shown.sort_values(["overlap", "alliance_id"]).reset_index(drop=True)


UNIT_COLUMNS = [
    Column("name", "sa_col_unit", keep=True),
    Column("li", "sa_col_li", "percent", keep=True),
    Column("msi", "sa_col_msi", "percent"),
    *counts(("originated", "sa_col_originated"), ("received", "sa_col_received")),
    Column("net", "sa_col_net", "integer"),
    Column("province", "sa_col_province"),
    Column("unit", "sa_col_code"),
]


def unit_table(table: pd.DataFrame, names: dict, kind: str) -> pd.DataFrame:
    """One kind's units with referrals, least localized first (UNIT_COLUMNS), with the province
    of a city or service area (named by its city's code)."""
    shown = table[table["originated"] > 0].sort_values(["li", "unit"])
    coded = kind != "alliance"
    return pd.DataFrame(
        {
            "name": [names.get(unit, unit) for unit in shown["unit"]],
            "li": shown["li"],
            "msi": shown["msi"],
            "originated": shown["originated"],
            "received": shown["received"],
            "net": shown["net_flow"],
            "province": [names.get(u[:2] + "0000") if coded else None for u in shown["unit"]],
            "unit": shown["unit"],
        }
    ).reset_index(drop=True)


def footprint_gaps(flows: pd.DataFrame, footprint: pd.Series, cores: pd.DataFrame) -> pd.DataFrame:
    """Per alliance: its footprint counties, the counties whose children's plurality goes to its
    core's city, both, and their overlap (Jaccard)."""
    areas = service_areas.plurality_areas(flows)
    rows = []
    for _, core in cores.iterrows():
        mine = set(footprint.index[footprint == core["alliance_id"]])
        patients = set(areas.loc[areas["area"] == core["core_city"], "county"])
        if not mine and not patients:
            continue
        gap = quality.footprint_disagreement(mine, patients)
        rows.append(
            {
                "alliance_id": core["alliance_id"],
                "footprint": len(mine),
                "patients_area": len(patients),
                "both": len(gap["both"]),
                "footprint_only": len(gap["footprint_only"]),
                "patients_only": len(gap["patients_only"]),
                "overlap": gap["overlap"],
            }
        )
    return pd.DataFrame(rows)
