"""Synthetic referrals, critical-care transfers and outreach (seeded gravity model).

Referrals: each county's children generate upward referrals every year from its non-tertiary
hospitals; a referral goes to one of the nearest higher-tier hospitals with probability
proportional to capacity x exp(-d / 60 km), plus a thin long-distance component to the national
centres (0.0004 x capacity x exp(-d / 1000 km)), so a realistic share crosses province lines
into Beijing, Shanghai and the other national centres. Members are three times as likely to send
to their alliance's core. A share of upward referrals comes back down (more inside alliances).
Transfers: every transport centre fetches critical patients from its members (or the lower-tier
hospitals within 250 km); route length = great-circle x a road factor 1.2-1.45.
"""

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from pedatlas.build.hospitals import YEARS
from pedatlas.metrics.accessibility import haversine_km, unit_vectors
from pedatlas.tiers import TIER_RANK, referral_direction

DEPARTMENTS = [
    "呼吸内科",
    "新生儿科",
    "消化内科",
    "神经内科",
    "心血管内科",
    "血液肿瘤科",
    "小儿外科",
    "重症医学科",
]
DEPARTMENT_P = [0.30, 0.18, 0.12, 0.10, 0.08, 0.07, 0.10, 0.05]
AGE_GROUPS = ["newborn", "infant", "preschool", "school"]
AGE_P = [0.16, 0.24, 0.30, 0.30]
# Winter respiratory season: relative monthly volume.
MONTH_WEIGHTS = np.array([1.35, 1.1, 1.05, 0.95, 0.9, 0.85, 0.9, 0.9, 0.95, 1.0, 1.1, 1.3])
UP_REFERRALS_PER_CHILD = 3.4e-4
NEAREST = 24


def _random_days(year: int, count: int, rng) -> np.ndarray:
    """Dates in a year with the winter peak."""
    months = rng.choice(12, size=count, p=MONTH_WEIGHTS / MONTH_WEIGHTS.sum()) + 1
    days = rng.integers(0, 28, size=count)
    starts = pd.to_datetime({"year": np.full(count, year), "month": months, "day": 1})
    return (starts + pd.to_timedelta(days, unit="D")).to_numpy()


def generate_referrals(
    hospitals, resources, regions, members, rng, volume: float = 1.0
) -> pd.DataFrame:
    """Referral rows for every year (up, lateral and down)."""
    latest = resources[resources["year"] == YEARS[-1]].set_index("hospital_id")
    capable = hospitals[
        hospitals["hospital_id"].map(latest["ped_physicians"]).fillna(0).to_numpy() > 0
    ]
    destinations = capable[capable["tier"].isin(["二级", "三级"])].reset_index(drop=True)
    origins = _origins_with_volume(hospitals, regions, latest, volume)
    candidates, weights = _candidate_weights(origins, destinations, members)
    frames, next_id = [], 1
    for year in YEARS:
        growth = 1.0 + 0.06 * (year - YEARS[0])
        counts = rng.multinomial(rng.poisson(origins["volume"].to_numpy() * growth), weights)
        up = _expand(origins, destinations, candidates, counts, year, rng)
        down = _downward(up, members, year, rng)
        frame = pd.concat([up, down], ignore_index=True)
        frame.insert(0, "referral_id", np.arange(next_id, next_id + len(frame), dtype="int64"))
        next_id += len(frame)
        frames.append(frame)
    referrals = pd.concat(frames, ignore_index=True)
    return _with_direction(referrals, hospitals)


def _origins_with_volume(hospitals, regions, latest, volume) -> pd.DataFrame:
    origins = hospitals[hospitals["tier"] != "三级"].copy()
    children = (
        origins["county_adcode"]
        .map(regions.set_index("adcode")["pop_0_14"])
        .astype(float)
        .fillna(0)
    )
    strength = np.sqrt(
        origins["hospital_id"].map(latest["ped_physicians"]).fillna(0).to_numpy() + 1
    )
    county_total = (
        pd.Series(strength, index=origins.index).groupby(origins["county_adcode"]).transform("sum")
    )
    origins["volume"] = children * UP_REFERRALS_PER_CHILD * volume * strength / county_total
    return origins.reset_index(drop=True)


def _candidate_weights(origins, destinations, members):
    """For each origin: candidate destination indices and their choice probabilities."""
    tree = cKDTree(unit_vectors(destinations["lon"], destinations["lat"]))
    _, nearest = tree.query(unit_vectors(origins["lon"], origins["lat"]), k=NEAREST)
    centres = np.flatnonzero(destinations["national_centre"].to_numpy())
    candidates = np.hstack([nearest, np.broadcast_to(centres, (len(origins), len(centres)))])
    distance = haversine_km(
        origins["lon"].to_numpy()[:, None],
        origins["lat"].to_numpy()[:, None],
        destinations["lon"].to_numpy()[candidates],
        destinations["lat"].to_numpy()[candidates],
    )
    capacity = _capacity(destinations)[candidates]
    is_centre = np.isin(candidates, centres)
    # Near choice with 60 km decay; a thin long-distance tail to the national centres.
    weight = capacity * (np.exp(-distance / 60) + 0.0004 * is_centre * np.exp(-distance / 1000))
    weight *= _higher_tier(origins, destinations, candidates)
    weight *= _alliance_boost(origins, destinations, candidates, members)
    # A hospital never refers to itself.
    weight *= (
        destinations["hospital_id"].to_numpy()[candidates]
        != origins["hospital_id"].to_numpy()[:, None]
    )
    return candidates, _normalised(weight)


