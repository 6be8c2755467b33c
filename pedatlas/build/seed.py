"""Published facts the demo data must reproduce (DOMAIN.md, from public news reports 2016-2025).

Hospitals named here are real institutions placed in their real county; their staff and bed
figures are synthetic like everyone else's. Members not named in a report are synthetic and
flagged so (alliance_members.is_named = false, hospitals.is_synthetic = true where invented).
"""

from dataclasses import dataclass, field

REPORTS = "public news reports 2016-2025"


@dataclass(frozen=True)
class SeedHospital:
    """A real, named hospital: where it is and what it is."""

    name: str
    place: str  # "省/市/区县" as the boundary data spells them
    kind: str
    tier: str = "三级"
    grade: str | None = "甲等"
    national_centre: bool = False  # a national or regional children's medical centre


H = SeedHospital
SEED_HOSPITALS = [
    # cores and national / regional children's centres
    H("江西省儿童医院", "江西省/南昌市/东湖区", "儿童医院"),
    H("山西省儿童医院", "山西省/太原市/小店区", "儿童医院"),
    H("北京儿童医院保定医院", "河北省/保定市/竞秀区", "儿童医院"),
    H("徐州市儿童医院", "江苏省/徐州市/泉山区", "儿童医院"),
    H("北京儿童医院", "北京市/北京市/西城区", "儿童医院", national_centre=True),
    H("首都儿科研究所", "北京市/北京市/朝阳区", "儿童医院", national_centre=True),
    H("上海交通大学医学院附属新华医院", "上海市/上海市/杨浦区", "综合医院", national_centre=True),
    H("天津市儿童医院", "天津市/天津市/河西区", "儿童医院"),
    H("福州儿童医院", "福建省/福州市/鼓楼区", "儿童医院"),
    H("湖南省儿童医院", "湖南省/长沙市/雨花区", "儿童医院"),
    H("青海省妇女儿童医院", "青海省/西宁市/城西区", "妇幼保健院"),
    H("乌鲁木齐儿童医院", "新疆维吾尔自治区/乌鲁木齐市/天山区", "儿童医院"),
    H("上海儿童医学中心", "上海市/上海市/浦东新区", "儿童医院", national_centre=True),
    H("复旦大学附属儿科医院", "上海市/上海市/闵行区", "儿童医院", national_centre=True),
    H("上海市儿童医院", "上海市/上海市/静安区", "儿童医院", national_centre=True),
    H("上海交通大学医学院附属瑞金医院", "上海市/上海市/黄浦区", "综合医院", national_centre=True),
    H("重庆医科大学附属儿童医院", "重庆市/重庆市/渝中区", "儿童医院", national_centre=True),
    H("浙江大学医学院附属儿童医院", "浙江省/杭州市/滨江区", "儿童医院", national_centre=True),
    H("四川大学华西第二医院", "四川省/成都市/武侯区", "儿童医院", national_centre=True),
    H("广州市妇女儿童医疗中心", "广东省/广州市/天河区", "儿童医院", national_centre=True),
    # 北京儿童医院集团 founding members (2013-05)
    H("郑州市儿童医院", "河南省/郑州市/金水区", "儿童医院"),
    H("安徽省立儿童医院", "安徽省/合肥市/包河区", "儿童医院"),
    H("河北省儿童医院", "河北省/石家庄市/裕华区", "儿童医院"),
    H("南京市儿童医院", "江苏省/南京市/鼓楼区", "儿童医院"),
    H("武汉市儿童医院", "湖北省/武汉市/江岸区", "儿童医院"),
    H("西安市儿童医院", "陕西省/西安市/莲湖区", "儿童医院"),
    H("山东省聊城市儿童医院", "山东省/聊城市/东昌府区", "儿童医院"),
    H("深圳市儿童医院", "广东省/深圳市/福田区", "儿童医院"),
    # 江西
    H("九江市妇幼保健院", "江西省/九江市/浔阳区", "妇幼保健院", grade=None),
    H("抚州市妇幼保健院", "江西省/抚州市/临川区", "妇幼保健院", grade=None),
    H("乐平市人民医院", "江西省/景德镇市/乐平市", "综合医院", "二级", None),
    # 山西
    H("陵川县人民医院", "山西省/晋城市/陵川县", "综合医院", "二级", None),
    H("高平市人民医院", "山西省/晋城市/高平市", "综合医院", "二级", None),
    H("晋煤集团总医院", "山西省/晋城市/城区", "综合医院", "三级", None),
    H("盐湖区人民医院", "山西省/运城市/盐湖区", "综合医院", "二级", None),
    H("永济市人民医院", "山西省/运城市/永济市", "综合医院", "二级", None),
    H("芮城县人民医院", "山西省/运城市/芮城县", "综合医院", "二级", None),
    H("平陆县人民医院", "山西省/运城市/平陆县", "综合医院", "二级", None),
    H("夏县人民医院", "山西省/运城市/夏县", "综合医院", "二级", None),
    H("山西省汾阳医院", "山西省/吕梁市/汾阳市", "综合医院", "三级", None),
    H("汾阳人民医院", "山西省/吕梁市/汾阳市", "综合医院", "二级", None),
    H("孝义市人民医院", "山西省/吕梁市/孝义市", "综合医院", "二级", None),
    H("山西省儿童医院孝义分院", "山西省/吕梁市/孝义市", "儿童医院", "二级", None),
    # 保定
    H("顺平县医院", "河北省/保定市/顺平县", "综合医院", "二级", None),
    H("白沟新城康乐医院", "河北省/保定市/高碑店市", "民营医院", "一级", None),
    # 首都儿科研究所医联体
    H("中日友好医院", "北京市/北京市/朝阳区", "综合医院"),
    H("首都医科大学附属北京朝阳医院", "北京市/北京市/朝阳区", "综合医院"),
    H("首都医科大学附属北京安贞医院", "北京市/北京市/朝阳区", "综合医院"),
    H("首都医科大学附属北京妇产医院", "北京市/北京市/朝阳区", "专科医院"),
    H("首都医科大学附属北京地坛医院", "北京市/北京市/朝阳区", "专科医院"),
    H("北京市朝阳区妇幼保健院", "北京市/北京市/朝阳区", "妇幼保健院", "二级", None),
    *[
        H(f"朝阳区{name}社区卫生服务中心", "北京市/北京市/朝阳区", "社区卫生服务中心", "一级", None)
        for name in ("高碑店", "十八里店", "八里庄", "太阳宫", "金盏")
    ],
    # 天津
    H("河西区友谊路街社区卫生服务中心", "天津市/天津市/河西区", "社区卫生服务中心", "一级", None),
    H("河西区桃园街社区卫生服务中心", "天津市/天津市/河西区", "社区卫生服务中心", "一级", None),
    H(
        "河西区康复医院（大营门街社区卫生服务中心）",
        "天津市/天津市/河西区",
        "专科医院",
        "二级",
        None,
    ),
    H("北辰区妇儿保健和计划生育技术服务中心", "天津市/天津市/北辰区", "妇幼保健院", "二级", None),
    H("宝坻区妇产医院", "天津市/天津市/宝坻区", "专科医院", "二级", None),
    H("东丽医院", "天津市/天津市/东丽区", "综合医院", "二级", None),
    H("咸水沽医院", "天津市/天津市/津南区", "综合医院", "二级", None),
    # 湖南 cooperating hospitals
    H("株洲市妇幼保健院", "湖南省/株洲市/天元区", "妇幼保健院", grade=None),
    H("湘潭市妇幼保健院", "湖南省/湘潭市/雨湖区", "妇幼保健院", grade=None),
    H("怀化市妇幼保健院", "湖南省/怀化市/鹤城区", "妇幼保健院", grade=None),
    H("长沙市妇幼保健院", "湖南省/长沙市/雨花区", "妇幼保健院", grade=None),
    H("衡阳市妇幼保健院", "湖南省/衡阳市/蒸湘区", "妇幼保健院", grade=None),
    H("常德市妇幼保健院", "湖南省/常德市/武陵区", "妇幼保健院", grade=None),
    H("永州市第一人民医院", "湖南省/永州市/零陵区", "综合医院", grade=None),
    H("郴州市儿童医院", "湖南省/郴州市/北湖区", "儿童医院", grade=None),
    H("娄底市中心医院", "湖南省/娄底市/娄星区", "综合医院", grade=None),
    H("新余市妇幼保健院", "江西省/新余市/渝水区", "妇幼保健院", grade=None),
    H("萍乡市妇幼保健院", "江西省/萍乡市/安源区", "妇幼保健院", grade=None),
    H("普洱市人民医院", "云南省/普洱市/思茅区", "综合医院", grade=None),
    # 乌鲁木齐
    H("喀什地区第一人民医院", "新疆维吾尔自治区/喀什地区/喀什市", "综合医院"),
    H("阿勒泰地区人民医院", "新疆维吾尔自治区/阿勒泰地区/阿勒泰市", "综合医院", grade=None),
    H("哈密地区中心医院", "新疆维吾尔自治区/哈密市/伊州区", "综合医院", grade=None),
    H("富蕴县妇幼保健院", "新疆维吾尔自治区/阿勒泰地区/富蕴县", "妇幼保健院", "二级", None),
    H("米东区人民医院", "新疆维吾尔自治区/乌鲁木齐市/米东区", "综合医院", "二级", None),
    H("布尔津县人民医院", "新疆维吾尔自治区/阿勒泰地区/布尔津县", "综合医院", "二级", None),
    H("和田塔里木民营医院", "新疆维吾尔自治区/和田地区/和田市", "民营医院", "二级", None),
]


