"""Hot and cold spots (LISA) of county shortage, accessibility and physician rates.

Pure: county rows in, values to cluster, a cluster map, a table and plain sentences out. The
clustering itself is pedatlas.metrics.clusters (PySAL esda/libpysal).
"""

import hashlib
from collections.abc import Callable

import geopandas as gpd
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pedatlas import fmt, map_traces
from pedatlas.equity import builders as ev
from pedatlas.metrics import clusters, shortage
from pedatlas.tables import Column

MEASURES = ("shortage", "access", "physicians")
# For the shortage score more is worse; for the other two more is better.
MORE_IS_WORSE = {"shortage"}
DRAWN_CLUSTERS = ("high_high", "low_low", "high_low", "low_high", "not_significant")
CLUSTER_COLORS = ("#d7191c", "#2c7bb6", "#fdae61", "#abd9e9", "#f0f0f0")
NAMES_IN_SENTENCE = 5
# The accessibility index that is clustered: physicians, E2SFCA with step decay, 100 km (the
# equity page's default view of accessibility).
ACCESS_SETTINGS = ("physicians", "e2sfca_step", 100)


def shortage_values(counties: pd.DataFrame, hospitals: pd.DataFrame) -> pd.DataFrame:
    """adcode, value, raw: the shortage score (0-20 points, bounded, so not smoothed)."""
    demand = ev.with_children(counties).reset_index(drop=True)
    distance = ev.nearest_site_km(demand, hospitals, "capable")
    scored = shortage.shortage_scores(demand.assign(distance_km=distance))
    score = scored["score"].astype(float)
    return pd.DataFrame({"adcode": scored["adcode"], "value": score, "raw": score})


def physician_values(counties: pd.DataFrame) -> pd.DataFrame:
    """adcode, value, raw: pediatric physicians per 1,000 children, empirical-Bayes smoothed
    (value) and as counted (raw), so that 36 children with 30 physicians do not make a hot spot."""
    demand = ev.with_children(counties).reset_index(drop=True)
    smoothed = clusters.empirical_bayes_rate(demand["physicians"], demand["children"]) * 1000
    raw = demand["physicians"].astype(float) / demand["children"].astype(float) * 1000
    return pd.DataFrame({"adcode": demand["adcode"], "value": smoothed, "raw": raw})


def access_values(scores: pd.DataFrame) -> pd.DataFrame:
    """adcode, value, raw: the accessibility index (already a smoothed, catchment-wide measure)."""
    return pd.DataFrame(
        {"adcode": scores["adcode"], "value": scores["access_index"], "raw": scores["access_index"]}
    )


