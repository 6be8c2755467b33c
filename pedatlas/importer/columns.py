"""The importable tables: their columns, Chinese/English headers, kinds, keys and references."""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TypedDict

from pedatlas.importer.limits import ID_CHARS, LONG_TEXT_CHARS, NAME_CHARS, SHORT_TEXT_CHARS
from pedatlas.importer.rules import REFERRAL_RULES, TRANSFER_RULES, RowRule
from pedatlas.tiers import COOPERATION_DEPTH, DIRECTIONS, KINDS, ROLES, TIERS

TEXT, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME = (
    "text",
    "integer",
    "number",
    "boolean",
    "date",
    "datetime",
)
CHINA_LON = (73.0, 136.0)
CHINA_LAT = (3.0, 54.0)
YEAR_RANGE = (1949, 2100)


class _TextLimit(TypedDict):
    """A Column's text-length keyword (NAME, LONG), typed so that **NAME type-checks."""

    max_chars: int


NAME: _TextLimit = {"max_chars": NAME_CHARS}
LONG: _TextLimit = {"max_chars": LONG_TEXT_CHARS}


@dataclass(frozen=True)
class Column:
    """One importable column: header names, kind and the checks that apply to its values."""

    key: str
    zh: str
    kind: str = TEXT
    required: bool = True  # the header must be present and every cell filled
    default: object = None  # used for an absent column or an empty cell
    nullable: bool = False  # empty cells stay NULL in the database
    computed: bool = False  # filled from the database when absent or empty
    choices: tuple[str, ...] = ()
    value_aliases: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    non_negative: bool = False
    bounds: tuple[float, float] | None = None  # outside -> 'outside_china' (coordinates)
    is_year: bool = False
    is_id: bool = False  # NFKC, invisible characters removed, compared ignoring case
    max_chars: int | None = None  # text columns: longest accepted cell (default by kind)

    @property
    def text_limit(self) -> int:
        """The longest text accepted in this column."""
        if self.max_chars is not None:
            return self.max_chars
        return ID_CHARS if self.is_id else SHORT_TEXT_CHARS


@dataclass(frozen=True)
class Table:
    """An importable table: its columns, key and the tables its id columns point at."""

    name: str
    zh: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    references: dict[str, str] = field(default_factory=dict)  # column -> referenced table
    row_rules: tuple[RowRule, ...] = ()  # plausibility checks across the cells of a row
    example: dict[str, str] = field(default_factory=dict)  # the templates' example row
    year_of_row: str | None = None  # SQL giving a row's year, for the quality report's counts

    def column(self, key: str) -> Column:
        """The column with this key."""
        return next(column for column in self.columns if column.key == key)

    @property
    def keys(self) -> list[str]:
        """Column keys in database order."""
        return [column.key for column in self.columns]

    @property
    def db_columns(self) -> list[str]:
        """Column keys that are columns of the database table (without helper columns)."""
        return [key for key in self.keys if key not in HELPER_COLUMNS.get(self.name, ())]


def _synthetic() -> Column:
    return Column("is_synthetic", "是否合成数据", BOOLEAN, required=False, default=False)


def _count(key: str, zh: str, *aliases: str) -> Column:
    return Column(key, zh, INTEGER, non_negative=True, aliases=aliases)