@dataclass(frozen=True)
class NamedMember:
    """A member named in a report, with its role, cooperation depth and joining date."""

    hospital: str
    role: str = "member"
    cooperation: str = "普通成员"
    joined_on: str | None = None  # default: the founding date


@dataclass(frozen=True)
class SeedAlliance:
    """An alliance from the reports and how to top it up to its published size."""

    alliance_id: str
    name: str
    name_en: str
    core: str
    founded_on: str
    scope: str
    kind: str
    home: str  # "省" or "省/市" whose counties the alliance aims to reach
    members: int | None  # published member count, core excluded unless noted
    named: list = field(default_factory=list)
    fill: dict = field(default_factory=dict)  # how to generate unnamed members
    source: str = REPORTS
    is_synthetic: bool = False


M = NamedMember
BCH_FOUNDERS = [
    "郑州市儿童医院",
    "安徽省立儿童医院",
    "河北省儿童医院",
    "南京市儿童医院",
    "青海省妇女儿童医院",
    "武汉市儿童医院",
    "西安市儿童医院",
    "山东省聊城市儿童医院",
]
# Real children's hospitals joining 北京儿童医院集团 2013-2016 as members 9-19: membership synthetic.
BCH_LATER = [
    "深圳市儿童医院",
    "郴州市儿童医院",
    "天津市儿童医院",
    "福州儿童医院",
    "徐州市儿童医院",
    "湖南省儿童医院",
    "江西省儿童医院",
    "山西省儿童医院",
    "北京儿童医院保定医院",
    "重庆医科大学附属儿童医院",
    "浙江大学医学院附属儿童医院",
]

