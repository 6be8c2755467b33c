"""Synthetic critical-care transfers and alliance outreach, with the published 江西/保定 figures exact."""

import numpy as np
import pandas as pd

from pedatlas.build.hospitals import YEARS
from pedatlas.build.seed import BAODING_OUTREACH_MIN, JIANGXI_2024_TRANSFERS, JIANGXI_TRAINEES
from pedatlas.metrics.accessibility import haversine_km

OUTCOMES = ["admitted", "transferred_on", "died_en_route"]
# Growth of a centre's transport service per year (assumption: networks of this kind expand by
# about a tenth a year once running; no report gives a yearly series).
YEARLY_GROWTH = 0.08
# 江西's years before the published 2024 count, back-cast from it: 468 in 2024 and ~12% a year
# before (assumption), so 2023 reads ~418, not the generic pool-based ~100.
JIANGXI_BACKCAST_GROWTH = 0.12
OUTCOME_P = [0.965, 0.03, 0.005]
MAX_MEMBER_KM = 600
ACTIVITIES = ["expert_clinic", "lecture", "trainee", "technique", "remote_consult"]
# Mean events per member and quarter, by cooperation depth (deeper ties, more outreach).
OUTREACH_RATE = {
    "expert_clinic": 0.9,
    "lecture": 0.25,
    "trainee": 0.5,
    "technique": 0.05,
    "remote_consult": 1.2,
}
DEPTH_MULTIPLIER = {
    "普通成员": 0.5,
    "科室共建": 1.5,
    "联合门诊": 1.5,
    "半托管": 2.5,
    "托管": 4.0,
    "合作办院": 3.0,
}


def transport_centres(hospitals: pd.DataFrame, alliances: pd.DataFrame) -> pd.Series:
    """Alliance cores and tertiary children's hospitals run critical-care transport."""
    tertiary_children = (hospitals["kind"] == "儿童医院") & (hospitals["tier"] == "三级")
    return tertiary_children | hospitals["hospital_id"].isin(alliances["core_hospital_id"])


def generate_transfers(hospitals, alliances, members, rng, volume: float = 1.0) -> pd.DataFrame:
    """Transfer rows for every centre and year."""
    located = hospitals.set_index("hospital_id")
    centres = hospitals[transport_centres(hospitals, alliances)]["hospital_id"]
    jiangxi_core = alliances.set_index("alliance_id").at["JX", "core_hospital_id"]
    frames = []
    for centre in sorted(centres):
        pool = _origin_pool(centre, located, members)
        if pool.empty:
            continue
        for year in YEARS:
            if centre == jiangxi_core and year == YEARS[-1]:
                frames.append(_jiangxi_2024(centre, pool, located, rng))
                continue
            if centre == jiangxi_core:
                expected = JIANGXI_2024_TRANSFERS["trips"] / (1 + JIANGXI_BACKCAST_GROWTH) ** (
                    YEARS[-1] - year
                )
            else:
                growth = 1 + YEARLY_GROWTH * (year - YEARS[0])
                expected = np.clip(len(pool), 20, 150) * 0.8 * volume * growth
            trips = rng.poisson(expected)
            frames.append(_trips(centre, pool, located, year, trips, rng))
    transfers = pd.concat(frames, ignore_index=True)
    transfers.insert(0, "transfer_id", np.arange(1, len(transfers) + 1, dtype="int64"))
    return transfers


def _origin_pool(centre, located, members) -> pd.DataFrame:
    """Members of the centre's alliances within reach, else lower-tier hospitals within 250 km."""
    alliances = members.loc[
        (members["hospital_id"] == centre) & (members["role"] == "core"), "alliance_id"
    ]
    ids = members.loc[
        members["alliance_id"].isin(alliances) & ~members["role"].isin(["core", "协作科室"]),
        "hospital_id",
    ]
    limit = MAX_MEMBER_KM
    if ids.empty:
        ids = located.index[
            located["tier"].isin(["二级"]) & located["kind"].isin(["综合医院", "妇幼保健院"])
        ]
        limit = 250
    pool = located.loc[sorted(set(ids) - {centre}), ["lon", "lat"]]
    here = located.loc[centre]
    pool["km"] = haversine_km(here["lon"], here["lat"], pool["lon"], pool["lat"])
    return pool[(pool["km"] <= limit) & (pool["km"] > 3)]


def _trips(centre, pool, located, year, trips, rng, origins=None, road=None) -> pd.DataFrame:
    if origins is None:
        origins = rng.choice(pool.index.to_numpy(), size=trips, p=_far_weights(pool))
    road = rng.uniform(1.2, 1.45, trips) if road is None else road
    distance = np.round(pool.loc[origins, "km"].to_numpy() * road, 1)
    newborn = rng.random(trips) < 0.78
    critical = rng.random(trips) < 0.9
    return _rows(centre, origins, distance, newborn, critical, year, rng)