HOSPITALS = Table(
    "hospitals",
    "医院",
    (
        Column("hospital_id", "医院编号", aliases=("医院代码", "机构编号", "id"), is_id=True),
        Column("name", "名称", aliases=("医院名称", "机构名称"), **NAME),
        Column("kind", "类别", choices=KINDS, aliases=("医院类别", "机构类别")),
        Column("tier", "级别", choices=TIERS, aliases=("医院级别",)),
        Column("grade", "等次", required=False, nullable=True, aliases=("等级", "等次等级")),
        Column(
            "county_adcode", "所在区县代码", aliases=("区县代码", "县区代码", "adcode"), is_id=True
        ),
        Column("lon", "经度", NUMBER, bounds=CHINA_LON, aliases=("longitude", "lng")),
        Column("lat", "纬度", NUMBER, bounds=CHINA_LAT, aliases=("latitude",)),
        _count("ped_physicians", "儿科医师数", "儿科医生数", "儿科执业医师数"),
        _count("ped_nurses", "儿科护士数", "儿科护士人数"),
        _count("ped_beds", "儿科床位数", "儿科床位"),
        _count("nicu_beds", "NICU床位数", "新生儿重症监护床位数"),
        _count("picu_beds", "PICU床位数", "儿童重症监护床位数"),
        Column(
            "is_transport_centre",
            "是否转运中心",
            BOOLEAN,
            required=False,
            default=False,
            aliases=("转运中心", "is_transport_center"),
        ),
        Column(
            "national_centre",
            "是否国家或区域儿童医学中心",
            BOOLEAN,
            required=False,
            default=False,
            aliases=("儿童医学中心", "national_center"),
        ),
        _synthetic(),
        Column("source", "来源", required=False, default="import", aliases=("数据来源",), **LONG),
        Column("year", "年份", INTEGER, required=False, computed=True, is_year=True),
    ),
    key=("hospital_id",),
    example={
        "hospital_id": "H900001",
        "name": "示例儿童医院",
        "kind": "儿童医院",
        "tier": "三级",
        "grade": "甲等",
        "county_adcode": "360102",
        "lon": "115.914",
        "lat": "28.717",
        "ped_physicians": "50",
        "ped_nurses": "80",
        "ped_beds": "120",
        "nicu_beds": "10",
        "picu_beds": "5",
        "is_transport_centre": "是",
        "national_centre": "否",
        "is_synthetic": "否",
        "source": "示例",
        "year": "2024",
    },
)

ALLIANCES = Table(
    "alliances",
    "联盟",
    (
        Column("alliance_id", "联盟编号", aliases=("医联体编号", "联盟代码"), is_id=True),
        Column("name", "名称", aliases=("联盟名称", "医联体名称"), **NAME),
        Column("name_en", "英文名称", required=False, nullable=True, **NAME),
        Column("core_hospital_id", "核心医院编号", aliases=("牵头医院编号",), is_id=True),
        Column("founded_on", "成立日期", DATE, aliases=("成立时间",)),
        Column("scope", "范围", choices=("省内", "跨省", "市内"), aliases=("合作范围",)),
        Column(
            "kind",
            "类型",
            choices=("医联体", "专科联盟", "医院集团", "托管"),
            aliases=("联盟类型",),
        ),
        Column("home_adcode", "所在地区代码", aliases=("属地代码", "地区代码"), is_id=True),
        Column(
            "published_members",
            "公布成员数",
            INTEGER,
            required=False,
            nullable=True,
            non_negative=True,
        ),
        Column("source", "来源", required=False, default="import", aliases=("数据来源",), **LONG),
        _synthetic(),
    ),
    key=("alliance_id",),
    year_of_row="year(founded_on)",
    references={"core_hospital_id": "hospitals"},
    example={
        "alliance_id": "A900",
        "name": "示例儿科医联体",
        "name_en": "Example pediatric alliance",
        "core_hospital_id": "H900001",
        "founded_on": "2024-01-01",
        "scope": "省内",
        "kind": "医联体",
        "home_adcode": "360000",
        "published_members": "30",
        "source": "示例",
        "is_synthetic": "否",
    },
)

ALLIANCE_MEMBERS = Table(
    "alliance_members",
    "联盟成员",
    (
        Column("alliance_id", "联盟编号", aliases=("医联体编号",), is_id=True),
        Column("hospital_id", "医院编号", aliases=("成员医院编号",), is_id=True),
        Column(
            "role",
            "角色",
            choices=ROLES,
            value_aliases={
                "核心医院": "core",
                "牵头医院": "core",
                "成员": "member",
                "成员单位": "member",
            },
        ),
        Column("cooperation", "合作方式", choices=tuple(COOPERATION_DEPTH), aliases=("合作形式",)),
        Column("joined_on", "加入日期", DATE, aliases=("加入时间",)),
        Column("left_on", "退出日期", DATE, required=False, nullable=True, aliases=("退出时间",)),
        Column("is_named", "是否公开点名", BOOLEAN, required=False, default=False),
        _synthetic(),
    ),
    key=("alliance_id", "hospital_id"),
    year_of_row="year(joined_on)",
    references={"alliance_id": "alliances", "hospital_id": "hospitals"},
    example={
        "alliance_id": "A900",
        "hospital_id": "H900001",
        "role": "core",
        "cooperation": "核心",
        "joined_on": "2024-01-01",
        "left_on": "",
        "is_named": "是",
        "is_synthetic": "否",
    },
)

