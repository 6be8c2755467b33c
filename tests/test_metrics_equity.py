import math

import numpy as np
import pandas as pd
import pytest

from pedatlas.metrics.equity import (
    gini_coefficient,
    lorenz_curve,
    theil_decomposition,
    theil_index,
)


def test_lorenz_curve_starts_at_origin_and_sorts_by_per_capita():
    # per capita = [3, 1, 1] -> stable order: unit 1, unit 2, unit 0
    # cum population: 0, 10/40, 30/40, 40/40; cum resource: 0, 10/60, 30/60, 60/60
    curve = lorenz_curve([30, 10, 20], [10, 10, 20])
    assert list(curve.columns) == ["cum_population_share", "cum_resource_share"]
    np.testing.assert_allclose(curve["cum_population_share"], [0, 0.25, 0.75, 1])
    np.testing.assert_allclose(curve["cum_resource_share"], [0, 1 / 6, 0.5, 1])


def test_gini_coefficient_hand_computed_three_units():
    # Lorenz points from the test above:
    # G = 1 - [0.25 * (1/6 + 0) + 0.5 * (0.5 + 1/6) + 0.25 * (1 + 0.5)]
    #   = 1 - (1/24 + 8/24 + 9/24) = 1 - 18/24 = 0.25
    assert gini_coefficient([30, 10, 20], [10, 10, 20]) == pytest.approx(0.25, abs=1e-12)


@pytest.mark.parametrize(
    ("resource", "population"),
    [([1, 1, 1], [1, 1, 1]), ([2, 4, 6], [1, 2, 3]), ([0.5, 50], [10, 1000])],
)
def test_gini_coefficient_equal_per_capita_is_zero(resource, population):
    # every unit has the same per-capita value, so the Lorenz curve is the diagonal
    assert gini_coefficient(resource, population) == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("n", [2, 5, 10, 2850])
