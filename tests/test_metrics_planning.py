from itertools import combinations

import numpy as np
import pytest

from pedatlas.metrics.planning import (
    coverage_mask,
    covered_weight,
    greedy_largest_sites,
    solve_mclp,
)

RADIUS_KM = 30.0

# PuLP 3.3 flags its own v4 migration (spopt builds LpVariable directly; the bundled CBC is
# reached through PULP_CBC_CMD); the solver still runs and the results are checked below.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Constructing LpVariable:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:PULP_CBC_CMD is deprecated:DeprecationWarning"),
]


def small_instance(seed):
    """12 demand points (children) and 8 candidate sites on a 100 x 100 km square."""
    rng = np.random.default_rng(seed)
    demand_xy, site_xy = rng.uniform(0, 100, (12, 2)), rng.uniform(0, 100, (8, 2))
    distance = np.linalg.norm(demand_xy[:, None, :] - site_xy[None, :, :], axis=2)
    return rng.integers(100, 5000, 12).astype(float), distance


def brute_force_best(weight, distance, k, fixed):
    """Best covered weight over every k-subset of the non-fixed candidates."""
    free = [j for j in range(distance.shape[1]) if j not in fixed]
    return max(
        covered_weight(weight, distance, RADIUS_KM, [*subset, *fixed])
        for subset in combinations(free, k)
    )


def test_coverage_mask_hand_computed():
    # site 0 reaches rows 0 (10 km) and 1 (30 km, inclusive); site 1 reaches row 2 only
    distance = np.array([[10.0, 99.0], [30.0, 45.0], [31.0, 5.0]])
    np.testing.assert_array_equal(coverage_mask(distance, 30.0, [0]), [True, True, False])
    np.testing.assert_array_equal(coverage_mask(distance, 30.0, [0, 1]), [True, True, True])
    np.testing.assert_array_equal(coverage_mask(distance, 30.0, []), [False, False, False])


def test_solve_mclp_hand_computed_counts_children_not_locations():
    # site 0 covers one county of 1000 children; site 1 covers two counties of 10 each.
    # By locations site 1 wins (2 of 3); by children site 0 wins: 1000 > 20.
    distance = np.array([[5.0, 80.0], [80.0, 5.0], [80.0, 6.0]])
    result = solve_mclp([1000.0, 10.0, 10.0], distance, RADIUS_KM, k=1)
    np.testing.assert_array_equal(result.new_sites, [0])
    assert result.covered_weight_before == 0.0
    assert result.covered_weight_after == 1000.0
    np.testing.assert_array_equal(result.covered_after, [True, False, False])


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("k", [2, 3])
@pytest.mark.parametrize("fixed", [(), (3,)])
def test_solve_mclp_matches_brute_force(seed, k, fixed):
    weight, distance = small_instance(seed)
    result = solve_mclp(weight, distance, RADIUS_KM, k, fixed)
    assert result.covered_weight_after == pytest.approx(
        brute_force_best(weight, distance, k, fixed), abs=1e-6
    )
    opened = [*result.new_sites, *fixed]
    assert result.covered_weight_after == covered_weight(weight, distance, RADIUS_KM, opened)
    np.testing.assert_array_equal(result.covered_after, coverage_mask(distance, RADIUS_KM, opened))


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_solve_mclp_keeps_fixed_sites_open_and_outside_k(seed):
    weight, distance = small_instance(seed)
    result = solve_mclp(weight, distance, RADIUS_KM, 2, fixed_sites=(3, 6))
    assert len(result.new_sites) == 2
    assert not set(result.new_sites) & {3, 6}
    assert result.covered_weight_before == covered_weight(weight, distance, RADIUS_KM, [3, 6])
    assert result.covered_after[coverage_mask(distance, RADIUS_KM, [3, 6])].all()


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("k", [2, 3])
@pytest.mark.parametrize("fixed", [(), (3,)])
def test_greedy_largest_sites_never_beats_optimum(seed, k, fixed):
    weight, distance = small_instance(seed)
    capacity = np.random.default_rng(seed + 100).uniform(50, 800, 8)
    naive = greedy_largest_sites(capacity, k, fixed)
    naive_weight = covered_weight(weight, distance, RADIUS_KM, [*naive, *fixed])
    optimum = solve_mclp(weight, distance, RADIUS_KM, k, fixed).covered_weight_after
    assert naive_weight <= optimum + 1e-6


@pytest.mark.parametrize(
    ("fixed", "expected"),
    [
        ((), [1, 3]),  # the two 9s; the tie keeps both
        ((1,), [0, 3]),  # 9 is fixed, so the next largest are 9 (index 3) and 5 (index 0)
    ],
)
def test_greedy_largest_sites_hand_computed(fixed, expected):
    np.testing.assert_array_equal(greedy_largest_sites([5, 9, 1, 9, 3], 2, fixed), expected)


@pytest.mark.parametrize(
    ("k", "fixed", "message"),
    [
        (9, (), "cannot open 9 new sites"),
        (7, (0, 1), "cannot open 7 new sites"),
        (2, (8,), "must index"),
        (2, (1, 1), "duplicates"),
    ],
)
def test_solve_mclp_rejects_invalid_sites(k, fixed, message):
    weight, distance = small_instance(0)
    with pytest.raises(ValueError, match=message):
        solve_mclp(weight, distance, RADIUS_KM, k, fixed)
