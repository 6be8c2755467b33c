"""Hot and cold spots: global Moran's I and local clusters (LISA) of a county measure.

Built on PySAL: queen contiguity weights from the county boundaries (libpysal), Moran's I and
local Moran's I with conditional permutations (esda), the false-discovery-rate cut-off of
Castro & Singer (2006) as esda implements it, and empirical-Bayes rates (esda.smoothing) for
rates over small child populations.

Rules an official can rely on:
- A county without a value (no children on record, no score) is *undefined*: it is left out of the
  weights, shown as such, never dropped silently or counted as "not significant".
- Islands (counties with no shared border, e.g. Hainan's and Zhoushan's island counties, or a
  county whose neighbours all lack values) are joined to their nearest neighbour (k = 1 by
  centroid distance), so they can be part of a cluster; the result names them.
- Significance: pseudo p-values from 999 permutations, kept where p <= the FDR threshold at 5 %.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from esda import fdr
from esda.moran import Moran, Moran_Local
from esda.smoothing import Empirical_Bayes
from libpysal import weights

PERMUTATIONS = 999
ALPHA = 0.05
SEED = 20240601
# esda's quadrant codes: 1 HH, 2 LH, 3 LL, 4 HL.
QUADRANTS = {1: "high_high", 2: "low_high", 3: "low_low", 4: "high_low"}
CLUSTER_KINDS = ("high_high", "low_low", "high_low", "low_high", "not_significant", "undefined")


@dataclass(frozen=True)
class ClusterResult:
    """Per-county clusters plus the global statistic."""

    counties: pd.DataFrame  # adcode, value, cluster, local_i, p_value, neighbours
    moran_i: float
    moran_p: float
    expected_i: float
    fdr_threshold: float
    islands: tuple[str, ...]  # counties joined to their nearest neighbour


def empirical_bayes_rate(events: pd.Series, population: pd.Series) -> pd.Series:
    """Global empirical-Bayes rates (Marshall 1991) per unit, NaN where the population is missing
    or zero. Rates over small populations shrink towards the overall rate; large ones barely move."""
    events = pd.to_numeric(events, errors="coerce").astype(float)
    population = pd.to_numeric(population, errors="coerce").astype(float)
    valid = events.notna() & population.notna() & (population > 0)
    smoothed = pd.Series(np.nan, index=events.index)
    if valid.sum() < 2:
        return smoothed
    model = Empirical_Bayes(
        events[valid].to_numpy().reshape(-1, 1), population[valid].to_numpy().reshape(-1, 1)
    )
    smoothed[valid] = np.asarray(model.r).ravel()
    return smoothed


def contiguity(shapes: gpd.GeoDataFrame) -> tuple[weights.W, tuple[str, ...]]:
    """Row-standardised queen weights over shapes (index = adcode), islands joined to their
    nearest neighbour; returns the weights and the adcodes that were islands."""
    ids = list(shapes.index)
    queen = weights.Queen.from_dataframe(shapes, ids=ids, use_index=False, silence_warnings=True)
    islands = tuple(sorted(str(code) for code in queen.islands))
    if islands and len(ids) > 1:
        queen = _attach_to_nearest(queen, shapes)
    queen.transform = "r"
    return queen, islands


def neighbour_pairs(w: weights.W, islands: tuple[str, ...]) -> pd.DataFrame:
    """The weights as rows (adcode, neighbour, island): what the database stores."""
    island_set = set(islands)
    rows = [
        (str(code), str(other), str(code) in island_set)
        for code in w.id_order
        for other in w.neighbors[code]
    ]
    return pd.DataFrame(rows, columns=["adcode", "neighbour", "island"])


def weights_from_pairs(pairs: pd.DataFrame) -> tuple[weights.W, tuple[str, ...]]:
    """neighbour_pairs read back: row-standardised weights and the island counties."""
    neighbours: dict[str, list[str]] = {}
    for code, other in zip(pairs["adcode"], pairs["neighbour"], strict=True):
        neighbours.setdefault(str(code), []).append(str(other))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        w = weights.W(neighbours, id_order=sorted(neighbours), silence_warnings=True)
    w.transform = "r"
    islands = tuple(sorted(set(pairs.loc[pairs["island"].astype(bool), "adcode"].astype(str))))
    return w, islands


def lisa(
    values: pd.Series,
    shapes: gpd.GeoDataFrame,
    permutations: int = PERMUTATIONS,
    seed: int = SEED,
    full_weights: tuple[weights.W, tuple[str, ...]] | None = None,
) -> ClusterResult:
    """Moran's I and LISA clusters of values (index = adcode) over shapes (index = adcode).

    full_weights: contiguity(shapes) computed once (contiguity is the slow step at national
    scale); the counties with values are then taken from it and any county left without a defined
    neighbour is joined to its nearest one.
    """
    values = pd.to_numeric(values, errors="coerce").astype(float)
    defined = values.dropna()
    defined = defined[defined.index.isin(shapes.index)]
    frame = pd.DataFrame({"adcode": values.index.astype(str), "value": values.to_numpy()})
    frame["cluster"] = "undefined"
    frame["local_i"] = np.nan
    frame["p_value"] = np.nan
    frame["neighbours"] = 0
    if len(defined) < 3 or defined.nunique() < 2:
        return ClusterResult(frame, np.nan, np.nan, np.nan, np.nan, ())
    subset = shapes.loc[defined.index]
    if full_weights is None:
        w, islands = contiguity(subset)
    else:
        w, new_islands = _subset_weights(full_weights[0], subset)
        kept = set(subset.index.astype(str))
        islands = tuple(
            sorted({code for code in full_weights[1] if code in kept} | set(new_islands))
        )
    y = defined.to_numpy()
    with warnings.catch_warnings():
        # esda announces a future change of its default alternative; we pin today's (directed)
        # behaviour by pinning esda, and the FDR cut-off is applied to these p-values.
        warnings.simplefilter("ignore", DeprecationWarning)
        local = Moran_Local(y, w, permutations=permutations, seed=seed)
    threshold = float(fdr(local.p_sim, ALPHA))
    significant = local.p_sim <= threshold
    kinds = np.where(significant, pd.Series(local.q).map(QUADRANTS), "not_significant")
    position = frame.set_index("adcode").index.get_indexer(defined.index.astype(str))
    frame.loc[position, "cluster"] = kinds
    frame.loc[position, "local_i"] = local.Is
    frame.loc[position, "p_value"] = local.p_sim
    frame.loc[position, "neighbours"] = [w.cardinalities[code] for code in defined.index]
    overall = _global_moran(y, w, permutations, seed)
    return ClusterResult(
        counties=frame,
        moran_i=float(overall.I),
        moran_p=float(overall.p_sim),
        expected_i=float(overall.EI),
        fdr_threshold=threshold,
        islands=islands,
    )


def _subset_weights(full: weights.W, subset: gpd.GeoDataFrame) -> tuple[weights.W, tuple[str, ...]]:
    """full restricted to subset's ids (binary), islands joined to their nearest neighbour."""
    ids = list(subset.index)
    wanted = set(ids)
    neighbours = {
        code: [other for other in full.neighbors.get(code, []) if other in wanted] for code in ids
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        w = weights.W(neighbours, id_order=ids, silence_warnings=True)
    islands = tuple(sorted(str(code) for code in w.islands))
    if islands and len(ids) > 1:
        w = _attach_to_nearest(w, subset)
    w.transform = "r"
    return w, islands


def _attach_to_nearest(w: weights.W, shapes: gpd.GeoDataFrame) -> weights.W:
    centroids = shapes.to_crs(3857).geometry.centroid
    points = gpd.GeoDataFrame(geometry=centroids, index=shapes.index)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "not fully connected": expected here
        nearest = weights.KNN.from_dataframe(points, k=1, ids=list(shapes.index), use_index=False)
        return weights.util.attach_islands(w, nearest)


def _global_moran(y: np.ndarray, w: weights.W, permutations: int, seed: int) -> Moran:
    # esda's global Moran draws from numpy's global generator: seed it for a repeatable p-value
    # and give the caller's state back.
    state = np.random.get_state()
    try:
        np.random.seed(seed)
        return Moran(y, w, permutations=permutations)
    finally:
        np.random.set_state(state)


def cluster_counts(result: ClusterResult) -> dict[str, int]:
    """How many counties fall in each cluster kind (all kinds present, zeros included)."""
    counts = result.counties["cluster"].value_counts()
    return {kind: int(counts.get(kind, 0)) for kind in CLUSTER_KINDS}


# Columns of a stored result (derived_county_clusters): the per-county frame, then the global
# statistic repeated on every row, so that one query gives back the whole ClusterResult.
STORED_COLUMNS = (
    "adcode",
    "value",
    "cluster",
    "local_i",
    "p_value",
    "neighbours",
    "island",
    "moran_i",
    "moran_p",
    "expected_i",
    "fdr_threshold",
)


def result_rows(result: ClusterResult) -> pd.DataFrame:
    """result as rows of STORED_COLUMNS (what the database keeps)."""
    rows = result.counties[
        ["adcode", "value", "cluster", "local_i", "p_value", "neighbours"]
    ].copy()
    rows["island"] = rows["adcode"].isin(result.islands)
    rows["moran_i"] = result.moran_i
    rows["moran_p"] = result.moran_p
    rows["expected_i"] = result.expected_i
    rows["fdr_threshold"] = result.fdr_threshold
    return rows[list(STORED_COLUMNS)].reset_index(drop=True)


def result_from_rows(rows: pd.DataFrame) -> ClusterResult:
    """result_rows read back: the same ClusterResult (empty rows give an all-undefined result)."""
    counties = rows[["adcode", "value", "cluster", "local_i", "p_value", "neighbours"]]
    counties = counties.reset_index(drop=True).astype({"adcode": str, "neighbours": int})
    if rows.empty:
        return ClusterResult(counties, np.nan, np.nan, np.nan, np.nan, ())
    first = rows.iloc[0]
    return ClusterResult(
        counties=counties,
        moran_i=float(first["moran_i"]),
        moran_p=float(first["moran_p"]),
        expected_i=float(first["expected_i"]),
        fdr_threshold=float(first["fdr_threshold"]),
        islands=tuple(sorted(rows.loc[rows["island"].astype(bool), "adcode"].astype(str))),
    )