REFERRALS = Table(
    "referrals",
    "转诊",
    (
        Column("referral_id", "转诊编号", INTEGER),
        Column("referred_on", "转诊日期", DATE, aliases=("转诊时间",)),
        Column("from_hospital_id", "转出医院编号", is_id=True),
        Column("to_hospital_id", "转入医院编号", aliases=("接收医院编号",), is_id=True),
        Column(
            "direction",
            "转诊方向",
            required=False,
            computed=True,
            choices=DIRECTIONS,
            value_aliases={"上转": "up", "下转": "down", "平转": "lateral", "同级": "lateral"},
            aliases=("方向",),
        ),
        Column("department", "科室"),
        Column(
            "age_group",
            "年龄组",
            choices=("newborn", "infant", "preschool", "school"),
            value_aliases={
                "新生儿": "newborn",
                "婴儿": "infant",
                "学龄前": "preschool",
                "学龄": "school",
            },
            aliases=("年龄段",),
        ),
        Column(
            "distance_km",
            "距离（公里）",
            NUMBER,
            required=False,
            computed=True,
            non_negative=True,
            aliases=("距离公里",),
        ),
        _synthetic(),
    ),
    key=("referral_id",),
    year_of_row="year(referred_on)",
    references={"from_hospital_id": "hospitals", "to_hospital_id": "hospitals"},
    row_rules=REFERRAL_RULES,
    example={
        "referral_id": "900000001",
        "referred_on": "2024-03-05",
        "from_hospital_id": "H900002",
        "to_hospital_id": "H900001",
        "direction": "up",
        "department": "儿内科",
        "age_group": "infant",
        "distance_km": "12.5",
        "is_synthetic": "否",
    },
)

TRANSFERS = Table(
    "transfers",
    "转运",
    (
        Column("transfer_id", "转运编号", INTEGER),
        Column("dispatched_at", "出车时间", DATETIME, aliases=("派车时间", "出发时间")),
        Column("arrived_at", "到达时间", DATETIME),
        Column("from_hospital_id", "转出医院编号", is_id=True),
        Column("to_hospital_id", "接收医院编号", aliases=("转入医院编号",), is_id=True),
        Column(
            "patient",
            "患者类型",
            choices=("newborn", "child"),
            value_aliases={"新生儿": "newborn", "儿童": "child"},
        ),
        Column("critical", "是否危重", BOOLEAN, aliases=("危重",)),
        Column("distance_km", "里程（公里）", NUMBER, non_negative=True, aliases=("里程", "距离")),
        Column("duration_min", "用时（分钟）", INTEGER, non_negative=True, aliases=("用时",)),
        Column(
            "outcome",
            "结局",
            choices=("admitted", "transferred_on", "died_en_route"),
            value_aliases={
                "入院": "admitted",
                "继续转院": "transferred_on",
                "途中死亡": "died_en_route",
            },
            aliases=("转归",),
        ),
        _synthetic(),
    ),
    key=("transfer_id",),
    year_of_row="year(dispatched_at)",
    references={"from_hospital_id": "hospitals", "to_hospital_id": "hospitals"},
    row_rules=TRANSFER_RULES,
    example={
        "transfer_id": "900000001",
        "dispatched_at": "2024-03-05 14:30",
        "arrived_at": "2024-03-05 15:15",
        "from_hospital_id": "H900002",
        "to_hospital_id": "H900001",
        "patient": "newborn",
        "critical": "是",
        "distance_km": "35.2",
        "duration_min": "45",
        "outcome": "admitted",
        "is_synthetic": "否",
    },
)

