"""Alliances and their members: the reports' alliances topped up to their published sizes.

Named members keep their published role, depth and date. Unnamed members are drawn (seeded) from
plausible candidates in the alliance's region: county people's and maternal-and-child hospitals
first, one per county before a second, then city hospitals and, for alliances of all levels,
community and township centres. Provinces without a reported alliance get a synthetic
provincial alliance so national coverage is not artificially empty; those are flagged.
"""

import numpy as np
import pandas as pd

from pedatlas.build import seed as seeds

DEPTHS = ["普通成员", "科室共建", "联合门诊", "半托管", "托管", "合作办院"]
DEPTH_WEIGHTS = [0.68, 0.13, 0.09, 0.05, 0.03, 0.02]
COUNTY_KINDS = ("综合医院", "妇幼保健院")


def build_alliances(hospitals: pd.DataFrame, regions: pd.DataFrame, rng):
    """(alliances, alliance_members, hospitals with any created members appended)."""
    ids = dict(zip(hospitals["name"], hospitals["hospital_id"], strict=True))
    places = _place_codes(regions)
    alliance_rows, member_frames = [], []
    for spec in seeds.SEED_ALLIANCES:
        members, hospitals = _members_for(spec, hospitals, regions, places, ids, rng)
        ids = dict(zip(hospitals["name"], hospitals["hospital_id"], strict=True))
        alliance_rows.append(_alliance_row(spec, ids, places))
        member_frames.append(members)
    for spec in _shanghai_specs() + _provincial_specs(hospitals, regions):
        members, hospitals = _members_for(spec, hospitals, regions, places, ids, rng)
        alliance_rows.append(_alliance_row(spec, ids, places))
        member_frames.append(members)
    return pd.DataFrame(alliance_rows), pd.concat(member_frames, ignore_index=True), hospitals


def _place_codes(regions: pd.DataFrame) -> dict:
    """ "省" and "省/市" (as the boundary data names them) -> adcode."""
    names = regions.set_index("adcode")["name"]
    codes = {}
    for _, row in regions[regions["level"].isin(["province", "city"])].iterrows():
        key = (
            row["name"]
            if row["level"] == "province"
            else f"{names[row['province_adcode']]}/{row['name']}"
        )
        codes[key] = row["adcode"]
    return codes


def _alliance_row(spec: seeds.SeedAlliance, ids: dict, places: dict) -> dict:
    return {
        "alliance_id": spec.alliance_id,
        "name": spec.name,
        "name_en": spec.name_en,
        "core_hospital_id": ids[spec.core],
        "founded_on": pd.Timestamp(spec.founded_on).date(),
        "scope": spec.scope,
        "kind": spec.kind,
        "home_adcode": places[spec.home],
        "published_members": spec.members,
        "source": spec.source,
        "is_synthetic": spec.is_synthetic,
    }


def _members_for(spec, hospitals, regions, places, ids, rng):
    founded = pd.Timestamp(spec.founded_on)
    rows = [_member(spec, ids[spec.core], "core", "核心", founded, named=not spec.is_synthetic)]
    for named in spec.named:
        joined = pd.Timestamp(named.joined_on) if named.joined_on else founded
        rows.append(_member(spec, ids[named.hospital], named.role, named.cooperation, joined, True))
    taken = {row["hospital_id"] for row in rows}
    chosen, hospitals = _fill(spec, hospitals, regions, places, taken, rng)
    role = spec.fill.get("role", "member")
    depths = rng.choice(DEPTHS, size=len(chosen), p=DEPTH_WEIGHTS)
    dates = _join_dates(founded, len(chosen), rng)
    for hospital_id, depth, joined in zip(chosen, depths, dates, strict=True):
        rows.append(_member(spec, hospital_id, role, str(depth), joined, False))
    rows.extend(_department_members(spec, hospitals, regions, taken | set(chosen), founded, rng))
    frame = pd.DataFrame(rows)
    if spec.alliance_id == "BCH":
        frame = _bch_later_members(frame, spec, ids, founded, rng)
    return frame, hospitals


def _member(spec, hospital_id, role, cooperation, joined, named) -> dict:
    return {
        "alliance_id": spec.alliance_id,
        "hospital_id": hospital_id,
        "role": role,
        "cooperation": cooperation,
        "joined_on": pd.Timestamp(joined).date(),
        "left_on": None,
        "is_named": named,
        "is_synthetic": not named,
    }


def _join_dates(founded: pd.Timestamp, count: int, rng) -> list:
    """Most members join in the first years; later joiners spread until end of 2024."""
    span = (pd.Timestamp("2024-12-31") - founded).days
    offsets = np.sort(np.minimum(rng.exponential(span / 3, count), span)).astype(int)
    return [founded + pd.Timedelta(days=int(d)) for d in offsets]


def _target_count(spec, rows_so_far: int) -> int:
    return (spec.members or 0) - rows_so_far


