"""Referral-derived service areas (the Dartmouth Atlas plurality rule) and their localization index.

Input is a table of upward referral counts N(c -> k) from origin county c to receiving county k,
with k's prefecture unit (queries/referrals/county_flows.sql): columns origin_county, dest_county,
dest_city, referrals.

- Plurality rule: county c belongs to the service area of the prefecture unit d that receives the
  most of its upward referrals, N(c -> d) = sum of N(c -> k) over the counties k of d; ties go to
  the lower adcode. A county without upward referrals belongs to no area.
- Localization index of area A_d: LI(A_d) = sum_{c in A_d} N(c -> k inside) / sum_{c in A_d} N(c -> any k),
  the share of the area's own counties' referrals treated by hospitals inside the area. A receiving
  county k is inside when it belongs to A_d or lies in the hospital city d itself: the area is
  named after d's hospitals, and d's own districts may send their plurality elsewhere (then a
  strict "counties of A_d" rule would give such an area an index of about 0).
"""

import numpy as np
import pandas as pd

FLOW_COLUMNS = ("origin_county", "dest_county", "dest_city", "referrals")


def plurality_areas(flows: pd.DataFrame) -> pd.DataFrame:
    """One row per origin county: its area (plurality receiving prefecture), those referrals and its total."""
    flows = flows.loc[flows["referrals"] > 0, list(FLOW_COLUMNS)]
    if flows.empty:
        return pd.DataFrame(
            {
                "county": pd.Series(dtype=object),
                "area": pd.Series(dtype=object),
                "area_referrals": pd.Series(dtype="int64"),
                "referrals": pd.Series(dtype="int64"),
                "plurality_share": pd.Series(dtype=float),
            }
        )
    per_city = flows.groupby(["origin_county", "dest_city"], as_index=False)["referrals"].sum()
    ranked = per_city.sort_values(
        ["origin_county", "referrals", "dest_city"], ascending=[True, False, True]
    )
    chosen = ranked.drop_duplicates("origin_county").set_index("origin_county")
    totals = flows.groupby("origin_county")["referrals"].sum()
    result = pd.DataFrame(
        {
            "county": chosen.index.to_numpy(),
            "area": chosen["dest_city"].to_numpy(),
            "area_referrals": chosen["referrals"].to_numpy().astype("int64"),
            "referrals": totals.loc[chosen.index].to_numpy().astype("int64"),
        }
    )
    result["plurality_share"] = result["area_referrals"] / result["referrals"]
    return result.sort_values("county", ignore_index=True)


def kept_flows(flows: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """flows with the origin's area and whether the receiving county lies inside it (in it, or in its city)."""
    area_of = dict(zip(areas["county"], areas["area"], strict=True))
    marked = flows.loc[flows["referrals"] > 0, list(FLOW_COLUMNS)].copy()
    marked["area"] = marked["origin_county"].map(area_of)
    inside = marked["dest_county"].map(area_of).eq(marked["area"]) | marked["dest_city"].eq(
        marked["area"]
    )
    marked["kept"] = inside & marked["area"].notna()
    return marked.loc[marked["area"].notna()]


def localization_index(flows: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """Per area: its counties, its counties' referrals, those kept inside, and LI = kept / referrals."""
    marked = kept_flows(flows, areas)
    marked["kept_referrals"] = marked["referrals"].where(marked["kept"], 0)
    sums = marked.groupby("area").agg(
        referrals=("referrals", "sum"), kept=("kept_referrals", "sum")
    )
    counties = areas.groupby("area")["county"].count().rename("counties")
    result = counties.to_frame().join(sums, how="left").fillna(0)
    result = result.astype({"counties": "int64", "referrals": "int64", "kept": "int64"})
    result["localization_index"] = result["kept"] / result["referrals"].replace(0, np.nan)
    return result.reset_index().sort_values("area", ignore_index=True)


def county_localization(flows: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """Per assigned county: its referrals, those kept inside its area, and the county's own LI."""
    marked = kept_flows(flows, areas)
    marked["kept_referrals"] = marked["referrals"].where(marked["kept"], 0)
    sums = marked.groupby("origin_county").agg(
        referrals=("referrals", "sum"), kept=("kept_referrals", "sum")
    )
    sums["localization_index"] = sums["kept"] / sums["referrals"]
    return sums.rename_axis("county").reset_index().sort_values("county", ignore_index=True)
