import math

import numpy as np
import pandas as pd
import pytest
from access import Access
from access import weights as pysal_weights
from scipy import sparse

from pedatlas.metrics import accessibility as acc
from pedatlas.metrics.accessibility import (
    EARTH_RADIUS_KM,
    catchment_distance_matrix_km,
    distance_matrix_km,
    enhanced_two_step_fca,
    gaussian_decay,
    luo_qi_step_decay,
    nearest_distance_km,
    normalized_to_mean,
    share_within_distance,
    step_decay,
    two_step_fca,
)

# PySAL access 1.1.10 calls DataFrame.set_index(inplace=True), deprecated in pandas 3.1.
pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword:Warning")

# Hand-computed 2 x 2 case: demand [100, 300], supply [10, 20], catchment 30 km.
HAND_DEMAND = np.array([100.0, 300.0])
HAND_SUPPLY = np.array([10.0, 20.0])
HAND_DISTANCE = np.array([[5.0, 50.0], [20.0, 8.0]])


def pysal_access(supply, demand, distance, max_cost, weight_fn=None, normalize=False):
    """Run PySAL access 2SFCA/E2SFCA on a dense matrix; unreachable demand (NaN) becomes 0."""
    rows, cols = np.indices(distance.shape)
    cost = pd.DataFrame({"o": rows.ravel(), "d": cols.ravel(), "km": distance.ravel()})
    model = Access(
        demand_df=pd.DataFrame({"did": np.arange(len(demand)), "pop": demand}),
        demand_index="did",
        demand_value="pop",
        supply_df=pd.DataFrame({"sid": np.arange(len(supply)), "beds": supply}),
        supply_index="sid",
        supply_value="beds",
        cost_df=cost,
        cost_origin="o",
        cost_dest="d",
        cost_name="km",
    )
    if weight_fn is None:
        result = model.two_stage_fca(name="a", max_cost=max_cost, normalize=normalize)
    else:
        result = model.enhanced_two_stage_fca(
            name="a", max_cost=max_cost, weight_fn=weight_fn, normalize=normalize
        )
    return result["a_beds"].reindex(range(len(demand))).fillna(0).to_numpy()


def random_instance(seed, n_demand=40, n_supply=15):
    rng = np.random.default_rng(seed)
    distance = distance_matrix_km(
        rng.uniform(110, 112, n_demand),
        rng.uniform(30, 32, n_demand),
        rng.uniform(110, 112, n_supply),
        rng.uniform(30, 32, n_supply),
    )
    return rng.uniform(1, 50, n_supply), rng.uniform(1e3, 1e5, n_demand), distance


def grid_instance():
    # 7 x 7 demand grid and 4 x 4 supply grid, 10 km spacing, Manhattan km: integer distances
    # land exactly on the 10/20/30 km band edges, which exercises the inclusive convention.
    dy, dx = np.divmod(np.arange(49), 7)
    sy, sx = np.divmod(np.arange(16), 4)
    distance = (
        np.abs(dx[:, None] * 10 - (sx[None, :] * 20 + 5))
        + np.abs(dy[:, None] * 10 - (sy[None, :] * 20 + 5))
    ).astype(float)
    return 1.0 + np.arange(16) % 3, 500.0 + 37.0 * np.arange(49), distance


def test_distance_matrix_km_hand_values():
    # quarter of a great circle = pi R / 2 = 10007.557 km; pole to pole = pi R;
    # one degree = pi R / 180 = 111.195 km; south pole to (0, 1N) = 91 degrees
    result = distance_matrix_km([0, 0], [0, -90], [90, 0, 0], [0, 90, 1])
    quarter, half, degree = math.pi * EARTH_RADIUS_KM / 2, math.pi * EARTH_RADIUS_KM, 111.19508
    np.testing.assert_allclose(result[0], [quarter, quarter, degree], rtol=1e-7)
    np.testing.assert_allclose(result[1], [quarter, half, quarter + degree], rtol=1e-7)


