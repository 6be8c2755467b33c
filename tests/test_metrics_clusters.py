"""Moran's I and LISA: hand-checked on small grids, and equal to esda called directly."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from esda.moran import Moran_Local
from libpysal import weights
from shapely.geometry import box

from pedatlas.metrics import clusters


def grid(rows: int, cols: int, extra: dict | None = None) -> gpd.GeoDataFrame:
    """Unit squares named r<row>c<col> (in degrees near the equator), plus extra named shapes."""
    shapes = {f"r{r}c{c}": box(c, r, c + 1, r + 1) for r in range(rows) for c in range(cols)}
    shapes.update(extra or {})
    return gpd.GeoDataFrame(geometry=list(shapes.values()), index=list(shapes), crs=4326)


def test_moran_of_a_strip_of_four_is_the_hand_computed_0_4():
    # z = (-1.5, -0.5, 0.5, 1.5), sum z^2 = 5; row-standardised neighbour lags give
    # sum z_i * lag_i = 0.75 + 0.25 + 0.25 + 0.75 = 2, so I = 2 / 5.
    shapes = grid(1, 4)
    values = pd.Series([1.0, 2.0, 3.0, 4.0], index=shapes.index)
    result = clusters.lisa(values, shapes, permutations=99)
    assert result.moran_i == pytest.approx(0.4)
    assert result.expected_i == pytest.approx(-1 / 3)


def test_two_halves_give_high_high_and_low_low_only():
    shapes = grid(6, 6)
    rng = np.random.default_rng(1)
    column = np.array([int(code.split("c")[1]) for code in shapes.index])
    values = pd.Series(np.where(column < 3, 10.0, 0.0) + rng.normal(0, 0.5, 36), shapes.index)
    result = clusters.lisa(values, shapes)
    frame = result.counties.set_index("adcode")
    assert result.moran_i > 0.6 and result.moran_p == pytest.approx(0.001)
    west = frame.loc[column < 3, "cluster"]
    east = frame.loc[column >= 3, "cluster"]
    assert set(west) <= {"high_high", "not_significant"} and (west == "high_high").sum() >= 6
    assert set(east) <= {"low_low", "not_significant"} and (east == "low_low").sum() >= 6


def test_local_statistics_equal_esda_on_the_same_weights():
    shapes = grid(4, 4)
    values = pd.Series(np.arange(16, dtype=float) ** 1.5, index=shapes.index)
    result = clusters.lisa(values, shapes, permutations=199, seed=7)
    w = weights.Queen.from_dataframe(shapes, ids=list(shapes.index), use_index=False)
    w.transform = "r"
    direct = Moran_Local(values.to_numpy(), w, permutations=199, seed=7)
    np.testing.assert_allclose(result.counties["local_i"], direct.Is)
    np.testing.assert_allclose(result.counties["p_value"], direct.p_sim)


def test_missing_values_are_undefined_not_dropped_and_islands_are_named():
    island = {"island": box(10, 10, 11, 11)}
    shapes = grid(3, 3, island)
    values = pd.Series(np.arange(10, dtype=float), index=shapes.index)
    values["r1c1"] = np.nan
    result = clusters.lisa(values, shapes, permutations=99)
    frame = result.counties.set_index("adcode")
    assert len(frame) == 10
    assert frame.at["r1c1", "cluster"] == "undefined" and np.isnan(frame.at["r1c1", "p_value"])
    assert result.islands == ("island",)
    assert frame.at["island", "neighbours"] == 1  # joined to its nearest neighbour
    assert clusters.cluster_counts(result)["undefined"] == 1


def test_too_few_values_leave_everything_undefined():
    shapes = grid(1, 2)
    result = clusters.lisa(pd.Series([1.0, 2.0], index=shapes.index), shapes)
    assert set(result.counties["cluster"]) == {"undefined"} and np.isnan(result.moran_i)


def test_empirical_bayes_shrinks_small_populations_towards_the_overall_rate():
    # a hundred counties of 100,000 children at 0.6-1.0 per 1,000, one of 36 children with 30
    # pediatricians (西沙区's case), one without children on record
    large = np.linspace(60, 100, 100)
    events = pd.Series([*large, 30.0, 0.0])
    children = pd.Series([100_000.0] * 100 + [36.0, 0.0])
    rates = clusters.empirical_bayes_rate(events, children)
    raw = events / children
    # Marshall (1991) by hand: m = sum e / sum n; s2 = sum n (r - m)^2 / sum n - m / mean n;
    # weight = s2 / (s2 + m / n_i); smoothed = m + weight * (r - m)
    n, r = children[:101].to_numpy(), raw[:101].to_numpy()
    m = events[:101].sum() / n.sum()
    s2 = (n * (r - m) ** 2).sum() / n.sum() - m / n.mean()
    weight = s2 / (s2 + m / n[100])
    assert rates[100] == pytest.approx(m + weight * (r[100] - m))
    assert rates[100] < raw[100] / 9  # 0.83 per child shrinks about tenfold
    assert rates[:100].to_numpy() == pytest.approx(raw[:100].to_numpy(), rel=0.02)
    assert np.isnan(rates[101])


def test_precomputed_full_weights_give_the_same_clusters_as_weights_of_the_subset():
    shapes = grid(5, 5, {"island": box(10, 10, 11, 11)})
    values = pd.Series(np.arange(26, dtype=float) % 7, index=shapes.index)
    values["r2c2"] = np.nan
    full = clusters.contiguity(shapes)
    assert full[1] == ("island",)
    direct = clusters.lisa(values, shapes, permutations=199)
    reused = clusters.lisa(values, shapes, permutations=199, full_weights=full)
    pd.testing.assert_frame_equal(direct.counties, reused.counties)
    assert reused.islands == ("island",) and reused.moran_i == pytest.approx(direct.moran_i)


def test_weights_survive_the_round_trip_through_neighbour_rows():
    shapes = grid(3, 3, {"island": box(10, 10, 11, 11)})
    full = clusters.contiguity(shapes)
    pairs = clusters.neighbour_pairs(*full)
    assert pairs.loc[pairs["island"], "adcode"].tolist() == ["island"]
    restored = clusters.weights_from_pairs(pairs)
    assert restored[1] == ("island",)
    assert {k: sorted(v) for k, v in restored[0].neighbors.items()} == {
        k: sorted(v) for k, v in full[0].neighbors.items()
    }
    values = pd.Series(np.arange(10, dtype=float) % 4, index=shapes.index)
    direct = clusters.lisa(values, shapes, permutations=99, full_weights=full)
    again = clusters.lisa(values, shapes, permutations=99, full_weights=restored)
    pd.testing.assert_frame_equal(direct.counties, again.counties)


def test_a_result_stored_as_rows_reads_back_the_same():
    counties = pd.DataFrame(
        {
            "adcode": ["a", "b", "c"],
            "value": [1.0, 2.0, np.nan],
            "cluster": ["high_high", "not_significant", "undefined"],
            "local_i": [0.5, -0.1, np.nan],
            "p_value": [0.01, 0.4, np.nan],
            "neighbours": [1, 2, 0],
        }
    )
    result = clusters.ClusterResult(counties, 0.3, 0.02, -0.5, 0.0125, ("a",))
    rows = clusters.result_rows(result)
    assert list(rows.columns) == list(clusters.STORED_COLUMNS)
    assert rows["island"].tolist() == [True, False, False]
    back = clusters.result_from_rows(rows)
    pd.testing.assert_frame_equal(back.counties, counties)
    assert (back.moran_i, back.moran_p, back.expected_i, back.fdr_threshold) == (
        0.3,
        0.02,
        -0.5,
        0.0125,
    )
    assert back.islands == ("a",)
    empty = clusters.result_from_rows(rows.iloc[0:0])
    assert empty.counties.empty and np.isnan(empty.moran_i)
