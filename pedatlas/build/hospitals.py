"""Synthetic hospitals with pediatric staff and beds, calibrated to published national levels.

Seeded and documented (docs/data_dictionary.md): every county gets its people's hospital and
maternal-and-child hospital, township health centres in proportion to its rural population,
community health centres in proportion to its urban population and a few private hospitals;
every prefecture its first people's hospital and MCH hospital (a children's hospital when it has
over a million children); every province its provincial hospitals. The real hospitals of seed.py
take their place where they exist. Resources per hospital follow its kind and tier, times a
regional factor (capitals rich, western and sparse counties poor, ~4% of small remote counties
with no pediatrics), and are scaled every year so that the national rates match the published
path (0.63 physicians per 1,000 children in 2018 to ~0.8 in 2024; beds 2.3 to 2.6).
"""

import numpy as np
import pandas as pd
import shapely

from pedatlas.build.seed import SEED_HOSPITALS

YEARS = tuple(range(2019, 2025))
PHYSICIANS_PER_1000 = {y: 0.66 + 0.027 * (y - 2019) for y in YEARS}
BEDS_PER_1000 = {y: 2.30 + 0.06 * (y - 2019) for y in YEARS}
# Provincial rates keep this power of their uncompressed deviation from the national rate.
PROVINCIAL_SPREAD_EXPONENT = 0.5
EAST = {"11", "12", "13", "21", "31", "32", "33", "35", "37", "44", "46"}
WEST = {"15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"}
# Relative pediatric physicians per hospital by kind and tier: one kind a row, so not formatted.
# fmt: off
BASE_PHYSICIANS = {
    ("儿童医院", "三级"): 180.0, ("儿童医院", "二级"): 40.0,
    ("妇幼保健院", "三级"): 45.0, ("妇幼保健院", "二级"): 9.0, ("妇幼保健院", "一级"): 2.0,
    ("综合医院", "三级"): 28.0, ("综合医院", "二级"): 7.0, ("综合医院", "一级"): 1.5,
    ("专科医院", "三级"): 10.0, ("专科医院", "二级"): 3.0,
    ("社区卫生服务中心", "一级"): 0.8, ("乡镇卫生院", "一级"): 0.6,
    ("民营医院", "二级"): 3.0, ("民营医院", "一级"): 1.0, ("民营医院", "未定级"): 0.5,
}
# fmt: on
BEDS_PER_PHYSICIAN = {
    "儿童医院": 3.6,
    "妇幼保健院": 3.2,
    "综合医院": 3.0,
    "专科医院": 2.5,
    "社区卫生服务中心": 1.0,
    "乡镇卫生院": 2.2,
    "民营医院": 3.0,
}
PRIVATE_BRANDS = ("康宁", "仁爱", "博爱", "康华", "华康", "益民", "安康", "和美", "爱尔康", "同德")
CHINESE_NUMBERS = "一二三四五六七八九十"


def ordinal(number: int) -> str:
    """1 -> 一, 12 -> 十二 (numbering of township and community centres)."""
    if number <= 10:
        return CHINESE_NUMBERS[number - 1]
    tens, ones = divmod(number, 10)
    prefix = "" if tens == 1 else CHINESE_NUMBERS[tens - 1]
    return prefix + "十" + (CHINESE_NUMBERS[ones - 1] if ones else "")


def generate_hospitals(regions: pd.DataFrame, polygons: pd.Series, rng, density: float = 1.0):
    """Hospitals (without resources) for every mainland county, seeds first."""
    counties = regions[(regions["level"] == "county") & regions["pop_total"].notna()]
    seeds = _seed_rows(regions)
    frames = [seeds, _provincial_rows(regions, seeds), _city_rows(regions, seeds)]
    frames.append(_county_rows(_with_unique_names(counties, regions), rng, density))
    hospitals = pd.concat(frames, ignore_index=True).drop_duplicates("name", ignore_index=True)
    hospitals["hospital_id"] = [f"H{n:06d}" for n in range(1, len(hospitals) + 1)]
    lon, lat = points_in_counties(hospitals["county_adcode"], regions, polygons, rng)
    return hospitals.assign(lon=lon, lat=lat)


def _place_index(regions: pd.DataFrame) -> dict:
    """ "省/市/区县" -> county adcode, using the boundary data's names."""
    counties = regions[regions["level"] == "county"]
    names = regions.set_index("adcode")["name"]
    keys = (
        names.reindex(counties["province_adcode"]).to_numpy()
        + "/"
        + names.reindex(counties["city_adcode"]).to_numpy()
        + "/"
        + counties["name"].to_numpy()
    )
    return dict(zip(keys, counties["adcode"], strict=True))


