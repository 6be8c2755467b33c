"""Time PedAtlas metrics against PySAL access at national county scale; prints timings.

Run from the repository root: /work/venv/bin/python benchmarks/bench_metrics.py
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from access import Access
from access import weights as pysal_weights
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pedatlas.metrics.accessibility import (  # noqa: E402
    DistanceDecay,
    catchment_distance_matrix_km,
    distance_matrix_km,
    enhanced_two_step_fca,
    gaussian_decay,
    luo_qi_step_decay,
    nearest_distance_km,
    share_within_distance,
    two_step_fca,
)
from pedatlas.metrics.equity import gini_coefficient, theil_decomposition, theil_index  # noqa: E402
from pedatlas.metrics.planning import covered_weight, greedy_largest_sites, solve_mclp  # noqa: E402

N_COUNTIES, N_SUPPLY, CATCHMENT_KM, SPEEDUP_REQUIRED = 2850, 3000, 100.0, 5.0
CHINA_LON, CHINA_LAT = (73.0, 135.0), (18.0, 53.0)


def best_seconds(fn: Callable[[], object], repeat: int) -> float:
    """Return the fastest of `repeat` wall-clock runs of fn."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def random_points(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Return n random lon/lat points inside China's bounding box."""
    return rng.uniform(*CHINA_LON, n), rng.uniform(*CHINA_LAT, n)


def pysal_fca(
    supply: np.ndarray, demand: np.ndarray, cost: pd.DataFrame, weight_fn=None
) -> np.ndarray:
    """Return PySAL access 2SFCA (or E2SFCA with weight_fn) from a long cost table."""
    model = Access(
        demand_df=pd.DataFrame({"did": np.arange(demand.size), "pop": demand}),
        demand_index="did",
        demand_value="pop",
        supply_df=pd.DataFrame({"sid": np.arange(supply.size), "beds": supply}),
        supply_index="sid",
        supply_value="beds",
        cost_df=cost,
        cost_origin="o",
        cost_dest="d",
        cost_name="km",
    )
    if weight_fn is None:
        result = model.two_stage_fca(name="a", max_cost=CATCHMENT_KM)
    else:
        result = model.enhanced_two_stage_fca(name="a", max_cost=CATCHMENT_KM, weight_fn=weight_fn)
    return result["a_beds"].reindex(range(demand.size)).fillna(0).to_numpy()


def long_cost_table(distance: sparse.csr_array | np.ndarray) -> pd.DataFrame:
    """Return the origin/destination/km long table PySAL access expects."""
    if sparse.issparse(distance):
        coo = sparse.coo_array(distance)
        return pd.DataFrame({"o": coo.row, "d": coo.col, "km": coo.data})
    rows, cols = np.indices(distance.shape)
    return pd.DataFrame({"o": rows.ravel(), "d": cols.ravel(), "km": distance.ravel()})


def report(label: str, ours: float, theirs: float) -> float:
    """Print one ours-vs-PySAL line and return the speed-up."""
    ratio = theirs / ours
    print(f"  {label:<52} ours {ours * 1e3:9.2f} ms   PySAL {theirs * 1e3:9.2f} ms   x{ratio:7.1f}")
    return ratio


def fca_cases() -> list[tuple[str, DistanceDecay | None, Callable | None]]:
    """Return (label, our decay, the equivalent PySAL weight_fn) for each FCA variant."""
    thirds = {CATCHMENT_KM / 3: 1.0, 2 * CATCHMENT_KM / 3: 0.68, CATCHMENT_KM: 0.22}
    return [
        ("2SFCA", None, None),
        ("E2SFCA Luo-Qi steps", luo_qi_step_decay(CATCHMENT_KM), pysal_weights.step_fn(thirds)),
        ("E2SFCA Gaussian sigma=50 km", gaussian_decay(50.0), pysal_weights.gaussian(50.0)),
    ]


def our_fca(supply, demand, distance, decay: DistanceDecay | None) -> np.ndarray:
    """Return our 2SFCA, or E2SFCA when a decay is given."""
    if decay is None:
        return two_step_fca(supply, demand, distance, CATCHMENT_KM)
    return enhanced_two_step_fca(supply, demand, distance, CATCHMENT_KM, decay)


def bench_fca_same_pairs(supply, demand, pairs: sparse.csr_array) -> float:
    """Time each FCA variant on the same reachable pairs; return the slowest speed-up."""
    cost = long_cost_table(pairs)
    print(" same reachable pairs as input (sparse for ours, long table for PySAL):")
    ratios = []
    for label, decay, weight_fn in fca_cases():
        ours = best_seconds(partial(our_fca, supply, demand, pairs, decay), 20)
        theirs = best_seconds(partial(pysal_fca, supply, demand, cost, weight_fn), 5)
        expected = pysal_fca(supply, demand, cost, weight_fn)
        diff = np.max(np.abs(our_fca(supply, demand, pairs, decay) - expected) / expected.max())
        ratios.append(report(f"{label} (max diff {diff:.0e} of max)", ours, theirs))
    return min(ratios)


