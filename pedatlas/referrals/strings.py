"""Strings of the referral page (双向转诊)."""

STRINGS = {
    "referrals_title": ("双向转诊", "Two-way referrals"),
    "referrals_scope": ("{scope} · {year} 年", "{scope} · {year}"),
    "referrals_alliance": ("医联体", "Alliance"),
    "referrals_any_alliance": ("全部（不限医联体）", "All (any alliance)"),
    "referrals_hospital": ("医院", "Hospital"),
    "referrals_any_hospital": ("全部（不限医院）", "All (any hospital)"),
    "referrals_home_rule": (
        "按患儿所在地计入范围：上转、平转按转出医院所在区县，下转按转入医院所在区县（即本地患儿上转与回到本地的下转相比）。"
        "选择医联体时计入至少一方在转诊当日为在册成员的转诊；选择医院时计入该院转出或转入的转诊。",
        "Referrals count in the scope of the patient's home: up and lateral referrals by the sending "
        "hospital's county, down referrals by the receiving hospital's county (so the ratio compares "
        "the scope's own children going up with those coming back). With an alliance, referrals where "
        "either hospital is an active member on the referral date; with a hospital, referrals it sent or received.",
    ),
    "referrals_dir_up": ("上转", "Up"),
    "referrals_dir_down": ("下转", "Down"),
    "referrals_dir_lateral": ("平转", "Lateral"),
    "referrals_dir_all": ("合计", "All"),
    "referrals_ratio": ("下转/上转比", "Down/up ratio"),
    "referrals_ratio_help": (
        "下转数 ÷ 上转数。政策目标是真正的双向流动：比值越接近 1，回到基层的患儿越多。",
        "Down-referrals ÷ up-referrals. The policy aims at real two-way flow: the closer to 1, the "
        "more children come back to local care.",
    ),
    "referrals_month": ("月份", "Month"),
    "referrals_monthly_title": ("各月转诊量（按方向）", "Referrals per month by direction"),
    "referrals_count": ("转诊人次", "Referrals"),
    "referrals_empty": (
        "所选范围、年份与筛选条件下没有转诊记录。请换一个年份、范围、医联体或医院。",
        "There are no referrals for this scope, year and filter. Try another year, scope, alliance or hospital.",
    ),
    "referrals_stay_title": ("转诊留在哪里", "Where referrals stay"),
    "referrals_col_direction": ("方向", "Direction"),
    "referrals_col_referrals": ("转诊人次", "Referrals"),
    "referrals_kpi_same_alliance": ("同一医联体内", "Inside a common alliance"),
    "referrals_col_same_alliance": ("同一医联体内", "Inside a common alliance"),
    "referrals_kpi_same_county": ("县域内", "Inside the county"),
    "referrals_col_same_county": ("县域内", "Inside the county"),
    "referrals_kpi_same_province": ("省内", "Inside the province"),
    "referrals_col_same_province": ("省内", "Inside the province"),
    "referrals_stay_note": (
        "同一医联体：转出与转入医院在转诊当日同属一个医联体（均在册，含核心医院）。县域内比例只针对转诊，"
        "不能直接与“县域内就诊率 90%”目标（针对全部就诊）比较。",
        "Common alliance: both hospitals are active members of the same alliance (core included) on "
        "the referral date. The in-county share concerns referrals only and is not comparable with "
        "the 90% county-internal care target, which concerns all visits.",
    ),
    "referrals_map_title": ("转诊流向图", "Referral flow map"),
    "referrals_flow_level": ("流向单位", "Flows between"),
    "referrals_unit_province": ("省", "provinces"),
    "referrals_unit_city": ("地市", "cities"),
    "referrals_unit_hospital": ("医院", "hospitals"),
    "referrals_top": ("显示前 N 条通道", "Top N corridors"),
    "referrals_min": ("每条通道至少（人次）", "At least (referrals per corridor)"),
    "referrals_no_corridors": (
        "没有达到 {least} 人次的跨单位转诊通道。请降低阈值或换一个层级。",
        "No corridor between two units reaches {least:referral|referrals}. Lower the threshold or choose another level.",
    ),
    "referrals_map_note": (
        "线宽表示转诊量（上转与下转合计），颜色区分省内、跨省，以及流向北京、上海的通道；三角形标记靠近转入一端，悬停查看数量。",
        "Line width = referrals (up and down together); colour tells within-province, cross-province, "
        "and corridors to Beijing or Shanghai; the triangle sits nearer the receiving end (hover for numbers).",
    ),
    "referrals_corridor_legend": ("转诊通道", "Corridors"),
    "referrals_kind_within": ("省内", "Within the province"),
    "referrals_kind_cross": ("跨省（其他省份）", "Cross-province (other)"),
    "referrals_kind_beijing": ("跨省流向北京", "Cross-province to Beijing"),
    "referrals_kind_shanghai": ("跨省流向上海", "Cross-province to Shanghai"),
    "referrals_col_from": ("转出", "From"),
    "referrals_col_to": ("转入", "To"),
    "referrals_col_kind": ("类型", "Kind"),
    "referrals_col_corridor": ("转诊走廊", "Corridor"),
    "referrals_col_province": ("所属省份", "Province"),
    "referrals_net_title": (
        "各{unit}转入、转出与净流入",
        "Inflow, outflow and net flow by {unit}",
    ),
    "referrals_net_class_0": ("大量净流出", "Large net outflow"),
    "referrals_net_class_1": ("净流出", "Net outflow"),
    "referrals_net_class_2": ("平衡", "Balanced"),
    "referrals_net_class_3": ("净流入", "Net inflow"),
    "referrals_net_class_4": ("大量净流入", "Large net inflow"),
    "referrals_col_region": ("地区", "Region"),
    "referrals_col_sent": ("转出到外地", "Sent out"),
    "referrals_col_received": ("外地转入", "Received"),
    "referrals_col_internal": ("本地内部", "Kept inside"),
    "referrals_col_net": ("净流入", "Net inflow"),
    "referrals_levels_title": ("按医疗机构层级的转诊流向", "Referrals between levels of care"),
    "referrals_level_primary": ("基层（社区/乡镇）", "Community / township"),
    "referrals_level_county": ("县级（二级）", "County (secondary)"),
    "referrals_level_city": ("市级（三级）", "City (tertiary)"),
    "referrals_level_provincial": ("省级儿童/妇幼", "Provincial children's / MCH"),
    "referrals_level_national": ("国家/区域儿童医学中心", "National / regional centre"),
    "referrals_col_from_to": ("转出层级 \\ 转入层级", "From level \\ to level"),
    "referrals_levels_rule_title": ("层级如何划分", "How levels are assigned"),
    "referrals_levels_rule": (
        "左侧为转出医院层级，右侧为转入医院层级，连线颜色表示上转、下转、平转。层级由医院的类别、级别与国家中心标记确定，依次判断：\n\n"
        "1. **国家/区域儿童医学中心**：`national_centre` 为真；\n"
        "2. **省级**：三级儿童医院或妇幼保健院，名称以所在省份全称开头且其后不含“市/州/地区/盟”（如 江西省儿童医院、北京市儿童医院）；\n"
        "3. **市级**：其他三级医院（三级综合医院、地市儿童医院/妇幼保健院等）；\n"
        "4. **县级**：二级医院；\n"
        "5. **基层**：社区卫生服务中心、乡镇卫生院及其他一级、未定级医院。",
        "Left: the sending hospital's level; right: the receiving hospital's level; link colour = up, "
        "down or lateral. Levels come from kind, tier and the national-centre flag, checked in order:\n\n"
        "1. **National / regional centre**: `national_centre` is true;\n"
        "2. **Provincial**: a tertiary children's or MCH hospital whose name starts with its province's "
        "full name with no 市/州/地区/盟 after it (e.g. 江西省儿童医院, 北京市儿童医院);\n"
        "3. **City**: any other tertiary hospital (tertiary general, prefecture children's/MCH hospitals);\n"
        "4. **County**: secondary (二级) hospitals;\n"
        "5. **Community / township**: 社区卫生服务中心, 乡镇卫生院 and other primary or unrated hospitals.",
    ),
    "referrals_areas_title": (
        "转诊服务区（Dartmouth 多数规则）",
        "Referral service areas (Dartmouth plurality rule)",
    ),
    "referrals_areas_map": (
        "按上转去向划分的服务区（颜色）与行政边界（线：全国图为省界，省、市图为地市界）",
        "Service areas from upward referrals (colour) and administrative borders (lines: provinces "
        "on the national map, prefectures within a province or city)",
    ),
    "referrals_compare": ("对照", "Compare with"),
    "referrals_compare_admin": ("行政区划（地市）", "Administrative (prefectures)"),
    "referrals_compare_alliance": ("医联体覆盖", "Alliance footprints"),
    "referrals_no_area": ("无上转记录，未归入服务区", "No upward referrals: no area"),
    "referrals_no_member": ("无医联体成员", "No alliance member"),
    "referrals_col_area": ("服务区（地市）", "Service area (prefecture)"),
    "referrals_col_counties": ("区县数", "Counties"),
    "referrals_col_kept": ("区内医院接收", "Treated inside"),
    "referrals_col_li": ("本地化指数", "Localization index"),
    "referrals_areas_method_title": (
        "服务区与本地化指数的计算方法",
        "How service areas and the localization index are computed",
    ),
    "referrals_areas_method": (
        r"""**多数规则**：对每个区县 $c$，统计当年由该县医院发出的上转到各地级单位 $d$（转入医院所在地市）的人次 $N(c \to d)$，
把 $c$ 归入 $N(c \to d)$ 最大的 $d$；并列时取行政区划代码较小者。归入同一 $d$ 的区县组成服务区 $A_d$（不要求连片，可跨省）。没有上转记录的区县不归入任何服务区（灰色）。

**本地化指数**：

$$LI(A_d) = \frac{\sum_{c \in A_d} N(c \to \text{服务区内的医院})}{\sum_{c \in A_d} N(c \to \text{任意医院})}$$

即服务区内区县的上转中由服务区内医院接收的比例。“服务区内的医院”指位于 $A_d$ 各区县或位于地市 $d$ 本身的医院（服务区以 $d$ 的医院命名；$d$ 的市区本身的上转可能以别处为主而归入其他服务区）。数值高表示服务区自给，低表示大量外流。服务区由全国数据计算，再按所选范围显示；医联体、医院筛选不影响服务区。
左右两图配色各自独立：相邻服务区（或地市、医联体）颜色不同，同色不代表相同。""",
        r"""**Plurality rule**: for each county $c$, count the year's upward referrals sent by its hospitals to each prefecture unit $d$ (the receiving hospital's prefecture), $N(c \to d)$,
and assign $c$ to the $d$ with the most; ties go to the lower administrative code. The counties assigned to $d$ form service area $A_d$ (not necessarily contiguous, may cross provinces). Counties without upward referrals belong to no area (grey).

**Localization index**:

$$LI(A_d) = \frac{\sum_{c \in A_d} N(c \to \text{hospitals inside the area})}{\sum_{c \in A_d} N(c \to \text{any hospital})}$$

the share of the area's own counties' upward referrals treated by hospitals inside the area: hospitals in the counties of $A_d$ or in the prefecture $d$ itself (the area is named after $d$'s hospitals, whose own districts may send their plurality elsewhere and belong to another area). High = self-contained, low = much outflow. Areas are computed from national data and shown for the chosen scope; the alliance and hospital filters do not change them.
Each map has its own colours: neighbouring areas (or prefectures, alliances) differ; the same colour does not mean the same area.""",
    ),
}
