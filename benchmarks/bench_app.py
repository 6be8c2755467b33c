"""Benchmark: the overview and resource map's queries and figure builds, per view switch.

Usage: PEDATLAS_DB=path python benchmarks/bench_app.py   (default data/pedatlas.duckdb)
Times are the median of 5 uncached runs on this machine; a view switch in the app is one
region_resources query, the class breaks, the figure and its JSON (the boundary GeoJSON goes to
the browser by URL, written once per layer and database).
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pedatlas import db, fmt, geometry, map_traces  # noqa: E402
from pedatlas.metrics import density  # noqa: E402
from pedatlas.paths import database_path  # noqa: E402

RUNS = 5


def median_ms(action) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def view_switch(connection, level: str, scope: str, metric: str, features) -> None:
    rows = db.run_query(
        connection, "resource_map/region_resources", year=2024, level=level, scope=scope
    )
    measures = density.region_measures(rows, 0.87)
    classes, labels, _ = map_traces.measure_classes(measures[metric], "quantiles", 0.87, fmt.rate)
    hover = measures["name"].to_numpy()
    figure = map_traces.choropleth_figure(
        features,
        measures,
        classes,
        labels,
        map_traces.palette(len(labels)),
        hover,
        {"context": "", "sea_line": "", "no_data": "", "legend": ""},
    )
    figure.to_json()


def main() -> None:
    path = database_path()
    connection = db.open_read_only(path)
    print(f"database: {path}")
    cases = [
        ("province", "", "province"),
        ("city", "", "city"),
        ("county", "", "county"),
        ("county", "360000", "county_fine"),
        ("county", "360100", "county_fine"),
    ]
    for level, scope, layer in cases:
        features = f"app/static/geo/{layer}-{scope or 'cn'}.json"  # the app sends big layers by URL
        for metric in ("physicians_per_1000", "beds_per_1000"):
            ms = median_ms(lambda: view_switch(connection, level, scope, metric, features))  # noqa: B023
            print(
                f"view switch  level={level:<8} scope={scope or 'national':<8} {metric:<20} {ms:7.1f} ms"
            )
    for name, params in [
        ("overview/scope_summary", {"year": 2024, "scope": ""}),
        ("overview/scope_summary", {"year": 2024, "scope": "360000"}),
        ("resource_map/hospitals", {"year": 2024, "scope": "", "min_tier": "三级"}),
        ("resource_map/hospitals", {"year": 2024, "scope": "360100", "min_tier": ""}),
    ]:
        ms = median_ms(lambda: db.run_query(connection, name, **params))  # noqa: B023
        print(f"query {name:<16} {params}  {ms:7.1f} ms")
    ms = median_ms(
        lambda: geometry.feature_collection(
            db.run_query(connection, "common/shapes", layer="county", scope="")
        )
    )
    print(f"national county shapes -> GeoJSON (once per layer, then cached): {ms:.0f} ms")


if __name__ == "__main__":
    main()