def _seed_rows(regions: pd.DataFrame) -> pd.DataFrame:
    places = _place_index(regions)
    rows = []
    for seed in SEED_HOSPITALS:
        if seed.place not in places:
            raise ValueError(f"seed hospital {seed.name}: place {seed.place} not in the boundaries")
        rows.append(
            {
                "name": seed.name,
                "kind": seed.kind,
                "tier": seed.tier,
                "grade": seed.grade,
                "county_adcode": places[seed.place],
                "national_centre": seed.national_centre,
                "is_synthetic": False,
                "source": "named in public reports",
            }
        )
    return pd.DataFrame(rows)


def _synthetic(name, kind, tier, grade, county) -> dict:
    return {
        "name": name,
        "kind": kind,
        "tier": tier,
        "grade": grade,
        "county_adcode": county,
        "national_centre": False,
        "is_synthetic": True,
        "source": "synthetic (seeded generator)",
    }


def _seat_county(regions: pd.DataFrame) -> pd.Series:
    """For each province and city adcode, the county holding its seat (nearest representative point)."""
    counties = regions[regions["level"] == "county"]
    seats = {}
    for _, unit in regions[regions["level"].isin(["province", "city"])].iterrows():
        inside = counties[counties["province_adcode"] == unit["province_adcode"]]
        if unit["level"] == "city":
            inside = inside[inside["city_adcode"] == unit["adcode"]]
        nearest = ((inside["lon"] - unit["lon"]) ** 2 + (inside["lat"] - unit["lat"]) ** 2).idxmin()
        seats[unit["adcode"]] = inside.loc[nearest, "adcode"]
    return pd.Series(seats)


def _provincial_rows(regions: pd.DataFrame, seeds: pd.DataFrame) -> pd.DataFrame:
    seats = _seat_county(regions)
    seeded = set(seeds.loc[seeds["kind"] == "儿童医院", "county_adcode"].map(lambda c: c[:2]))
    rows = []
    for _, province in regions[regions["level"] == "province"].iterrows():
        seat, name = seats[province["adcode"]], province["name"]
        rows.append(_synthetic(f"{name}人民医院", "综合医院", "三级", "甲等", seat))
        rows.append(_synthetic(f"{name}妇幼保健院", "妇幼保健院", "三级", "甲等", seat))
        if province["adcode"][:2] not in seeded:
            rows.append(_synthetic(f"{name}儿童医院", "儿童医院", "三级", "甲等", seat))
    return pd.DataFrame(rows)


def _city_rows(regions: pd.DataFrame, seeds: pd.DataFrame) -> pd.DataFrame:
    seats = _seat_county(regions)
    rows = []
    for _, city in regions[regions["level"] == "city"].iterrows():
        seat, name, children = seats[city["adcode"]], city["name"], city["pop_0_14"] or 0
        rows.append(_synthetic(f"{name}第一人民医院", "综合医院", "三级", "甲等", seat))
        mch_tier = "三级" if children > 400_000 else "二级"
        rows.append(_synthetic(f"{name}妇幼保健院", "妇幼保健院", mch_tier, None, seat))
        if children > 1_000_000:
            rows.append(_synthetic(f"{name}儿童医院", "儿童医院", "三级", None, seat))
    return pd.DataFrame(rows)