def measure_values(
    measure: str,
    counties: pd.DataFrame,
    hospitals: pd.DataFrame,
    access_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """adcode, value, raw of one measure for the counties (access_scores: accessibility_scores
    with ACCESS_SETTINGS, needed for "access" only)."""
    if measure == "shortage":
        return shortage_values(counties, hospitals)
    if measure == "physicians":
        return physician_values(counties)
    if access_scores is None:
        raise ValueError("the access measure needs the accessibility scores")
    return access_values(access_scores)


def county_lisa(
    values: pd.DataFrame, shapes: gpd.GeoDataFrame, full_weights: tuple | None
) -> clusters.ClusterResult:
    """LISA of values over the counties of shapes that have a row in values (undefined where the
    value is missing), with the contiguity of all China (clusters.weights_from_pairs)."""
    inside = shapes.loc[shapes.index.isin(values["adcode"])]
    series = values.set_index("adcode")["value"].reindex(inside.index)
    return clusters.lisa(series, inside, full_weights=full_weights)


def national_cluster_rows(
    counties: pd.DataFrame,
    sites: pd.DataFrame,
    shapes: gpd.GeoDataFrame | None,
    full_weights: tuple | None,
    previous: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every year and measure of the national LISA as stored rows (derived_county_clusters):
    year, measure, clusters.STORED_COLUMNS, raw and inputs_digest.

    counties: every county in every year (equity/county_resources); sites: hospitals with their
    resources in every year (equity/care_sites). Years without counties or sites are left out.
    previous: the rows stored before; a year whose inputs (its counties, its sites and the
    contiguity) have the same digest keeps its rows, so an import of one year's hospitals reruns
    that year's three LISAs (~1 s each), not every year's.
    """
    frames = []
    pairs = pd.DataFrame(full_weights[0].neighbors.items()).astype(str) if full_weights else None
    for year in sorted(counties["year"].unique()):
        rows = ev.year_rows(counties, year)
        hospitals = sites[sites["year"] == year].reset_index(drop=True)
        if rows.empty or hospitals.empty:
            continue
        digest = _inputs_digest(rows, hospitals, pairs)
        kept = _kept_rows(previous, int(year), digest)
        frames.append(
            kept if kept is not None else _year_rows(rows, hospitals, shapes, full_weights)
        )
        frames[-1] = frames[-1].assign(year=int(year), inputs_digest=digest)
    if not frames:
        return _EMPTY_STORED.copy()
    result = pd.concat(frames, ignore_index=True)
    return result[list(_EMPTY_STORED.columns)]


def _year_rows(rows, hospitals, shapes, full_weights) -> pd.DataFrame:
    access = ev.accessibility_scores(rows, hospitals, *ACCESS_SETTINGS)
    frames = []
    for measure in MEASURES:
        values = measure_values(measure, rows, hospitals, access)
        stored = clusters.result_rows(county_lisa(values, shapes, full_weights))
        stored = stored.merge(values[["adcode", "raw"]], on="adcode", how="left")
        frames.append(stored.assign(measure=measure))
    return pd.concat(frames, ignore_index=True)


def _inputs_digest(rows: pd.DataFrame, hospitals: pd.DataFrame, pairs) -> str:
    parts = [rows, hospitals] + ([pairs] if pairs is not None else [])
    hashed = [pd.util.hash_pandas_object(part, index=False).to_numpy() for part in parts]
    return hashlib.sha1(b"".join(h.tobytes() for h in hashed)).hexdigest()


def _kept_rows(previous: pd.DataFrame | None, year: int, digest: str) -> pd.DataFrame | None:
    if previous is None or "inputs_digest" not in previous.columns:
        return None
    same = previous[(previous["year"] == year) & (previous["inputs_digest"] == digest)]
    return same.drop(columns=["year", "inputs_digest"]) if len(same) else None


_EMPTY_STORED = pd.DataFrame(
    {
        "year": pd.Series(dtype="int64"),
        "measure": pd.Series(dtype=str),
        "adcode": pd.Series(dtype=str),
        "value": pd.Series(dtype=float),
        "cluster": pd.Series(dtype=str),
        "local_i": pd.Series(dtype=float),
        "p_value": pd.Series(dtype=float),
        "neighbours": pd.Series(dtype="int64"),
        "island": pd.Series(dtype=bool),
        "moran_i": pd.Series(dtype=float),
        "moran_p": pd.Series(dtype=float),
        "expected_i": pd.Series(dtype=float),
        "fdr_threshold": pd.Series(dtype=float),
        "raw": pd.Series(dtype=float),
        "inputs_digest": pd.Series(dtype=str),
    }
)


def cluster_classes(result: clusters.ClusterResult) -> np.ndarray:
    """Class index per county in DRAWN_CLUSTERS order; -1 = undefined (no data)."""
    order = {kind: number for number, kind in enumerate(DRAWN_CLUSTERS)}
    return result.counties["cluster"].map(order).fillna(-1).astype(int).to_numpy()


def cluster_names(t: Callable) -> dict[str, str]:
    """Each cluster kind's name, looked up once (not per county: 2,848 lookups cost ~0.2 s)."""
    return {kind: t(f"hotspot_cluster_{kind}") for kind in clusters.CLUSTER_KINDS}


def cluster_table(
    result: clusters.ClusterResult, values: pd.DataFrame, places: pd.DataFrame, t: Callable
) -> pd.DataFrame:
    """One row per county in a cluster (not the non-significant or undefined ones), strongest first.

    places: adcode, name, city (the parent city's name).
    """
    table = result.counties.merge(values[["adcode", "raw"]], on="adcode", how="left")
    table = table.merge(places, on="adcode", how="left")
    table = table[table["cluster"].isin(DRAWN_CLUSTERS[:4])]
    table = table.sort_values(["cluster", "p_value", "adcode"])
    return pd.DataFrame(
        {
            "name": table["name"],
            "cluster": table["cluster"].map(cluster_names(t)),
            "city": table["city"],
            "value": table["value"],
            "raw": table["raw"],
            "p_value": table["p_value"],
            "adcode": table["adcode"],
        }
    ).reset_index(drop=True)


# The clustered counties as shown: the county pinned, its cluster next, then its city.
CLUSTER_COLUMNS = [
    Column("name", "hotspot_col_name", keep=True),
    Column("cluster", "hotspot_col_cluster", keep=True),
    Column("city", "hotspot_col_city"),
    Column("value", "hotspot_col_value", "decimal", 3),
    Column("raw", "hotspot_col_raw", "decimal", 3),
    Column("p_value", "hotspot_col_p", "decimal", 4),
    Column("adcode", "col_adcode"),
]


def sentences(result: clusters.ClusterResult, measure: str, names: dict, t: Callable) -> list[str]:
    """One sentence per cluster kind present, then the undefined counties and the islands."""
    polarity = "bad" if measure in MORE_IS_WORSE else "good"
    frame = result.counties
    lines = []
    for kind in DRAWN_CLUSTERS[:4]:
        members = frame[frame["cluster"] == kind].sort_values("p_value")
        if members.empty:
            continue
        listed = t("punct_list").join(
            names.get(code, code) for code in members["adcode"][:NAMES_IN_SENTENCE]
        )
        more = len(members) - NAMES_IN_SENTENCE
        listed += t("hotspot_and_more", count=more) if more > 0 else ""
        lines.append(t(f"hotspot_sentence_{polarity}_{kind}", count=len(members), names=listed))
    quiet = int((frame["cluster"] == "not_significant").sum())
    lines.append(t("hotspot_sentence_not_significant", count=quiet))
    undefined = int((frame["cluster"] == "undefined").sum())
    if undefined:
        lines.append(t("hotspot_sentence_undefined", count=undefined))
    if result.islands:
        islands = t("punct_list").join(names.get(code, code) for code in result.islands)
        lines.append(t("hotspot_sentence_islands", names=islands))
    return lines


def cluster_map(
    result: clusters.ClusterResult,
    values: pd.DataFrame,
    layers: dict,
    t: Callable,
    lang: str,
) -> go.Figure:
    """County map of the clusters (layers: counties [, counties_url, context, sea_line])."""
    drawn = map_traces.drawn_units(layers)
    frame = drawn.merge(result.counties, on="adcode", how="left")
    frame = frame.merge(values[["adcode", "raw"]], on="adcode", how="left")
    frame["cluster"] = frame["cluster"].fillna("undefined")
    classes = cluster_classes(clusters.ClusterResult(frame, *_globals(result)))
    kind_names = cluster_names(t)
    value_label, raw_label = t("hotspot_col_value"), t("hotspot_col_raw")
    colon = t("punct_colon")
    hover = np.array(
        [
            f"<b>{name}</b><br>{kind_names[kind]}"
            f"<br>{value_label}{colon}{fmt.rate(value)}"
            f"<br>{raw_label}{colon}{fmt.rate(raw)}"
            f"<br>p = {fmt.rate(p, 3)}"
            for name, kind, value, raw, p in zip(
                frame["name"],
                frame["cluster"],
                frame["value"],
                frame["raw"],
                frame["p_value"],
                strict=True,
            )
        ]
    )
    labels = [t(f"hotspot_cluster_{kind}") for kind in DRAWN_CLUSTERS]
    return map_traces.county_layer_figure(
        layers,
        frame,
        classes,
        labels,
        list(CLUSTER_COLORS),
        hover,
        t,
        lang,
        t("hotspot_legend"),
        no_data=t("hotspot_cluster_undefined"),
    )


def _globals(result: clusters.ClusterResult) -> tuple:
    return (
        result.moran_i,
        result.moran_p,
        result.expected_i,
        result.fdr_threshold,
        result.islands,
    )


def global_summary(result: clusters.ClusterResult) -> dict[str, float | int]:
    """Moran's I, its permutation p-value, E[I], the FDR cut-off and the counties clustered."""
    counts = clusters.cluster_counts(result)
    return {
        "moran_i": result.moran_i,
        "moran_p": result.moran_p,
        "expected_i": result.expected_i,
        "fdr_threshold": result.fdr_threshold,
        "clustered": sum(counts[kind] for kind in DRAWN_CLUSTERS[:4]),
        "defined": len(result.counties) - counts["undefined"],
    }
