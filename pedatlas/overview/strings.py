"""Strings of the overview page."""

STRINGS = {
    "overview_title": ("儿科资源总览", "Pediatric resources at a glance"),
    "overview_scope": ("{scope} · {year} 年", "{scope} · {year}"),
    "kpi_children": ("0–14 岁儿童", "Children aged 0–14"),
    "kpi_physicians_per_1000": ("每千儿童儿科医师", "Pediatricians per 1k children"),
    "kpi_beds_per_1000": ("每千儿童儿科床位", "Pediatric beds per 1k children"),
    "kpi_target": ("{year} 年目标 {value}", "{year} target {value}"),
    "kpi_target_gap": ("距目标 {gap}", "{gap} to target"),
    "kpi_target_met": ("已达 {year} 年目标", "{year} target met"),
    "kpi_alliances": ("医联体", "Alliances"),
    "kpi_members": ("成员医院", "Member hospitals"),
    "kpi_counties_covered": ("有成员的区县", "Counties with a member"),
    "kpi_children_covered": ("所在区县儿童占比 {share}", "{share} of children live there"),
    "kpi_referrals_up": ("上转", "Referred up"),
    "kpi_referrals_down": ("下转", "Referred down"),
    "kpi_down_up_ratio": ("下转/上转 {ratio}", "down/up ratio {ratio}"),
    "kpi_transfers": ("危重转运", "Critical transports"),
    "kpi_transfer_km": ("转运里程 {km}", "{km} travelled"),
    "kpi_icu_beds": ("NICU/PICU 床位", "NICU/PICU beds"),
    "kpi_vs_previous": ("较上年", "vs previous year"),
    "overview_best": (
        "每千儿童儿科医师最多的 5 个{unit}",
        "5 {unit} with the most pediatricians per 1,000 children",
    ),
    "overview_worst": (
        "每千儿童儿科医师最少的 5 个{unit}",
        "5 {unit} with the fewest pediatricians per 1,000 children",
    ),
    "overview_rank_level": ("排名层级", "Rank"),
    "unit_province": ("省份", "provinces"),
    "unit_city": ("地市", "cities"),
    "unit_county": ("区县", "counties"),
    "overview_open_map": ("在地图上查看", "Open on the map"),
    "overview_no_previous": ("无上年数据", "no previous year"),
    "overview_ranking_empty": (
        "该范围内没有可排名的下级地区。",
        "There are no lower-level regions to rank in this scope.",
    ),
    "overview_flow_caption": (
        "转诊按患者所在一侧计入所选范围：上转按转出医院，下转按接收医院；危重转运按转出医院。",
        "Referrals count on the patient's home side: upward by the sending hospital, downward by the "
        "receiving one; critical transports by the hospital the patient left.",
    ),
}