def _with_unique_names(counties: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """County names that repeat across China (鼓楼区, 城区...) get their city's name in front."""
    city_names = regions.set_index("adcode")["name"]
    repeated = counties["name"].duplicated(keep=False)
    prefixed = counties["city_adcode"].map(city_names) + counties["name"]
    return counties.assign(name=counties["name"].where(~repeated, prefixed))


def _county_rows(counties: pd.DataFrame, rng, density: float) -> pd.DataFrame:
    rows = []
    for _, county in counties.iterrows():
        code, name = county["adcode"], county["name"]
        big = county["pop_total"] > 900_000
        rows.append(
            _synthetic(f"{name}人民医院", "综合医院", "三级" if big else "二级", None, code)
        )
        rows.append(_synthetic(f"{name}妇幼保健院", "妇幼保健院", "二级", None, code))
        rural = max(int(county["pop_total"] - county["urban_pop"]), 0)
        for n in range(1, _count(rural / 60_000 * density, 14) + 1):
            rows.append(
                _synthetic(f"{name}第{ordinal(n)}中心卫生院", "乡镇卫生院", "一级", None, code)
            )
        for n in range(1, _count(county["urban_pop"] / 120_000 * density, 16) + 1):
            rows.append(
                _synthetic(
                    f"{name}第{ordinal(n)}社区卫生服务中心", "社区卫生服务中心", "一级", None, code
                )
            )
        for brand in rng.choice(
            PRIVATE_BRANDS,
            size=_count(rng.poisson(county["pop_total"] / 500_000 * density), 5),
            replace=False,
        ):
            tier = rng.choice(["一级", "二级", "未定级"], p=[0.6, 0.15, 0.25])
            rows.append(_synthetic(f"{name}{brand}医院", "民营医院", tier, None, code))
    return pd.DataFrame(rows)


def _count(expected: float, cap: int) -> int:
    return int(min(round(expected), cap))


def points_in_counties(county_adcodes: pd.Series, regions, polygons: pd.Series, rng):
    """A random point inside each hospital's county polygon, near the county seat."""
    lon = np.empty(len(county_adcodes))
    lat = np.empty(len(county_adcodes))
    seats = regions.set_index("adcode")[["lon", "lat"]]
    for code, positions in county_adcodes.groupby(county_adcodes, sort=True).groups.items():
        index = county_adcodes.index.get_indexer(positions)
        lon[index], lat[index] = _points_in_polygon(
            polygons[code], seats.loc[code], len(index), rng
        )
    return lon, lat


def _points_in_polygon(polygon, seat, count: int, rng):
    minx, miny, maxx, maxy = polygon.bounds
    spread = max(maxx - minx, maxy - miny) / 6
    found_lon, found_lat = [], []
    for _ in range(20):
        x = rng.normal(seat["lon"], spread, count * 4)
        y = rng.normal(seat["lat"], spread, count * 4)
        inside = shapely.contains_xy(polygon, x, y)
        found_lon.extend(x[inside])
        found_lat.extend(y[inside])
        if len(found_lon) >= count:
            return np.round(found_lon[:count], 5), np.round(found_lat[:count], 5)
    fallback = shapely.point_on_surface(polygon)
    missing = count - len(found_lon)
    return (
        np.round(found_lon + [fallback.x] * missing, 5)[:count],
        np.round(found_lat + [fallback.y] * missing, 5)[:count],
    )


def regional_factor(hospitals: pd.DataFrame, regions: pd.DataFrame, rng) -> np.ndarray:
    """How rich in pediatrics a hospital's place is: capitals high, west and sparse low."""
    county = regions.set_index("adcode").loc[hospitals["county_adcode"]]
    prefix = hospitals["county_adcode"].str[:2]
    factor = np.where(prefix.isin(EAST), 1.15, np.where(prefix.isin(WEST), 0.8, 0.95))
    density = county["pop_total"].to_numpy(float) / county["area_km2"].to_numpy(float)
    factor = factor * np.where(density < 20, 0.55, np.where(density < 80, 0.8, 1.0))
    capital = _capital_cities(regions)
    factor = factor * np.where(county["city_adcode"].isin(capital).to_numpy(), 1.45, 1.0)
    return factor * rng.lognormal(0.0, 0.25, len(hospitals))


def _capital_cities(regions: pd.DataFrame) -> set:
    seats = _seat_county(regions)
    provinces = regions[regions["level"] == "province"]["adcode"]
    city_of = regions.set_index("adcode")["city_adcode"]
    return {city_of[seats[code]] for code in provinces}


def catchment_size(hospitals: pd.DataFrame, regions: pd.DataFrame) -> np.ndarray:
    """Bigger places have bigger hospitals: county hospitals scale with the county's children,
    synthetic tertiary hospitals with their city's (a county of 10,000 children has a small ward)."""
    by_code = regions.set_index("adcode")
    county = hospitals["county_adcode"]
    county_children = county.map(by_code["pop_0_14"]).astype(float).fillna(0).to_numpy()
    city_children = (
        county.map(by_code["city_adcode"])
        .map(by_code["pop_0_14"])
        .astype(float)
        .fillna(0)
        .to_numpy()
    )
    county_size = np.clip((county_children / 120_000) ** 0.7, 0.2, 2.5)
    city_size = np.clip((city_children / 1_500_000) ** 0.5, 0.4, 2.0)
    tier = hospitals["tier"].to_numpy()
    synthetic = hospitals["is_synthetic"].to_numpy(bool)
    return np.where(
        tier == "二级", county_size, np.where((tier == "三级") & synthetic, city_size, 1.0)
    )


def counties_without_pediatrics(regions: pd.DataFrame, rng) -> set:
    """~4% of counties, drawn among small sparse ones, where no hospital has pediatrics."""
    counties = regions[(regions["level"] == "county") & (regions["pop_0_14"] > 0)]
    sparse = counties[
        (counties["pop_total"] / counties["area_km2"] < 30) | (counties["pop_0_14"] < 20_000)
    ]
    count = min(len(sparse), round(0.04 * len(counties)))
    return set(rng.choice(sorted(sparse["adcode"]), size=count, replace=False))


def yearly_resources(hospitals, regions, rng) -> pd.DataFrame:
    """Pediatric physicians, nurses, beds, NICU and PICU beds per hospital and year."""
    base = np.array(
        [
            BASE_PHYSICIANS.get((k, t), 1.0)
            for k, t in zip(hospitals["kind"], hospitals["tier"], strict=True)
        ]
    )
    base = (
        base * np.where(hospitals["national_centre"], 3.0, 1.0) * catchment_size(hospitals, regions)
    )
    factor = regional_factor(hospitals, regions, rng)
    empty = hospitals["county_adcode"].isin(counties_without_pediatrics(regions, rng)).to_numpy()
    provinces = regions[regions["level"] == "province"].set_index("adcode")["pop_0_14"]
    children = float(provinces.sum())
    province_of = hospitals["county_adcode"].str[:2] + "0000"
    frames = [
        _resources_for_year(
            hospitals,
            base,
            compress_provincial_spread(factor * base, factor, province_of, provinces),
            empty,
            children,
            year,
            rng,
        )
        for year in YEARS
    ]
    return pd.concat(frames, ignore_index=True)


def _resources_for_year(hospitals, base, factor, empty, children, year, rng) -> pd.DataFrame:
    # Poorer places catch up a little each year, so equity indices improve slowly.
    converged = factor ** (1 - 0.05 * (year - YEARS[0]))
    weight = np.where(empty, 0.0, base * converged)
    physicians = _calibrated(weight, PHYSICIANS_PER_1000[year] * children / 1000, rng)
    bed_ratio = hospitals["kind"].map(BEDS_PER_PHYSICIAN).to_numpy()
    bed_weight = weight * bed_ratio * rng.lognormal(0, 0.15, len(weight))
    beds = _calibrated(bed_weight, BEDS_PER_1000[year] * children / 1000, rng)
    nicu, picu = _intensive_beds(hospitals, beds)
    nurses = np.rint(physicians * rng.uniform(1.3, 2.0, len(weight))).astype("int64")
    return pd.DataFrame(
        {
            "hospital_id": hospitals["hospital_id"],
            "year": year,
            "ped_physicians": physicians,
            "ped_nurses": nurses,
            "ped_beds": beds,
            "nicu_beds": nicu,
            "picu_beds": picu,
            "is_synthetic": True,
        }
    )


def compress_provincial_spread(
    weight: np.ndarray, factor: np.ndarray, province_of: pd.Series, children: pd.Series
) -> np.ndarray:
    """factor rescaled per province so that provincial rates deviate from the national one by the
    square root of the uncompressed deviation.

    Capital, east/west and national-centre factors multiply: uncompressed, 上海 reached 3.1 and 北京
    2.5 pediatricians per 1,000 children against 甘肃 0.55 (a 6x spread). Published provincial
    studies put the spread at roughly 3x (assumption documented in docs/data_dictionary.md, 1.3),
    so each province's relative rate r becomes sqrt(r); the national total is calibrated later.
    """
    per_province = pd.Series(weight).groupby(province_of.to_numpy()).sum()
    kids = children.reindex(per_province.index).astype(float)
    rate = per_province / kids.where(kids > 0)
    national = per_province.sum() / kids.sum()
    scale = ((rate / national) ** -PROVINCIAL_SPREAD_EXPONENT).fillna(1.0)
    return factor * province_of.map(scale).fillna(1.0).to_numpy()


def _calibrated(weight: np.ndarray, national_total: float, rng) -> np.ndarray:
    expected = weight / weight.sum() * national_total
    return rng.poisson(expected).astype("int64")


def _intensive_beds(hospitals: pd.DataFrame, beds: np.ndarray):
    kind, tier = hospitals["kind"].to_numpy(), hospitals["tier"].to_numpy()
    top = tier == "三级"
    nicu_share = np.where(
        top & np.isin(kind, ["儿童医院", "妇幼保健院"]),
        0.14,
        np.where(
            top & (kind == "综合医院"),
            0.07,
            np.where((tier == "二级") & (kind == "妇幼保健院"), 0.04, 0.0),
        ),
    )
    picu_share = np.where(
        top & (kind == "儿童医院"), 0.07, np.where(top & (kind == "综合医院"), 0.025, 0.0)
    )
    return np.rint(beds * nicu_share).astype("int64"), np.rint(beds * picu_share).astype("int64")