def test_distance_matrix_km_is_zero_on_diagonal_and_symmetric():
    rng = np.random.default_rng(3)
    lon, lat = rng.uniform(73, 135, 25), rng.uniform(18, 53, 25)
    result = distance_matrix_km(lon, lat, lon, lat)
    np.testing.assert_allclose(np.diag(result), 0.0, atol=1e-9)
    np.testing.assert_allclose(result, result.T, rtol=1e-12)


def test_two_step_fca_hand_computed_2x2():
    # within 30 km: demand 0 -> site 0 (5); demand 1 -> sites 0 (20) and 1 (8)
    # R_0 = 10 / (100 + 300) = 0.025; R_1 = 20 / 300 = 1/15
    # A_0 = R_0 = 0.025; A_1 = R_0 + R_1 = 0.025 + 0.0666... = 0.091666...
    result = two_step_fca(HAND_SUPPLY, HAND_DEMAND, HAND_DISTANCE, 30.0)
    np.testing.assert_allclose(result, [0.025, 0.025 + 1 / 15], rtol=1e-12)


def test_enhanced_two_step_fca_hand_computed_2x2():
    # Luo & Qi bands for 30 km: (0, 10] -> 1, (10, 20] -> 0.68, (20, 30] -> 0.22, beyond -> 0
    # weights: d=5 -> 1, d=20 -> 0.68 (upper edge inclusive), d=8 -> 1, d=50 -> 0
    # R_0 = 10 / (1 * 100 + 0.68 * 300) = 10 / 304; R_1 = 20 / (1 * 300) = 1/15
    # A_0 = 1 * 10/304 = 0.0328947...; A_1 = 0.68 * 10/304 + 1 * 1/15 = 0.0890350...
    result = enhanced_two_step_fca(HAND_SUPPLY, HAND_DEMAND, HAND_DISTANCE, 30.0)
    np.testing.assert_allclose(result, [10 / 304, 0.68 * 10 / 304 + 1 / 15], rtol=1e-12)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_two_step_fca_matches_pysal_on_random_points(seed):
    supply, demand, distance = random_instance(seed)
    expected = pysal_access(supply, demand, distance, 60.0)
    np.testing.assert_allclose(two_step_fca(supply, demand, distance, 60.0), expected, rtol=1e-9)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_enhanced_two_step_fca_step_matches_pysal_on_random_points(seed):
    supply, demand, distance = random_instance(seed)
    fn = pysal_weights.step_fn({20.0: 1.0, 40.0: 0.68, 60.0: 0.22})
    expected = pysal_access(supply, demand, distance, 60.0, weight_fn=fn)
    result = enhanced_two_step_fca(supply, demand, distance, 60.0, luo_qi_step_decay(60.0))
    np.testing.assert_allclose(result, expected, rtol=1e-9)


@pytest.mark.parametrize(("seed", "sigma"), [(0, 15.0), (1, 30.0), (2, 60.0)])
def test_enhanced_two_step_fca_gaussian_matches_pysal_on_random_points(seed, sigma):
    supply, demand, distance = random_instance(seed)
    expected = pysal_access(supply, demand, distance, 60.0, pysal_weights.gaussian(sigma))
    result = enhanced_two_step_fca(supply, demand, distance, 60.0, gaussian_decay(sigma))
    np.testing.assert_allclose(result, expected, rtol=1e-9)


@pytest.mark.parametrize(
    ("weights", "pysal_fn"),
    [
        (None, None),
        (luo_qi_step_decay(30.0), pysal_weights.step_fn({10: 1, 20: 0.68, 30: 0.22})),
        (gaussian_decay(12.0), pysal_weights.gaussian(12.0)),
    ],
)
def test_fca_matches_pysal_on_grid_with_distances_on_band_edges(weights, pysal_fn):
    supply, demand, distance = grid_instance()
    expected = pysal_access(supply, demand, distance, 30.0, weight_fn=pysal_fn)
    if weights is None:
        result = two_step_fca(supply, demand, distance, 30.0)
    else:
        result = enhanced_two_step_fca(supply, demand, distance, 30.0, weights)
    np.testing.assert_allclose(result, expected, rtol=1e-9)


def test_two_step_fca_unreachable_demand_is_zero_where_pysal_gives_nan():
    # demand 1 is 80 km from the only site: PySAL leaves it out (NaN), we report 0 access
    distance = np.array([[10.0], [80.0]])
    result = two_step_fca([6.0], [200.0, 100.0], distance, 50.0)
    np.testing.assert_allclose(result, [6.0 / 200.0, 0.0], rtol=1e-12)