def _fill(spec, hospitals, regions, places, taken, rng):
    fill = spec.fill
    named = len(spec.named)
    if "cities" in fill:
        return _fill_cross_province(spec, hospitals, regions, places, taken, rng)
    if "districts" in fill:
        return _fill_districts(spec, hospitals, regions, places, taken, rng)
    if "region" not in fill:
        return [], hospitals
    pool = _candidates(hospitals, regions, places[fill["region"]], fill["kinds"], taken)
    if fill["kinds"] == "province_wide":
        first = _one_per_county(pool, rng)
        return first + _sample(pool[~pool["hospital_id"].isin(first)], 20, rng), hospitals
    wanted = _target_count(spec, named) - fill.get("departments", 0)
    return _spread_over_counties(pool, wanted, rng), hospitals


def _candidates(hospitals, regions, region_code, kinds, taken) -> pd.DataFrame:
    county_level = regions.set_index("adcode")
    province = hospitals["county_adcode"].map(county_level["province_adcode"])
    city = hospitals["county_adcode"].map(county_level["city_adcode"])
    inside = (province == region_code) | (city == region_code)
    pool = hospitals[inside & ~hospitals["hospital_id"].isin(taken)]
    if kinds in ("county", "province_wide"):
        pool = pool[pool["kind"].isin(COUNTY_KINDS) & pool["tier"].isin(["二级", "三级"])]
    return pool.sort_values("hospital_id")


def _spread_over_counties(pool: pd.DataFrame, wanted: int, rng) -> list:
    """wanted hospitals, first one per county (random county order), then the rest at random."""
    if wanted > len(pool):
        raise ValueError(f"only {len(pool)} candidates for {wanted} members")
    first = _one_per_county(pool, rng)
    if len(first) >= wanted:
        return list(rng.choice(first, size=wanted, replace=False))
    rest = pool[~pool["hospital_id"].isin(first)]["hospital_id"].to_numpy()
    weights = _kind_weights(pool.set_index("hospital_id").loc[rest, "kind"])
    extra = rng.choice(rest, size=wanted - len(first), replace=False, p=weights)
    return first + list(extra)


def _kind_weights(kinds: pd.Series) -> np.ndarray:
    weight = kinds.map(
        {
            "综合医院": 4,
            "妇幼保健院": 4,
            "儿童医院": 4,
            "专科医院": 1,
            "民营医院": 1,
            "社区卫生服务中心": 1.5,
            "乡镇卫生院": 1.5,
        }
    ).to_numpy(float)
    return weight / weight.sum()


def _one_per_county(pool: pd.DataFrame, rng) -> list:
    shuffled = pool.iloc[rng.permutation(len(pool))]
    preferred = shuffled.sort_values("kind", key=lambda k: k != "综合医院", kind="stable")
    return list(preferred.drop_duplicates("county_adcode")["hospital_id"])


def _sample(pool, count, rng) -> list:
    rest = pool["hospital_id"].to_numpy()
    return list(rng.choice(rest, size=min(count, len(rest)), replace=False))


def _fill_cross_province(spec, hospitals, regions, places, taken, rng):
    """淮海: members in exactly the listed cities and `counties` distinct counties among them."""
    cities = [places[name] for name in spec.fill["cities"]]
    counties = regions[(regions["level"] == "county") & regions["city_adcode"].isin(cities)]
    core_county = hospitals.loc[hospitals["hospital_id"].isin(taken), "county_adcode"].iloc[0]
    picked = [core_county] + [
        counties[counties["city_adcode"] == c].sample(1, random_state=rng)["adcode"].iloc[0]
        for c in cities
        if c != counties.set_index("adcode").at[core_county, "city_adcode"]
    ]
    others = sorted(set(counties["adcode"]) - set(picked))
    picked += list(rng.choice(others, size=spec.fill["counties"] - len(picked), replace=False))
    pool = hospitals[
        hospitals["county_adcode"].isin(picked) & ~hospitals["hospital_id"].isin(taken)
    ]
    first = _one_per_county(pool[pool["kind"].isin(COUNTY_KINDS)], rng)
    rest = pool[~pool["hospital_id"].isin(first)]
    extra = rng.choice(
        rest["hospital_id"].to_numpy(),
        size=spec.members - len(first),
        replace=False,
        p=_kind_weights(rest["kind"]),
    )
    return first + list(extra), hospitals


def _fill_districts(spec, hospitals, regions, places, taken, rng):
    """Shanghai alliances: hospitals and community centres in the named districts."""
    home = places[spec.home]
    district_codes = regions[
        (regions["city_adcode"] == home) & regions["name"].isin(spec.fill["districts"])
    ]["adcode"]
    pool = hospitals[
        hospitals["county_adcode"].isin(district_codes) & ~hospitals["hospital_id"].isin(taken)
    ]
    wards = pool[(pool["kind"] != "社区卫生服务中心") & pool["tier"].isin(["二级", "三级"])]
    wanted = spec.fill.get("hospitals", min(len(wards), 6))
    hospitals, wards = _ensure_hospitals(hospitals, wards, wanted, district_codes, regions)
    community = pool[pool["kind"] == "社区卫生服务中心"]["hospital_id"].to_numpy()
    chosen_wards = list(rng.choice(wards["hospital_id"].to_numpy(), size=wanted, replace=False))
    chosen_community = list(
        rng.choice(
            community, size=spec.fill.get("community", min(len(community), 8)), replace=False
        )
    )
    return chosen_wards + chosen_community, hospitals