SEED_ALLIANCES = [
    SeedAlliance(
        "JX",
        "江西省儿童医疗联盟",
        "Jiangxi Children's Medical Alliance",
        "江西省儿童医院",
        "2016-01-15",
        "省内",
        "专科联盟",
        "江西省",
        109,
        named=[
            M("九江市妇幼保健院", cooperation="科室共建", joined_on="2024-03-01"),
            M("抚州市妇幼保健院", cooperation="科室共建", joined_on="2024-04-01"),
            M("乐平市人民医院", cooperation="科室共建", joined_on="2024-05-01"),
        ],
        fill={"region": "江西省", "kinds": "county"},
    ),
    SeedAlliance(
        "SX",
        "山西省儿童妇幼医疗保健专科联盟",
        "Shanxi Children's and MCH Specialist Alliance",
        "山西省儿童医院",
        "2017-08-18",
        "省内",
        "专科联盟",
        "山西省",
        246,
        named=[
            M(n)
            for n in (
                "陵川县人民医院",
                "高平市人民医院",
                "晋煤集团总医院",
                "盐湖区人民医院",
                "永济市人民医院",
                "芮城县人民医院",
                "平陆县人民医院",
                "夏县人民医院",
                "山西省汾阳医院",
                "汾阳人民医院",
                "孝义市人民医院",
            )
        ]
        + [M("山西省儿童医院孝义分院", cooperation="合作办院")],
        fill={"region": "山西省", "kinds": "all_levels"},
    ),
    SeedAlliance(
        "BD",
        "保定市儿科医疗联盟",
        "Baoding Pediatric Alliance",
        "北京儿童医院保定医院",
        "2015-03-01",
        "市内",
        "医联体",
        "河北省/保定市",
        133,
        named=[
            M("顺平县医院", cooperation="科室共建"),
            M("白沟新城康乐医院", cooperation="联合门诊"),
        ],
        fill={"region": "河北省/保定市", "kinds": "all_levels"},
    ),
    SeedAlliance(
        "HH",
        "淮海经济区儿科联盟",
        "Huaihai Economic Zone Pediatric Alliance",
        "徐州市儿童医院",
        "2012-06-01",
        "跨省",
        "专科联盟",
        "江苏省/徐州市",
        103,
        fill={
            "cities": [
                "江苏省/徐州市",
                "江苏省/连云港市",
                "江苏省/宿迁市",
                "江苏省/淮安市",
                "山东省/枣庄市",
                "山东省/济宁市",
                "山东省/临沂市",
                "山东省/菏泽市",
                "河南省/商丘市",
                "安徽省/宿州市",
                "安徽省/淮北市",
            ],
            "counties": 52,
        },
    ),
    SeedAlliance(
        "BCH",
        "北京儿童医院集团",
        "Beijing Children's Hospital Group",
        "北京儿童医院",
        "2013-05-25",
        "跨省",
        "医院集团",
        "北京市",
        20,
        named=[M(n, cooperation="合作办院", joined_on="2013-05-25") for n in BCH_FOUNDERS]
        + [M("乌鲁木齐儿童医院", cooperation="合作办院", joined_on="2016-06-20")],
        fill={"later": BCH_LATER},
    ),
    SeedAlliance(
        "SER",
        "首都儿科研究所医联体",
        "Capital Institute of Pediatrics Alliance",
        "首都儿科研究所",
        "2014-05-20",
        "市内",
        "医联体",
        "北京市/北京市",
        11,
        named=[
            M(n)
            for n in (
                "中日友好医院",
                "首都医科大学附属北京朝阳医院",
                "首都医科大学附属北京安贞医院",
                "首都医科大学附属北京妇产医院",
                "首都医科大学附属北京地坛医院",
                "北京市朝阳区妇幼保健院",
                "朝阳区高碑店社区卫生服务中心",
                "朝阳区十八里店社区卫生服务中心",
                "朝阳区八里庄社区卫生服务中心",
                "朝阳区太阳宫社区卫生服务中心",
                "朝阳区金盏社区卫生服务中心",
            )
        ],
    ),
    SeedAlliance(
        "XH",
        "新华医院儿科医疗联合体",
        "Xinhua Hospital Pediatric Alliance",
        "上海交通大学医学院附属新华医院",
        "2016-07-01",
        "市内",
        "医联体",
        "上海市/上海市",
        36,
        fill={
            "districts": ["杨浦区", "虹口区", "宝山区", "崇明区"],
            "hospitals": 13,
            "community": 23,
        },
    ),
    SeedAlliance(
        "TJ",
        "天津市儿科医疗联合体",
        "Tianjin Pediatric Alliance",
        "天津市儿童医院",
        "2016-06-01",
        "市内",
        "医联体",
        "天津市/天津市",
        7,
        named=[
            M(n)
            for n in (
                "河西区友谊路街社区卫生服务中心",
                "河西区桃园街社区卫生服务中心",
                "河西区康复医院（大营门街社区卫生服务中心）",
                "北辰区妇儿保健和计划生育技术服务中心",
                "宝坻区妇产医院",
                "东丽医院",
                "咸水沽医院",
            )
        ],
    ),
    SeedAlliance(
        "FZ",
        "福州市儿科医联体",
        "Fuzhou Pediatric Alliance",
        "福州儿童医院",
        "2016-06-01",
        "市内",
        "医联体",
        "福建省/福州市",
        20,
        fill={"region": "福建省/福州市", "kinds": "all_levels"},
    ),
    SeedAlliance(
        "HN",
        "湖南儿科医疗联合体",
        "Hunan Pediatric Alliance",
        "湖南省儿童医院",
        "2016-05-01",
        "跨省",
        "医联体",
        "湖南省",
        55,
        named=[
            M(n, role="协作医院", cooperation="科室共建")
            for n in (
                "株洲市妇幼保健院",
                "湘潭市妇幼保健院",
                "怀化市妇幼保健院",
                "长沙市妇幼保健院",
                "衡阳市妇幼保健院",
                "常德市妇幼保健院",
                "永州市第一人民医院",
                "郴州市儿童医院",
                "娄底市中心医院",
                "新余市妇幼保健院",
                "萍乡市妇幼保健院",
                "普洱市人民医院",
            )
        ],
        fill={"region": "湖南省", "kinds": "county", "role": "指导医院", "departments": 2},
    ),
    SeedAlliance(
        "QH",
        "青海省儿科医疗联合体",
        "Qinghai Pediatric Alliance",
        "青海省妇女儿童医院",
        "2016-05-01",
        "省内",
        "医联体",
        "青海省",
        None,
        fill={"region": "青海省", "kinds": "province_wide"},
    ),
    SeedAlliance(
        "UR",
        "乌鲁木齐儿科医疗联合体",
        "Urumqi Pediatric Alliance",
        "乌鲁木齐儿童医院",
        "2016-06-01",
        "省内",
        "医联体",
        "新疆维吾尔自治区",
        7,
        named=[
            M(n)
            for n in (
                "喀什地区第一人民医院",
                "阿勒泰地区人民医院",
                "哈密地区中心医院",
                "富蕴县妇幼保健院",
                "米东区人民医院",
                "布尔津县人民医院",
                "和田塔里木民营医院",
            )
        ],
    ),
]