def bench_fca(rng: np.random.Generator) -> None:
    """Compare 2SFCA/E2SFCA with PySAL access on county-scale random points."""
    d_lon, d_lat = random_points(rng, N_COUNTIES)
    s_lon, s_lat = random_points(rng, N_SUPPLY)
    demand, supply = rng.uniform(5e3, 5e5, N_COUNTIES), rng.uniform(10, 800, N_SUPPLY)

    def build_pairs():
        return catchment_distance_matrix_km(d_lon, d_lat, s_lon, s_lat, CATCHMENT_KM)

    pairs, dense = build_pairs(), distance_matrix_km(d_lon, d_lat, s_lon, s_lat)
    print(f"2SFCA, {N_COUNTIES} demand x {N_SUPPLY} supply, catchment {CATCHMENT_KM:.0f} km")
    print(
        f"  reachable pairs {pairs.nnz}; sparse build (cKDTree) "
        f"{best_seconds(build_pairs, 5) * 1e3:.1f} ms; dense haversine matrix "
        f"{best_seconds(lambda: distance_matrix_km(d_lon, d_lat, s_lon, s_lat), 3) * 1e3:.1f} ms"
    )
    slowest = bench_fca_same_pairs(supply, demand, pairs)
    pysal_seconds = best_seconds(lambda: pysal_fca(supply, demand, long_cost_table(pairs)), 5)
    print(" ours including building the pairs from lon/lat, PySAL given the pairs for free:")
    report(
        "2SFCA end to end",
        best_seconds(lambda: our_fca(supply, demand, build_pairs(), None), 5),
        pysal_seconds,
    )
    print(f" dense distance matrix as input (PySAL given every pair, {dense.size} rows):")
    full_cost = long_cost_table(dense)
    report(
        "2SFCA dense",
        best_seconds(lambda: our_fca(supply, demand, dense, None), 5),
        best_seconds(lambda: pysal_fca(supply, demand, full_cost), 1),
    )
    verdict = "PASS" if slowest >= SPEEDUP_REQUIRED else "FAIL"
    print(
        f"  slowest speed-up on the same input x{slowest:.1f} "
        f"(need x{SPEEDUP_REQUIRED:.0f}): {verdict}"
    )


def bench_equity(rng: np.random.Generator) -> None:
    """Time Gini, Theil and its decomposition on county-scale inputs."""
    beds = rng.gamma(2.0, 50.0, N_COUNTIES)
    children = rng.uniform(5e3, 5e5, N_COUNTIES)
    province = rng.integers(0, 31, N_COUNTIES)
    print(f"Inequality on {N_COUNTIES} units")
    for label, fn in [
        ("gini_coefficient", lambda: gini_coefficient(beds, children)),
        ("theil_index", lambda: theil_index(beds, children)),
        (
            "theil_decomposition (31 provinces)",
            lambda: theil_decomposition(beds, children, province),
        ),
    ]:
        print(f"  {label:<52} {best_seconds(fn, 50) * 1e3:9.3f} ms")


def bench_nearest(rng: np.random.Generator) -> None:
    """Time nearest-facility distance and population share within thresholds."""
    o_lon, o_lat = random_points(rng, 3000)
    d_lon, d_lat = random_points(rng, 40000)
    children = rng.uniform(5e3, 5e5, 3000)
    seconds = best_seconds(lambda: nearest_distance_km(o_lon, o_lat, d_lon, d_lat), 5)
    nearest = nearest_distance_km(o_lon, o_lat, d_lon, d_lat)
    shares = share_within_distance(children, nearest, thresholds=(5, 10, 20))
    rounded = {t: round(v, 3) for t, v in shares.items()}
    print("Nearest facility, 3000 origins x 40000 destinations")
    print(f"  {'nearest_distance_km (cKDTree)':<52} {seconds * 1e3:9.2f} ms   shares {rounded}")


def bench_mclp(rng: np.random.Generator) -> None:
    """Time a province-sized MCLP and compare it with the largest-capacity baseline."""
    lon, lat = (108.0, 114.0), (24.0, 30.0)
    c_lon, c_lat = rng.uniform(*lon, 120), rng.uniform(*lat, 120)
    h_lon, h_lat = rng.uniform(*lon, 400), rng.uniform(*lat, 400)
    children = rng.uniform(2e4, 3e5, 120)
    capacity = rng.gamma(2.0, 100.0, 400)
    distance = distance_matrix_km(c_lon, c_lat, h_lon, h_lat)
    fixed = tuple(np.argsort(-capacity)[:20])
    start = time.perf_counter()
    plan = solve_mclp(children, distance, 30.0, 5, fixed)
    seconds = time.perf_counter() - start
    naive = greedy_largest_sites(capacity, 5, fixed)
    naive_weight = covered_weight(children, distance, 30.0, [*naive, *fixed])
    before, after, naive_share = (
        w / children.sum()
        for w in (plan.covered_weight_before, plan.covered_weight_after, naive_weight)
    )
    print("MCLP, 120 counties x 400 candidate hospitals, 20 existing, k=5 new, radius 30 km")
    print(f"  solve {seconds:.2f} s; new sites {plan.new_sites.tolist()}")
    print(
        f"  children covered: existing sites {before:.1%}, + MCLP picks {after:.1%}, "
        f"+ 5 largest-capacity picks {naive_share:.1%}"
    )


def main() -> None:
    """Run every benchmark with a fixed seed."""
    rng = np.random.default_rng(2024)
    with warnings.catch_warnings():
        # Third-party deprecation noise: PySAL access under pandas 3.1, spopt under PuLP 3.3.
        for message in ("The inplace keyword", "Constructing LpVariable", "PULP_CBC_CMD"):
            warnings.filterwarnings("ignore", message=message)
        bench_fca(rng)
        bench_equity(rng)
        bench_nearest(rng)
        bench_mclp(rng)


if __name__ == "__main__":
    main()