def _ensure_hospitals(hospitals, wards, wanted, district_codes, regions):
    """Add synthetic secondary hospitals in the districts when too few exist."""
    names = regions.set_index("adcode")["name"]
    new_rows, n = [], 0
    while len(wards) + len(new_rows) < wanted:
        code = sorted(district_codes)[n % len(district_codes)]
        n += 1
        new_rows.append(_extra_hospital(hospitals, names[code], code, n, len(new_rows)))
    if not new_rows:
        return hospitals, wards
    extra = pd.DataFrame(new_rows)
    return pd.concat([hospitals, extra], ignore_index=True), pd.concat([wards, extra])


def _extra_hospital(hospitals, district_name, code, n, offset) -> dict:
    template = hospitals[hospitals["county_adcode"] == code].iloc[0]
    number = len(hospitals) + offset + 1
    return {
        **template.to_dict(),
        "hospital_id": f"H{number:06d}",
        "name": f"{district_name}第{n}人民医院",
        "kind": "综合医院",
        "tier": "二级",
        "grade": None,
        "national_centre": False,
        "is_synthetic": True,
        "source": "synthetic (seeded generator)",
    }


def _department_members(spec, hospitals, regions, taken, founded, rng) -> list:
    count = spec.fill.get("departments", 0)
    if not count:
        return []
    province = spec.home
    pool = hospitals[
        (hospitals["tier"] == "三级")
        & hospitals["county_adcode"].str.startswith(
            regions.loc[regions["name"] == province, "adcode"].iloc[0][:2]
        )
        & ~hospitals["hospital_id"].isin(taken)
    ]
    chosen = rng.choice(pool["hospital_id"].to_numpy(), size=count, replace=False)
    return [_member(spec, h, "协作科室", "科室共建", founded, False) for h in sorted(chosen)]


def _bch_later_members(frame, spec, ids, founded, rng) -> pd.DataFrame:
    """Members 9-19 of 北京儿童医院集团 between the founding and 乌鲁木齐's joining (2016-06)."""
    start, end = founded + pd.Timedelta(days=30), pd.Timestamp("2016-05-31")
    days = np.sort(rng.integers(0, (end - start).days, len(seeds.BCH_LATER)))
    rows = []
    for name, day in zip(seeds.BCH_LATER, days, strict=True):
        depth = "托管" if name == "北京儿童医院保定医院" else "合作办院"
        rows.append(
            _member(spec, ids[name], "member", depth, start + pd.Timedelta(days=int(day)), False)
        )
    return pd.concat([frame, pd.DataFrame(rows)], ignore_index=True)


def _shanghai_specs() -> list:
    return [
        seeds.SeedAlliance(
            aid,
            name,
            name_en,
            core,
            "2017-09-01",
            "市内",
            "医联体",
            "上海市/上海市",
            None,
            fill={"districts": districts},
            source="planned in public reports; members synthetic",
            is_synthetic=True,
        )
        for aid, name, name_en, core, districts in seeds.SHANGHAI_PLANNED
    ]


def _provincial_specs(hospitals, regions) -> list:
    """A synthetic provincial alliance for each province without a reported one."""
    covered = {"36", "14", "13", "32", "11", "31", "12", "35", "43", "63", "65"}
    specs = []
    for _, province in regions[regions["level"] == "province"].sort_values("adcode").iterrows():
        prefix = province["adcode"][:2]
        if prefix in covered:
            continue
        core = _provincial_core(hospitals, prefix)
        counties = int(
            (
                (regions["level"] == "county") & (regions["province_adcode"] == province["adcode"])
            ).sum()
        )
        specs.append(
            seeds.SeedAlliance(
                f"P{prefix}",
                f"{province['name']}儿科专科联盟（合成）",
                f"{province['name']} pediatric alliance (synthetic)",
                core,
                f"{2017 + int(prefix) % 3}-0{1 + int(prefix) % 9}-01",
                "省内",
                "专科联盟",
                province["name"],
                max(10, int(counties * 0.45)),
                fill={"region": province["name"], "kinds": "county"},
                source="synthetic (seeded generator)",
                is_synthetic=True,
            )
        )
    return specs


def _provincial_core(hospitals: pd.DataFrame, prefix: str) -> str:
    inside = hospitals[
        hospitals["county_adcode"].str.startswith(prefix) & (hospitals["tier"] == "三级")
    ]
    for kind in ("儿童医院", "妇幼保健院"):
        candidates = inside[inside["kind"] == kind]
        if not candidates.empty:
            return candidates.sort_values("hospital_id")["name"].iloc[0]
    raise ValueError(f"no tertiary children's or MCH hospital in province {prefix}")