# Shanghai's other planned regional alliances: real cores, synthetic members (reports give no list).
SHANGHAI_PLANNED = [
    (
        "SH-E",
        "上海东部儿科医联体",
        "Shanghai East Pediatric Alliance",
        "上海儿童医学中心",
        ["浦东新区"],
    ),
    (
        "SH-S",
        "上海南部儿科医联体",
        "Shanghai South Pediatric Alliance",
        "复旦大学附属儿科医院",
        ["闵行区", "金山区", "青浦区"],
    ),
    (
        "SH-W",
        "上海西部儿科医联体",
        "Shanghai West Pediatric Alliance",
        "上海市儿童医院",
        ["静安区", "普陀区", "嘉定区"],
    ),
    (
        "SH-C",
        "上海中部儿科医联体（建设中）",
        "Shanghai Central Pediatric Alliance (in progress)",
        "上海交通大学医学院附属瑞金医院",
        ["黄浦区"],
    ),
]

# Figures the outreach generator must reach (保定, since the 2015 trusteeship).
BAODING_OUTREACH_MIN = {"expert_clinic": 1200, "lecture": 180, "technique": 30}
JIANGXI_TRAINEES = 2000
JIANGXI_2024_TRANSFERS = {
    "trips": 468,
    "critical_newborn": 407,
    "min_km": 100_000,
    "min_origins": 70,
}