def test_two_step_fca_supply_with_no_demand_in_reach_adds_nothing():
    # site 1 reaches no one (R_1 would be 9/0): it contributes 0 instead of inf
    distance = np.array([[10.0, 90.0]])
    result = two_step_fca([4.0, 9.0], [50.0], distance, 50.0)
    np.testing.assert_allclose(result, [4.0 / 50.0], rtol=1e-12)


def test_fca_sparse_input_matches_dense_including_colocated_points():
    rng = np.random.default_rng(11)
    lon, lat = rng.uniform(110, 113, 60), rng.uniform(29, 32, 60)
    s_lon, s_lat = (
        np.append(rng.uniform(110, 113, 19), lon[0]),
        np.append(rng.uniform(29, 32, 19), lat[0]),
    )
    supply, demand = rng.uniform(1, 30, 20), rng.uniform(1e3, 1e4, 60)
    dense = distance_matrix_km(lon, lat, s_lon, s_lat)
    sparse_km = catchment_distance_matrix_km(lon, lat, s_lon, s_lat, 80.0)
    assert sparse_km[0, 19] == 0.0 and sparse_km.nnz == np.count_nonzero(dense <= 80.0)
    np.testing.assert_allclose(
        two_step_fca(supply, demand, sparse_km, 80.0), two_step_fca(supply, demand, dense, 80.0)
    )
    decay = gaussian_decay(40.0)
    np.testing.assert_allclose(
        enhanced_two_step_fca(supply, demand, sparse_km, 80.0, decay),
        enhanced_two_step_fca(supply, demand, dense, 80.0, decay),
    )


def test_catchment_distance_matrix_km_matches_dense_within_radius():
    rng = np.random.default_rng(5)
    o_lon, o_lat = rng.uniform(73, 135, 300), rng.uniform(18, 53, 300)
    d_lon, d_lat = rng.uniform(73, 135, 400), rng.uniform(18, 53, 400)
    dense = distance_matrix_km(o_lon, o_lat, d_lon, d_lat)
    result = catchment_distance_matrix_km(o_lon, o_lat, d_lon, d_lat, 300.0)
    assert sparse.issparse(result) and result.shape == (300, 400)
    expected = np.where(dense <= 300.0, dense, 0.0)
    np.testing.assert_allclose(result.toarray(), expected, rtol=1e-12)


@pytest.mark.parametrize("d", [0.0, 5.0, 10.0, 10.5, 20.0, 25.0, 30.0, 30.01, 100.0])
def test_step_decay_matches_pysal_step_fn_on_band_edges(d):
    # bands are inclusive of their upper edge: 10 -> 1, 20 -> 0.68, 30 -> 0.22, > 30 -> 0
    expected = pysal_weights.step_fn({10: 1.0, 20: 0.68, 30: 0.22})(d)
    assert luo_qi_step_decay(30.0)(np.array([d]))[0] == expected


def test_step_decay_rejects_unsorted_bounds():
    with pytest.raises(ValueError, match="increase"):
        step_decay([20, 10], [1.0, 0.5])


@pytest.mark.parametrize("d", [0.0, 7.5, 20.0, 61.0])
def test_gaussian_decay_matches_pysal_gaussian(d):
    # exp(-d^2 / (2 * 20^2)); e.g. d = 20 -> exp(-1/2) = 0.60653...
    expected = pysal_weights.gaussian(20.0)(d)
    assert gaussian_decay(20.0)(np.array([d]))[0] == pytest.approx(expected, rel=1e-15)


def test_nearest_distance_km_hand_computed():
    # nearest to (0, 0) is (0, 1): one degree of latitude = pi R / 180 = 111.19508 km
    # nearest to (100, 40) is itself: 0 km
    result = nearest_distance_km([0, 100], [0, 40], [0, 5, 100], [1, 0, 40])
    np.testing.assert_allclose(result, [math.pi * EARTH_RADIUS_KM / 180, 0.0], atol=1e-9)


