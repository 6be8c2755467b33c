"""The regions and region_shapes tables from real boundaries and the 2020 census."""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from pedatlas.build import census, geography
from pedatlas.paths import SOURCES_DIR

CENSUS_CSV = SOURCES_DIR / "census2020_county_population.csv"
# Simplification tolerances in degrees (TECH_NOTES: sizes and looks checked by eye).
LAYER_TOLERANCE = {"province": 0.01, "city": 0.01, "county": 0.02, "county_fine": 0.005}


@dataclass
class Geography:
    """Everything the synthetic layer needs from the real geography."""

    regions: pd.DataFrame
    shapes: pd.DataFrame
    county_polygons: pd.Series  # adcode -> simplified fine polygon (hospital points go inside)
    census_report: census.CensusReport


def build_geography(progress=None) -> Geography:
    """Read boundaries and census once; return the regions and shapes tables."""
    boundaries = geography.load_boundaries(progress)
    units, geometries = boundaries.units, boundaries.geometries
    mainland = ~units["province_adcode"].isin(list(geography.NON_MAINLAND)).to_numpy()
    report = census.CensusReport()
    regions = _mainland_regions(units[mainland], geometries[mainland], report)
    if progress:
        progress(0.6, "简化边界 simplifying boundaries")
    shapes = _shapes(units, geometries, mainland)
    regions = _points_inside_drawn_shapes(regions, shapes)
    fine = shapes[shapes["layer"] == "county_fine"].set_index("adcode")["geometry"]
    shapes = shapes.assign(geom_wkb=shapely.to_wkb(shapes["geometry"].to_numpy())).drop(
        columns="geometry"
    )
    return Geography(regions, shapes, fine, report)


def _mainland_regions(units: pd.DataFrame, geometries: np.ndarray, report) -> pd.DataFrame:
    units = units.reset_index(drop=True)
    points = geography.representative_points(geometries, geography.county_seats(), units["adcode"])
    units = pd.concat([units, points], axis=1).assign(area_km2=geography.area_km2(geometries))
    counties = units[units["level"] == "county"]
    population = census.county_population(
        census.read_census(CENSUS_CSV), census.read_crosswalk(), counties, report
    )
    counties = counties.join(population, on="adcode")
    return _with_parents(pd.concat([_aggregated(units, counties), counties], ignore_index=True))


def _points_inside_drawn_shapes(regions: pd.DataFrame, shapes: pd.DataFrame) -> pd.DataFrame:
    """Move a representative point that simplification left outside its drawn shape inside it."""
    drawn = {"county": "county_fine", "city": "city", "province": "province"}
    regions = regions.copy()
    for level, layer in drawn.items():
        polygons = shapes[shapes["layer"] == layer].set_index("adcode")["geometry"]
        rows = regions.index[regions["level"] == level]
        geometry = polygons.reindex(regions.loc[rows, "adcode"]).to_numpy()
        outside = ~shapely.contains_xy(geometry, regions.loc[rows, "lon"], regions.loc[rows, "lat"])
        fixed = shapely.point_on_surface(geometry[outside])
        regions.loc[rows[outside], "lon"] = shapely.get_x(fixed)
        regions.loc[rows[outside], "lat"] = shapely.get_y(fixed)
    return regions


def _aggregated(units: pd.DataFrame, counties: pd.DataFrame) -> pd.DataFrame:
    """Province and city rows with the sums of their counties."""
    columns = census.POP_COLUMNS
    by_city = counties.groupby("city_adcode")[columns].sum()
    by_province = counties.groupby("province_adcode")[columns].sum()
    provinces = units[units["level"] == "province"].join(by_province, on="adcode")
    cities = units[units["level"] == "city"].join(by_city, on="adcode")
    frame = pd.concat([provinces, cities], ignore_index=True)
    return frame.assign(pop_source="sum of counties (census2020)")


def _with_parents(regions: pd.DataFrame) -> pd.DataFrame:
    regions = regions.copy()
    regions["parent_adcode"] = np.where(
        regions["level"] == "province",
        None,
        np.where(
            (regions["level"] == "county") & (regions["city_adcode"] != regions["adcode"]),
            regions["city_adcode"],
            regions["province_adcode"],
        ),
    )
    regions.loc[regions["level"] == "province", "city_adcode"] = None
    regions[census.POP_COLUMNS] = regions[census.POP_COLUMNS].astype("Int64")
    columns = [
        "adcode",
        "name",
        "level",
        "parent_adcode",
        "province_adcode",
        "city_adcode",
        "lon",
        "lat",
        "area_km2",
        "pop_total",
        "pop_0_14",
        "urban_pop",
        "pop_source",
    ]
    return regions[columns].sort_values("adcode", ignore_index=True)


def _shapes(units: pd.DataFrame, geometries: np.ndarray, mainland: np.ndarray) -> pd.DataFrame:
    level = units["level"].to_numpy()
    counties = mainland & (level == "county")
    direct_counties = counties & (units["city_adcode"] == units["adcode"]).to_numpy()
    layers = {
        "province": mainland & (level == "province"),
        "city": (mainland & (level == "city")) | direct_counties,
        "county": counties,
        "county_fine": counties,
    }
    frames = [_layer(units, geometries, mask, name) for name, mask in layers.items()]
    frames.append(_context_layer(units, geometries, mainland))
    frames.append(_sea_line_layer())
    return pd.concat(frames, ignore_index=True)


def _layer(units, geometries, mask, name) -> pd.DataFrame:
    selected = units[mask]
    return pd.DataFrame(
        {
            "adcode": selected["adcode"].to_numpy(),
            "layer": name,
            "level": selected["level"].to_numpy(),
            "province_adcode": selected["province_adcode"].to_numpy(),
            "name": selected["name"].to_numpy(),
            "geometry": geography.simplified(geometries[mask], LAYER_TOLERANCE[name]),
        }
    )


def _context_layer(units, geometries, mainland) -> pd.DataFrame:
    """Taiwan, Hong Kong and Macau: drawn on national maps, outside the statistics."""
    mask = ~mainland & (units["level"] == "province").to_numpy()
    frame = _layer(units, geometries, mask, "province")
    return frame.assign(layer="context", level="context")


def _sea_line_layer() -> pd.DataFrame:
    line = shapely.set_precision(geography.sea_line(), 0.001)
    return pd.DataFrame(
        [
            {
                "adcode": "100000",
                "layer": "sea_line",
                "level": "national",
                "province_adcode": None,
                "name": "南海诸岛",
                "geometry": line,
            }
        ]
    )
