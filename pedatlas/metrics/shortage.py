"""Pediatric shortage score per county, in the spirit of HRSA's shortage-area (HPSA) scoring.

Each county earns points on four components; the score is their sum (0-20, higher = worse
served). Like HRSA's primary-care HPSA score, the population-to-provider ratio weighs most,
then distance to care, then need.

1. Children per pediatric physician (county children aged 0-14 / pediatric physicians, chosen year):

   ======================================  ======
   children per physician                  points
   ======================================  ======
   no physician at all (children > 0)      10
   >= 5,000                                8
   >= 3,000 and < 5,000                    6
   >= 2,000 and < 3,000                    4
   >= 1,500 and < 2,000                    2
   < 1,500 (national 2024: about 1,260)    0
   ======================================  ======

2. Distance to the nearest capable centre: great-circle km from the county point to the nearest
   hospital with NICU or PICU beds that year (bands of 20 km, about HRSA's 10-minute travel bands):

   ===========================  ======
   km                           points
   ===========================  ======
   > 100                        5
   > 80 and <= 100              4
   > 60 and <= 80               3
   > 40 and <= 60               2
   > 20 and <= 40               1
   <= 20                        0
   ===========================  ======

3. Need, children's share of the population (pop_0_14 / pop_total; national 2020: 17.9%):
   >= 25% 3 points, >= 21% 2, >= 18% 1, below 0.

4. Need, rural share of the population (1 - urban_pop / pop_total):
   >= 60% 2 points, >= 40% 1, below 0.

Counties without children on record are not scored. A missing population share scores 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

NO_PHYSICIAN_POINTS = 10
# (lower bound, points), highest first; a value at the bound earns the points.
RATIO_BANDS = ((5000.0, 8), (3000.0, 6), (2000.0, 4), (1500.0, 2))
# (bound, points), highest first; the value must exceed the bound.
DISTANCE_BANDS = ((100.0, 5), (80.0, 4), (60.0, 3), (40.0, 2), (20.0, 1))
CHILD_SHARE_BANDS = ((0.25, 3), (0.21, 2), (0.18, 1))
RURAL_SHARE_BANDS = ((0.60, 2), (0.40, 1))
COMPONENTS = ("ratio", "distance", "child_share", "rural_share")
MAX_POINTS = {"ratio": NO_PHYSICIAN_POINTS, "distance": 5, "child_share": 3, "rural_share": 2}


def band_points(values: ArrayLike, bands, strict: bool = False) -> NDArray[np.int64]:
    """Points of the first band each value reaches (> bound if strict, else >=); 0 otherwise or NaN."""
    numbers = np.asarray(values, dtype=float)
    points = np.zeros(numbers.shape, dtype=np.int64)
    assigned = np.zeros(numbers.shape, dtype=bool)
    for bound, score in bands:
        reached = (numbers > bound) if strict else (numbers >= bound)
        take = reached & ~assigned
        points[take] = score
        assigned |= take
    return points


def ratio_points(children: ArrayLike, physicians: ArrayLike) -> NDArray[np.int64]:
    """Points for children per pediatric physician (10 where there is no physician)."""
    kids = np.asarray(children, dtype=float)
    staff = np.asarray(physicians, dtype=float)
    ratio = np.divide(kids, staff, out=np.full(kids.shape, np.inf), where=staff > 0)
    return np.where(staff > 0, band_points(ratio, RATIO_BANDS), NO_PHYSICIAN_POINTS)


def shortage_scores(counties: pd.DataFrame) -> pd.DataFrame:
    """Add the four components' values and points and the total score to county rows.

    Needs columns children, physicians, distance_km, pop_total, urban_pop; counties without
    children are dropped.
    """
    scored = counties[counties["children"].fillna(0) > 0].copy()
    children = scored["children"].astype(float)
    physicians = scored["physicians"].astype(float)
    population = scored["pop_total"].astype(float).where(scored["pop_total"] > 0)
    scored["children_per_physician"] = children / physicians.where(physicians > 0)
    scored["child_share"] = children / population
    scored["rural_share"] = 1.0 - scored["urban_pop"].astype(float) / population
    scored["ratio_points"] = ratio_points(children, physicians)
    scored["distance_points"] = band_points(scored["distance_km"], DISTANCE_BANDS, strict=True)
    scored["child_share_points"] = band_points(scored["child_share"], CHILD_SHARE_BANDS)
    scored["rural_share_points"] = band_points(scored["rural_share"], RURAL_SHARE_BANDS)
    scored["score"] = scored[[f"{c}_points" for c in COMPONENTS]].sum(axis=1).astype(int)
    return scored


def worst_served(scored: pd.DataFrame, count: int) -> pd.DataFrame:
    """The count highest scores (ties: more children per physician, then lower adcode first)."""
    # No physician (NaN ratio) is the worst ratio of all.
    ranking = scored.assign(_ratio=scored["children_per_physician"].fillna(np.inf))
    ranking = ranking.sort_values(["score", "_ratio", "adcode"], ascending=[False, False, True])
    return ranking.drop(columns="_ratio").head(count).reset_index(drop=True)


def scored_components(row: pd.Series) -> list[str]:
    """The components that earned points for one scored county, in table order."""
    return [c for c in COMPONENTS if row[f"{c}_points"] > 0]