OUTREACH = Table(
    "outreach",
    "下沉帮扶",
    (
        Column("alliance_id", "联盟编号", aliases=("医联体编号",), is_id=True),
        Column("hospital_id", "医院编号", aliases=("受援医院编号",), is_id=True),
        Column(
            "activity",
            "活动类型",
            choices=("expert_clinic", "lecture", "trainee", "technique", "remote_consult"),
            value_aliases={
                "专家门诊": "expert_clinic",
                "讲座": "lecture",
                "进修": "trainee",
                "技术帮扶": "technique",
                "远程会诊": "remote_consult",
            },
            aliases=("活动",),
        ),
        Column("happened_on", "活动日期", DATE, aliases=("日期",)),
        Column("count", "次数", INTEGER, non_negative=True, aliases=("数量", "人次")),
        _synthetic(),
    ),
    references={"alliance_id": "alliances", "hospital_id": "hospitals"},
    year_of_row="year(happened_on)",
    example={
        "alliance_id": "A900",
        "hospital_id": "H900002",
        "activity": "expert_clinic",
        "happened_on": "2024-03-05",
        "count": "2",
        "is_synthetic": "否",
    },
)

TARGETS = Table(
    "targets",
    "规划目标",
    (
        Column("indicator", "指标", aliases=("指标代码",), is_id=True),
        Column("year", "年份", INTEGER, is_year=True),
        Column("value", "目标值", NUMBER, aliases=("数值",)),
        Column("unit", "单位"),
        Column("label_zh", "中文名称", aliases=("指标名称",), **NAME),
        Column("label_en", "英文名称", **NAME),
        Column("source", "来源", required=False, default="import", aliases=("数据来源",), **LONG),
    ),
    key=("indicator", "year"),
    year_of_row="year",
    example={
        "indicator": "ped_physicians_per_1000",
        "year": "2025",
        "value": "0.87",
        "unit": "per 1000 children",
        "label_zh": "每千名儿童儿科执业（助理）医师数",
        "label_en": "Pediatric physicians per 1,000 children",
        "source": "示例",
    },
)

TABLES: dict[str, Table] = {
    table.name: table
    for table in (HOSPITALS, ALLIANCES, ALLIANCE_MEMBERS, REFERRALS, TRANSFERS, OUTREACH, TARGETS)
}
IMPORTABLE_TABLES = tuple(TABLES)  # also the order in which an import writes them
HELPER_COLUMNS = {"hospitals": ("year",)}  # imported columns that are not hospitals columns
RESOURCE_COLUMNS = ("ped_physicians", "ped_nurses", "ped_beds", "nicu_beds", "picu_beds")


def normalised_header(text: object) -> str:
    """A header reduced for matching: NFKC, no BOM, no trailing (unit), lower case, '_' joins."""
    value = unicodedata.normalize("NFKC", str(text)).replace("\ufeff", "").strip()
    value = re.sub(r"\s*[(\[][^()\[\]]*[)\]]\s*$", "", value)
    return re.sub(r"[\s\-]+", "_", value.strip()).lower()


def header_lookup(table: Table) -> dict[str, str]:
    """Normalised header -> column key for every accepted name of the table's columns."""
    lookup: dict[str, str] = {}
    for column in table.columns:
        for name in (column.key, column.zh, *column.aliases):
            lookup.setdefault(normalised_header(name), column.key)
    return lookup


def table_by_name(name: str) -> Table | None:
    """The table called name by its key or Chinese label (case-insensitive), else None."""
    wanted = normalised_header(name)
    for table in TABLES.values():
        if wanted in (table.name, normalised_header(table.zh)):
            return table
    return None


def references_to(target: str) -> list[tuple[str, str]]:
    """(table, column) pairs that hold ids of the target table."""
    return [
        (table.name, column)
        for table in TABLES.values()
        for column, referenced in table.references.items()
        if referenced == target
    ]