def _far_weights(pool) -> np.ndarray:
    # Near members often bring patients themselves; the team is called more from far away.
    weight = pool["km"].to_numpy() ** 0.5
    return weight / weight.sum()


def _rows(centre, origins, distance, newborn, critical, year, rng) -> pd.DataFrame:
    trips = len(origins)
    start = pd.Timestamp(year, 1, 1)
    dispatched = start + pd.to_timedelta(rng.integers(0, 365 * 24 * 60, trips), unit="min")
    speed = rng.uniform(70, 95, trips)  # mostly expressway, km/h
    duration = np.rint(2 * distance / speed * 60 + rng.uniform(25, 70, trips)).astype("int64")
    return pd.DataFrame(
        {
            "dispatched_at": dispatched,
            "arrived_at": dispatched + pd.to_timedelta(duration, unit="min"),
            "from_hospital_id": origins,
            "to_hospital_id": centre,
            "patient": np.where(newborn, "newborn", "child"),
            "critical": critical,
            "distance_km": distance,
            "duration_min": duration,
            "outcome": rng.choice(OUTCOMES, size=trips, p=OUTCOME_P),
            "is_synthetic": True,
        }
    )


def _jiangxi_2024(centre, pool, located, rng) -> pd.DataFrame:
    """Exactly 468 trips, 407 critical newborns, over 100,000 km, from "70余家" (70-79) institutions."""
    target = JIANGXI_2024_TRANSFERS
    ids = pool.index.to_numpy()
    distinct = rng.choice(
        ids, size=min(len(ids), target["min_origins"] + 6), replace=False, p=_far_weights(pool)
    )
    # The remaining trips come from the same 76 institutions, so the count stays "70余家".
    reached = pool.loc[distinct]
    rest = rng.choice(distinct, size=target["trips"] - len(distinct), p=_far_weights(reached))
    origins = np.concatenate([distinct, rest])
    road = rng.uniform(1.2, 1.45, len(origins))
    straight = pool.loc[origins, "km"].to_numpy()
    shortfall = target["min_km"] * 1.02 / (straight * road).sum()
    road = road * max(1.0, shortfall)  # keep the published total if members happen to be near
    kind = np.array(
        ["critical_newborn"] * target["critical_newborn"]
        + ["other"] * (target["trips"] - target["critical_newborn"])
    )
    rng.shuffle(kind)
    other = kind == "other"
    newborn = ~other | (rng.random(len(kind)) < 0.3)
    critical = ~other | ((rng.random(len(kind)) < 0.7) & ~newborn)
    distance = np.round(straight * road, 1)
    return _rows(centre, origins, distance, newborn, critical, YEARS[-1], rng)


def generate_outreach(alliances, members, rng) -> pd.DataFrame:
    """Quarterly outreach counts per alliance, member and activity since each alliance's founding."""
    frames = []
    for _, alliance in alliances.sort_values("alliance_id").iterrows():
        crew = members[
            (members["alliance_id"] == alliance["alliance_id"]) & (members["role"] != "core")
        ]
        if crew.empty:
            continue
        quarters = pd.date_range(pd.Timestamp(alliance["founded_on"]), "2024-12-31", freq="QS")
        for activity in ACTIVITIES:
            fixed = _fixed_total(alliance["alliance_id"], activity)
            frames.append(
                _activity_rows(alliance["alliance_id"], crew, quarters, activity, fixed, rng)
            )
    outreach = pd.concat(frames, ignore_index=True)
    return outreach[outreach["count"] > 0].reset_index(drop=True)


def _fixed_total(alliance_id: str, activity: str) -> int | None:
    if alliance_id == "BD" and activity in BAODING_OUTREACH_MIN:
        return int(BAODING_OUTREACH_MIN[activity] * 1.03) + 1
    if alliance_id == "JX" and activity == "trainee":
        return JIANGXI_TRAINEES
    return None


def _activity_rows(alliance_id, crew, quarters, activity, fixed, rng) -> pd.DataFrame:
    joined = pd.to_datetime(crew["joined_on"]).to_numpy()
    active = joined[:, None] <= quarters.to_numpy()[None, :]
    rate = crew["cooperation"].map(DEPTH_MULTIPLIER).fillna(1.0).to_numpy()[:, None] * active
    if fixed is None:
        counts = rng.poisson(rate * OUTREACH_RATE[activity])
    else:
        counts = rng.multinomial(fixed, (rate / rate.sum()).ravel()).reshape(rate.shape)
    rows, cols = np.nonzero(counts)
    return pd.DataFrame(
        {
            "alliance_id": alliance_id,
            "hospital_id": crew["hospital_id"].to_numpy()[rows],
            "activity": activity,
            "happened_on": quarters[cols].date,
            "count": counts[rows, cols],
            "is_synthetic": True,
        }
    )