def _capacity(destinations) -> np.ndarray:
    rank = destinations["tier"].map(TIER_RANK).to_numpy()
    base = np.where(rank == 3, 8.0, 1.0) * np.where(destinations["kind"] == "儿童医院", 3.0, 1.0)
    return base * np.where(destinations["national_centre"], 4.0, 1.0)


def _higher_tier(origins, destinations, candidates) -> np.ndarray:
    origin_rank = origins["tier"].map(TIER_RANK).to_numpy()[:, None]
    dest_rank = destinations["tier"].map(TIER_RANK).to_numpy()[candidates]
    return np.where(dest_rank > origin_rank, 1.0, np.where(dest_rank == origin_rank, 0.04, 0.0))


def _alliance_boost(origins, destinations, candidates, members) -> np.ndarray:
    cores = members[members["role"] == "core"][["alliance_id", "hospital_id"]]
    pairs = members[members["role"] != "core"].merge(
        cores, on="alliance_id", suffixes=("", "_core")
    )
    linked = set(zip(pairs["hospital_id"], pairs["hospital_id_core"], strict=True))
    origin_ids = origins["hospital_id"].to_numpy()
    dest_ids = destinations["hospital_id"].to_numpy()
    boost = np.ones(candidates.shape)
    member_rows = np.flatnonzero(np.isin(origin_ids, pairs["hospital_id"].to_numpy()))
    for row in member_rows:
        for col in range(candidates.shape[1]):
            if (origin_ids[row], dest_ids[candidates[row, col]]) in linked:
                boost[row, col] = 3.0
    return boost


def _normalised(weight: np.ndarray) -> np.ndarray:
    totals = weight.sum(axis=1, keepdims=True)
    fallback = np.zeros_like(weight)
    fallback[:, 0] = 1.0
    return np.where(totals > 0, weight / np.where(totals > 0, totals, 1), fallback)


def _expand(origins, destinations, candidates, counts, year, rng) -> pd.DataFrame:
    rows, cols = np.nonzero(counts)
    repeat = counts[rows, cols]
    origin_index = np.repeat(rows, repeat)
    dest_index = np.repeat(candidates[rows, cols], repeat)
    total = len(origin_index)
    frame = pd.DataFrame(
        {
            "referred_on": _random_days(year, total, rng),
            "from_hospital_id": origins["hospital_id"].to_numpy()[origin_index],
            "to_hospital_id": destinations["hospital_id"].to_numpy()[dest_index],
            "department": rng.choice(DEPARTMENTS, size=total, p=DEPARTMENT_P),
            "age_group": rng.choice(AGE_GROUPS, size=total, p=AGE_P),
            "distance_km": np.round(
                haversine_km(
                    origins["lon"].to_numpy()[origin_index],
                    origins["lat"].to_numpy()[origin_index],
                    destinations["lon"].to_numpy()[dest_index],
                    destinations["lat"].to_numpy()[dest_index],
                ),
                1,
            ),
        }
    )
    frame.loc[frame["department"] == "新生儿科", "age_group"] = "newborn"
    return frame


def _downward(up: pd.DataFrame, members, year: int, rng) -> pd.DataFrame:
    """Recovering patients sent back: 22% inside alliances, 9% otherwise."""
    in_alliance = (
        up["from_hospital_id"]
        .isin(members.loc[members["role"] != "core", "hospital_id"])
        .to_numpy()
    )
    back = rng.random(len(up)) < np.where(in_alliance, 0.22, 0.09)
    down = up[back].copy()
    down[["from_hospital_id", "to_hospital_id"]] = down[
        ["to_hospital_id", "from_hospital_id"]
    ].to_numpy()
    later = pd.to_timedelta(rng.integers(3, 21, len(down)), unit="D")
    down["referred_on"] = np.minimum(down["referred_on"] + later, pd.Timestamp(year, 12, 31))
    return down


def _with_direction(referrals: pd.DataFrame, hospitals: pd.DataFrame) -> pd.DataFrame:
    tiers = hospitals.set_index("hospital_id")["tier"]
    from_tier = referrals["from_hospital_id"].map(tiers)
    to_tier = referrals["to_hospital_id"].map(tiers)
    lookup = {(a, b): referral_direction(a, b) for a in TIER_RANK for b in TIER_RANK}
    referrals["direction"] = [lookup[pair] for pair in zip(from_tier, to_tier, strict=True)]
    referrals["referred_on"] = pd.to_datetime(referrals["referred_on"]).dt.date
    referrals["is_synthetic"] = True
    columns = [
        "referral_id",
        "referred_on",
        "from_hospital_id",
        "to_hospital_id",
        "direction",
        "department",
        "age_group",
        "distance_km",
        "is_synthetic",
    ]
    return referrals[columns]
