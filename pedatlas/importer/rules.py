"""Plausibility rules that compare the cells of one row, declared with their table in columns.py.

The bounds are documented in docs/data_dictionary.md ("Import plausibility bounds"):
- no referral or transfer from a hospital to itself;
- a distance of at most MAX_DISTANCE_KM (China spans about 5,500 km; routes add detours);
- a transfer's duration agrees with its timestamps within DURATION_TOLERANCE_MIN minutes or
  DURATION_TOLERANCE_SHARE of the time between them, whichever is larger;
- a transfer's average speed (route over stated duration) is at most MAX_SPEED_KMH (a
  helicopter's cruising speed; ground teams average 30-95 km/h).
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

MAX_DISTANCE_KM = 6_000.0
MAX_SPEED_KMH = 250.0
DURATION_TOLERANCE_MIN = 10.0
DURATION_TOLERANCE_SHARE = 0.10


@dataclass(frozen=True)
class Failures:
    """The rows that break a rule, and per failing row the value and detail to show."""

    mask: np.ndarray
    values: np.ndarray | None = None
    details: np.ndarray | None = None


@dataclass(frozen=True)
class RowRule:
    """A check across the cells of one row: its reason key, the column it is reported under."""

    reason: str
    column: str
    failures: Callable[[pd.DataFrame], Failures]


def _floats(frame: pd.DataFrame, column: str) -> np.ndarray:
    return frame[column].to_numpy(dtype="float64", na_value=np.nan)


def same_hospital(frame: pd.DataFrame) -> Failures:
    """Rows whose sending and receiving hospital are the same."""
    origin, target = frame["from_hospital_id"], frame["to_hospital_id"]
    return Failures((origin.notna() & (origin == target)).fillna(False).to_numpy(dtype=bool))


def implausible_distance(frame: pd.DataFrame) -> Failures:
    """Rows whose distance exceeds MAX_DISTANCE_KM."""
    distance = _floats(frame, "distance_km")
    mask = distance > MAX_DISTANCE_KM
    details = np.full(int(mask.sum()), f"{MAX_DISTANCE_KM:,.0f}", dtype=object)
    return Failures(mask, details=details)


def elapsed_minutes(frame: pd.DataFrame) -> np.ndarray:
    """Minutes from dispatch to arrival (NaN where a time is missing)."""
    delta = frame["arrived_at"] - frame["dispatched_at"]
    return (delta.dt.total_seconds() / 60.0).to_numpy(dtype="float64", na_value=np.nan)


def duration_mismatch(frame: pd.DataFrame) -> Failures:
    """Rows whose stated duration contradicts the dispatch and arrival times."""
    elapsed = elapsed_minutes(frame)
    duration = _floats(frame, "duration_min")
    tolerance = np.maximum(DURATION_TOLERANCE_MIN, DURATION_TOLERANCE_SHARE * elapsed)
    mask = (elapsed >= 0) & (np.abs(duration - elapsed) > tolerance)
    details = np.array([f"{minutes:,.0f}" for minutes in elapsed[mask]], dtype=object)
    return Failures(mask, details=details)


def implausible_speed(frame: pd.DataFrame) -> Failures:
    """Rows whose route over the stated duration is faster than MAX_SPEED_KMH."""
    distance = _floats(frame, "distance_km")
    duration = _floats(frame, "duration_min")
    with np.errstate(divide="ignore", invalid="ignore"):
        speed = np.where(duration > 0, distance / (duration / 60.0), np.inf)
    mask = (distance > 0) & (speed > MAX_SPEED_KMH) & ~np.isnan(duration)
    values = np.array(
        [
            f"{km:,.1f} km / {minutes:,.0f} min"
            for km, minutes in zip(distance[mask], duration[mask], strict=True)
        ],
        dtype=object,
    )
    details = np.full(int(mask.sum()), f"≤ {MAX_SPEED_KMH:,.0f} km/h", dtype=object)
    return Failures(mask, values, details)


SAME_HOSPITAL = RowRule("same_hospital", "to_hospital_id", same_hospital)
DISTANCE_BOUND = RowRule("implausible_distance", "distance_km", implausible_distance)
REFERRAL_RULES = (SAME_HOSPITAL, DISTANCE_BOUND)
TRANSFER_RULES = (
    SAME_HOSPITAL,
    DISTANCE_BOUND,
    RowRule("duration_mismatch", "duration_min", duration_mismatch),
    RowRule("implausible_speed", "distance_km", implausible_speed),
)