def test_gini_coefficient_all_in_one_unit_is_one_minus_one_over_n(n):
    # X steps by 1/n, Y stays 0 until the last step -> G = 1 - (1/n)(1 + 0) = 1 - 1/n
    resource = np.zeros(n)
    resource[n // 2] = 7.0
    assert gini_coefficient(resource, np.full(n, 3.0)) == pytest.approx(1 - 1 / n, abs=1e-12)


def test_gini_coefficient_handles_zero_resource_rows():
    # per capita 0, 0, 10, 10; X = 0, .25, .5, .75, 1; Y = 0, 0, 0, .5, 1
    # G = 1 - .25 * (0 + 0 + .5 + 1.5) = 0.5
    assert gini_coefficient([0, 10, 0, 10], [1, 1, 1, 1]) == pytest.approx(0.5, abs=1e-12)


def test_gini_coefficient_ignores_unit_order_and_scale():
    rng = np.random.default_rng(7)
    resource, population = rng.uniform(0, 50, 30), rng.uniform(1, 9, 30)
    shuffled = rng.permutation(30)
    expected = gini_coefficient(resource, population)
    assert gini_coefficient(resource[shuffled] * 3, population[shuffled] * 11) == pytest.approx(
        expected, abs=1e-12
    )


def test_gini_coefficient_accepts_pandas_series():
    frame = pd.DataFrame({"beds": [30, 10, 20], "children": [10, 10, 20]}, index=[5, 9, 2])
    assert gini_coefficient(frame["beds"], frame["children"]) == pytest.approx(0.25, abs=1e-12)


@pytest.mark.parametrize(
    ("resource", "population", "message"),
    [
        ([1, 2], [1, 2, 3], "same length"),
        ([1, -2], [1, 2], "resource contains negative"),
        ([1, 2], [1, -2], "population contains negative"),
        ([1, np.nan], [1, 2], "resource contains NaN"),
        ([1, 2], [np.nan, 2], "population contains NaN"),
        ([0, 0], [1, 2], "total resource is 0"),
        ([1, 2], [0, 0], "total population is 0"),
    ],
)
def test_gini_coefficient_rejects_invalid_input(resource, population, message):
    with pytest.raises(ValueError, match=message):
        gini_coefficient(resource, population)


def test_theil_index_hand_computed_two_units():
    # w = [1/4, 3/4], n = [1/2, 1/2] -> T = 1/4 ln(1/2) + 3/4 ln(3/2) = 0.1308120...
    expected = 0.25 * math.log(0.5) + 0.75 * math.log(1.5)
    assert theil_index([1, 3], [5, 5]) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("n", [2, 4, 31])
def test_theil_index_all_in_one_unit_is_log_n(n):
    # w = 1 for one unit with n_i = 1/n -> T = 1 * ln(1 / (1/n)) = ln n; other terms are 0
    resource = np.zeros(n)
    resource[0] = 4.0
    assert theil_index(resource, np.ones(n)) == pytest.approx(math.log(n), abs=1e-12)


def test_theil_index_equal_per_capita_is_zero():
    assert theil_index([2, 4, 6], [1, 2, 3]) == pytest.approx(0.0, abs=1e-12)


def test_theil_index_rejects_resource_in_zero_population_unit():
    with pytest.raises(ValueError, match="zero population"):
        theil_index([1, 2], [0, 3])


def test_theil_decomposition_hand_computed_four_units_two_groups():
    # resource [1, 3, 4, 4] (total 12), population 1 each; groups A = {0, 1}, B = {2, 3}
    # w = [1/12, 3/12, 4/12, 4/12], n = 1/4 each; W_A = 1/3, W_B = 2/3, N_A = N_B = 1/2
    # total   = 1/12 ln(1/3) + 3/12 ln(1) + 2 * 4/12 ln(4/3)                = 0.1002370...
    # between = 1/3 ln(2/3) + 2/3 ln(4/3)                                   = 0.0566330...
    # within  = W_A T_A + W_B T_B = 1/3 (1/4 ln(1/2) + 3/4 ln(3/2)) + 2/3 * 0 = 0.0436040...
    total = math.log(1 / 3) / 12 + 2 / 3 * math.log(4 / 3)
    between = math.log(2 / 3) / 3 + 2 / 3 * math.log(4 / 3)
    within = (0.25 * math.log(0.5) + 0.75 * math.log(1.5)) / 3
    result = theil_decomposition([1, 3, 4, 4], [1, 1, 1, 1], ["A", "A", "B", "B"])
    assert result.total == pytest.approx(total, abs=1e-12)
    assert result.between == pytest.approx(between, abs=1e-12)
    assert result.within == pytest.approx(within, abs=1e-12)
    assert result.between_share == pytest.approx(between / total, abs=1e-12)
    assert result.within_share == pytest.approx(within / total, abs=1e-12)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_theil_decomposition_between_plus_within_equals_total(seed):
    rng = np.random.default_rng(seed)
    resource = rng.gamma(2.0, 10.0, 200)
    resource[rng.choice(200, 20, replace=False)] = 0.0
    population = rng.uniform(100, 5000, 200)
    province = rng.choice(["东部", "中部", "西部", "东北"], 200)
    result = theil_decomposition(resource, population, province)
    assert result.between + result.within == pytest.approx(result.total, abs=1e-12)
    assert result.total == pytest.approx(theil_index(resource, population), abs=1e-12)
    assert result.between_share + result.within_share == pytest.approx(1.0, abs=1e-12)


def test_theil_decomposition_single_group_is_all_within():
    result = theil_decomposition([1, 3], [5, 5], [1, 1])
    assert result.between == pytest.approx(0.0, abs=1e-15)
    assert result.within == pytest.approx(result.total, abs=1e-15)


def test_theil_decomposition_equal_per_capita_has_undefined_shares():
    result = theil_decomposition([2, 4, 6], [1, 2, 3], ["a", "b", "b"])
    assert result.total == pytest.approx(0.0, abs=1e-15)
    assert math.isnan(result.between_share) and math.isnan(result.within_share)