def test_nearest_distance_km_matches_brute_force():
    rng = np.random.default_rng(9)
    o_lon, o_lat = rng.uniform(73, 135, 300), rng.uniform(18, 53, 300)
    d_lon, d_lat = rng.uniform(73, 135, 2000), rng.uniform(18, 53, 2000)
    expected = distance_matrix_km(o_lon, o_lat, d_lon, d_lat).min(axis=1)
    np.testing.assert_allclose(nearest_distance_km(o_lon, o_lat, d_lon, d_lat), expected)


def test_share_within_distance_hand_computed():
    # population 100 in total; within 50 km (inclusive): 10 + 20 = 30; within 100: 30;
    # within 200: 10 + 20 + 30 = 60
    result = share_within_distance([10, 20, 30, 40], [10, 50, 120, 300])
    assert result == pytest.approx({50: 0.3, 100: 0.3, 200: 0.6})


def test_share_within_distance_custom_thresholds():
    result = share_within_distance([1, 3], [0.0, 30.0], thresholds=(0, 30))
    assert result == pytest.approx({0: 0.25, 30: 1.0})


def test_normalized_to_mean_hand_computed():
    # weighted mean = (1*1 + 2*1 + 4*2) / 4 = 2.75
    result = normalized_to_mean([1.0, 2.0, 4.0], [1.0, 1.0, 2.0])
    np.testing.assert_allclose(result, [1 / 2.75, 2 / 2.75, 4 / 2.75])
    assert np.average(result, weights=[1, 1, 2]) == pytest.approx(1.0)


def test_normalized_to_mean_matches_pysal_normalize():
    supply, demand, distance = random_instance(4)
    expected = pysal_access(supply, demand, distance, 60.0, normalize=True)
    result = normalized_to_mean(two_step_fca(supply, demand, distance, 60.0), demand)
    np.testing.assert_allclose(result, expected, rtol=1e-9)


@pytest.mark.parametrize(
    ("supply", "demand"), [([1.0, 2.0, 3.0], HAND_DEMAND), (HAND_SUPPLY, [1.0, 2.0, 3.0])]
)
def test_two_step_fca_rejects_mismatched_shapes(supply, demand):
    with pytest.raises(ValueError, match="distance matrix is"):
        two_step_fca(supply, demand, HAND_DISTANCE, 30.0)


def test_last_step_band_includes_d0_for_any_catchment():
    for catchment in (10.7, 0.3, 33.3, 100.0, 137.9):
        decay = acc.luo_qi_step_decay(catchment)
        assert decay(np.array([catchment]))[0] == acc.LUO_QI_2009_WEIGHTS[-1]
        assert decay(np.array([np.nextafter(catchment, np.inf)]))[0] == 0


def test_narrow_gaussian_never_turns_underflow_into_inf_or_nan():
    # sigma 0.5 km at 30-40 km: every weight underflows to 0 in the plain form, exp(-1800)
    distance = np.array([[30.0, 40.0], [35.0, 38.0]])
    result = acc.enhanced_two_step_fca(
        [10.0, 20.0], [100.0, 50.0], distance, 50, weights=acc.gaussian_decay(0.5)
    )
    assert np.all(np.isfinite(result))
    # site 0 reaches demand 0 with relative weight 1 and demand 1 with exp(-(35^2-30^2)/0.5) ~ 0:
    # it serves demand 0 alone (10 / 100); site 1 serves demand 1 alone (20 / 50)
    assert result == pytest.approx([0.1, 0.4])


def test_site_reached_only_by_zero_child_units_serves_no_one():
    distance = np.array([[5.0, 500.0], [500.0, 5.0]])
    result = acc.two_step_fca([10.0, 99.0], [100.0, 0.0], distance, 50)
    assert result.tolist() == [0.1, 0.0]  # site 1's 99 reach only children that do not exist


def test_missing_child_count_gives_nan_there_and_no_demand_elsewhere():
    distance = np.array([[5.0], [6.0], [7.0]])
    result = acc.two_step_fca([30.0], [100.0, np.nan, 200.0], distance, 50)
    assert result[0] == pytest.approx(0.1) and result[2] == pytest.approx(0.1)
    assert np.isnan(result[1])
