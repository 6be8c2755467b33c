"""Strings of the equity page (均衡分析)."""

STRINGS = {
    "equity_title": ("均衡分析", "Equity analysis"),
    "equity_scope": ("{scope} · {year} 年", "{scope} · {year}"),
    "equity_section": ("分析内容", "Analysis"),
    "equity_section_inequality": ("不均衡程度（Gini / Theil）", "Inequality (Gini / Theil)"),
    "equity_section_access": ("空间可达性（2SFCA）", "Spatial accessibility (2SFCA)"),
    "equity_section_coverage": ("距离覆盖", "Distance coverage"),
    "equity_section_shortage": ("短缺排名", "Shortage ranking"),
    "equity_resource": ("资源", "Resource"),
    "equity_resource_physicians": ("儿科医师", "Pediatric physicians"),
    "equity_resource_beds": ("儿科床位", "Pediatric beds"),
    "equity_resource_nicu_beds": ("NICU 床位", "NICU beds"),
    "equity_resource_picu_beds": ("PICU 床位", "PICU beds"),
    "equity_unit": ("比较单位", "Units compared"),
    "equity_unit_province": ("省", "Provinces"),
    "equity_unit_city": ("地市", "Cities"),
    "equity_unit_county": ("区县", "Counties"),
    "equity_units_province": ("省", "provinces"),
    "equity_units_city": ("地市", "cities"),
    "equity_units_county": ("区县", "counties"),
    "equity_method": ("方法", "Method"),
    "equity_method_2sfca": ("2SFCA（无距离衰减）", "2SFCA (no distance decay)"),
    "equity_method_e2sfca_step": (
        "E2SFCA · 阶梯衰减（Luo & Qi 2009）",
        "E2SFCA · step weights (Luo & Qi 2009)",
    ),
    "equity_method_e2sfca_gauss": ("E2SFCA · 高斯衰减", "E2SFCA · Gaussian decay"),
    "equity_catchment": ("服务半径（km）", "Catchment (km)"),
    "equity_top": ("列出区县数", "Counties listed"),
    "equity_year_label": ("年份", "Year"),
    # inequality
    "equity_metric_gini": ("Gini 系数（{unit}，{year}）", "Gini coefficient ({unit}, {year})"),
    "equity_metric_theil": ("Theil T（{unit}，{year}）", "Theil T ({unit}, {year})"),
    "equity_metric_between_share": (
        "区县 Theil：{group}间占比",
        "County Theil: between-{group} share",
    ),
    "equity_metric_within_share": (
        "区县 Theil：{group}内占比",
        "County Theil: within-{group} share",
    ),
    "equity_metric_help": (
        "与 {year} 年相比；数值越低越均衡。",
        "Change since {year}; lower is more equal.",
    ),
    "equity_group_province": ("省", "province"),
    "equity_group_city": ("地市", "city"),
    "equity_trend_closing": (
        "差距在缩小：{unit}之间的 Gini 系数从 {first_year} 年的 {first} 降至 {last_year} 年的 {last}，"
        "Theil T 从 {theil_first} 降至 {theil_last}（变化超过 5%，或逐年下降）。",
        "The gap is closing: across {unit} the Gini coefficient fell from {first} in {first_year} to {last} "
        "in {last_year} and Theil T from {theil_first} to {theil_last} (a change of over 5%, or a fall every year).",
    ),
    "equity_trend_widening": (
        "差距在扩大：{unit}之间的 Gini 系数从 {first_year} 年的 {first} 升至 {last_year} 年的 {last}，"
        "Theil T 从 {theil_first} 升至 {theil_last}（变化超过 5%，或逐年上升）。",
        "The gap is widening: across {unit} the Gini coefficient rose from {first} in {first_year} to {last} "
        "in {last_year} and Theil T from {theil_first} to {theil_last} (a change of over 5%, or a rise every year).",
    ),
    "equity_trend_flat": (
        "差距基本不变：{unit}之间的 Gini 系数 {first_year} 年 {first}、{last_year} 年 {last}，"
        "Theil T {theil_first}、{theil_last}（变化未超过 5%，且非逐年同向）。",
        "The gap is roughly unchanged: across {unit} the Gini coefficient was {first} in {first_year} and {last} "
        "in {last_year}, Theil T {theil_first} and {theil_last} (a change under 5%, not in the same direction every year).",
    ),
    "equity_trend_disagree": (
        "Gini 与 Theil T 的变化方向相反，不据此判断差距缩小或扩大。",
        " Gini and Theil T moved in opposite directions, so neither closing nor widening is claimed.",
    ),
    "equity_lorenz_title": ("洛伦兹曲线（{year} 年，{unit}）", "Lorenz curve ({year}, {unit})"),
    "equity_lorenz_x": ("累计儿童份额", "Cumulative share of children"),
    "equity_lorenz_y": ("累计资源份额", "Cumulative resource share"),
    "equity_lorenz_equality": ("完全均等线", "Line of equality"),
    "equity_lorenz_curve": ("洛伦兹曲线", "Lorenz curve"),
    "equity_gini_trend_title": ("Gini 系数逐年变化", "Gini coefficient by year"),
    "equity_theil_title": (
        "Theil 指数分解（区县为单位，按{group}分组）",
        "Theil index decomposed (counties, grouped by {group})",
    ),
    "equity_theil_title_total": ("Theil 指数（区县为单位）", "Theil index (counties)"),
    "equity_theil_between": ("{group}间", "Between-{group} part"),
    "equity_theil_within": ("{group}内", "Within-{group} part"),
    "equity_theil_total": ("Theil T", "Theil T"),
    "equity_theil_city_note": (
        "地市范围内只有区县一级，Theil 指数不再分解。",
        "Inside a city there is only the county level, so the Theil index is not decomposed.",
    ),
    "equity_table_title": ("逐年不均衡指标", "Inequality by year"),
    "equity_no_resource": (
        "{year} 年该范围内没有此项资源，无法计算不均衡指标。",
        "There is none of this resource in this scope in {year}; inequality cannot be measured.",
    ),
    "equity_no_units": (
        "该范围内没有有儿童人口的地区。",
        "There are no regions with children on record in this scope.",
    ),
    "equity_formulas": ("公式与说明", "Formulas and notes"),
    "equity_formula_inequality_note": (
        "按儿童人口加权（不是 PySAL inequality 的无权版本）。wᵢ 为单位 i 的资源份额，nᵢ 为儿童份额；"
        "Lorenz 曲线按每名儿童资源量升序排列。Gini 为 1 − 2 × 曲线下面积（梯形法），0 = 完全均等。"
        "Theil T 以区县为单位计算，按省（全国范围）或地市（省范围）分组分解为组间与组内两部分，二者之和等于 T。"
        "儿童人口各年均为 2020 年普查数；无儿童人口记录的区县（金门）不计入。",
        "Weighted by children (not PySAL's unweighted inequality). wᵢ is unit i's share of the resource, "
        "nᵢ its share of children; the Lorenz curve sorts units by resource per child. Gini = 1 − 2 × "
        "the area under the curve (trapezoids), 0 = perfect equality. Theil T is computed over counties "
        "and split into between-group and within-group parts by province (national scope) or city "
        "(province scope); the parts add up to T. Children are the 2020 census for every year; counties "
        "without children on record (Kinmen) are left out.",
    ),
    # accessibility
    "equity_access_note": (
        "可达性指数按全国所有区县的儿童加权平均归一化：1.0 = 全国平均，0.5 = 全国平均的一半。"
        "需求为区县代表点的 0–14 岁儿童，供给为各医院（按医院坐标）的所选资源，距离为大圆距离。",
        "The index is normalised by the child-weighted mean of all counties of China: 1.0 = national "
        "average, 0.5 = half of it. Demand = children aged 0–14 at each county's representative point; "
        "supply = the chosen resource at each hospital (its own point); great-circle distances.",
    ),
    "equity_access_mean": ("范围内平均指数（儿童加权）", "Mean index in scope (child-weighted)"),
    "equity_access_below_half": ("低于全国一半的区县儿童占比", "Children in counties below 0.5"),
    "equity_access_zero": ("服务半径内无供给的区县", "Counties with no supply in reach"),
    "equity_access_legend": (
        "可达性指数（1.0 = 全国平均）",
        "Accessibility index (1.0 = national average)",
    ),
    "equity_access_table_title": (
        "区县可达性排名（1 = 最低）",
        "County accessibility ranking (1 = lowest)",
    ),
    "equity_access_no_supply": (
        "{year} 年全国没有此项资源，无法计算可达性。",
        "There is none of this resource anywhere in {year}; accessibility cannot be computed.",
    ),
    "equity_formula_access_note": (
        "Rⱼ 为医院 j 的供需比，Aᵢ 为区县 i 的可达性（每名儿童可得资源）；d₀ 为所选服务半径（含边界），"
        "无人可达的医院 Rⱼ = 0。表中“每千儿童”= 1000 × Aᵢ。计算覆盖全国（跨省边界的医院也计入），"
        "每个（年份、资源、方法、半径）组合只计算一次。",
        "Rⱼ is hospital j's supply-to-demand ratio and Aᵢ county i's accessibility (resource per "
        "child); d₀ is the chosen catchment (inclusive); a hospital nobody reaches has Rⱼ = 0. 'Per "
        "1,000 children' = 1000 × Aᵢ. Computed for all of China (hospitals across a border count) and "
        "only once per (year, resource, method, catchment).",
    ),
    # coverage
    "equity_site_tertiary_centre": ("三级儿科中心", "Tertiary pediatric centre"),
    "equity_site_nicu": ("NICU", "NICU"),
    "equity_site_member": ("医联体成员", "Alliance member"),
    "equity_coverage_title": (
        "距最近站点一定距离内的儿童占比（{year} 年）",
        "Share of children within a distance of the nearest site ({year})",
    ),
    "equity_coverage_y": ("儿童占比", "Share of children"),
    "equity_coverage_note": (
        "三级儿科中心 = 三级儿童医院与国家/区域儿童医学中心；NICU = 当年 NICU 床位 > 0 的医院；"
        "医联体成员 = 当年在册的任一联盟成员（含核心）。距离为区县代表点到最近站点（全国范围内，可跨省）的大圆距离，含边界。",
        "Tertiary pediatric centre = tertiary children's hospitals and national/regional centres; NICU = "
        "hospitals with NICU beds that year; alliance member = active member of any alliance that year "
        "(cores included). Distance = great-circle km from the county point to the nearest site anywhere "
        "in China (across borders), inclusive.",
    ),
    "equity_col_site_type": ("站点类型", "Site type"),
    "equity_col_sites": ("范围内站点数", "Sites in scope"),
    "equity_col_within_km": ("{km} km 内儿童占比", "Children within {km} km"),
    # shortage
    "equity_shortage_title": (
        "儿科服务短缺最严重的区县（{year} 年）",
        "Worst-served counties ({year})",
    ),
    "equity_shortage_note": (
        "仿照美国 HRSA 短缺地区（HPSA）评分：儿童/儿科医师比（0–10 分）、距最近有 NICU 或 PICU 床位的医院的距离（0–5 分）、"
        "需求（儿童占总人口比例 0–3 分，农村人口比例 0–2 分）。总分 0–20，越高越短缺；“原因”列出得分的各项。",
        "In the spirit of HRSA's shortage-area (HPSA) scoring: children per pediatric physician (0–10 "
        "points), distance to the nearest hospital with NICU or PICU beds (0–5), need (children's share "
        "of the population 0–3, rural share 0–2). Total 0–20, higher = worse served; 'Why' lists the "
        "components that scored.",
    ),
    "equity_shortage_empty": (
        "该范围内没有有儿童人口的区县。",
        "There are no counties with children on record in this scope.",
    ),
    "equity_points_title": ("评分表", "Point table"),
    "equity_points_component": ("指标", "Component"),
    "equity_points_band": ("取值", "Value"),
    "equity_points_points": ("得分", "Points"),
    "equity_points_and": (" 且 ", " and "),
    "equity_points_notes": (
        "儿童/医师比 = 区县 0–14 岁儿童 ÷ 当年儿科医师数（全国 2024 年约 1,260）；距离为区县代表点到最近"
        "有 NICU 或 PICU 床位医院的大圆距离，20 km 一档（约相当于 HRSA 的 10 分钟车程档）；儿童占比 = 0–14 岁 ÷ 总人口"
        "（全国 17.9%）；农村人口比例 = 1 − 城镇人口 ÷ 总人口。同分时儿童/医师比高者在前。",
        "Children per physician = the county's children aged 0–14 ÷ that year's pediatric physicians "
        "(national 2024 about 1,260); distance = great-circle km from the county point to the nearest "
        "hospital with NICU or PICU beds, in 20 km bands (about HRSA's 10-minute travel bands); "
        "children's share = aged 0–14 ÷ population (national 17.9%); rural share = 1 − urban ÷ "
        "population. Ties: more children per physician first.",
    ),
    "equity_component_ratio": ("儿童/儿科医师比", "Children per pediatric physician"),
    "equity_component_distance": (
        "距最近 NICU/PICU 医院",
        "Distance to nearest NICU/PICU hospital",
    ),
    "equity_component_child_share": ("儿童占总人口比例", "Children's share of population"),
    "equity_component_rural_share": ("农村人口比例", "Rural share of population"),
    "equity_reason_ratio": (
        "儿童/医师 {value}（{points} 分）",
        "children per physician {value} ({points:pt|pts})",
    ),
    "equity_reason_distance": (
        "距 NICU/PICU 医院 {value}（{points} 分）",
        "{value} to a NICU/PICU hospital ({points:pt|pts})",
    ),
    "equity_reason_child_share": (
        "儿童占比 {value}（{points} 分）",
        "children {value} of population ({points:pt|pts})",
    ),
    "equity_reason_rural_share": (
        "农村人口 {value}（{points} 分）",
        "rural {value} ({points:pt|pts})",
    ),
    "equity_reason_no_physician": ("无儿科医师", "no pediatric physician"),
    # columns
    "equity_col_rank": ("排名", "Rank"),
    "equity_col_county": ("区县", "County"),
    "equity_col_adcode": ("行政区划代码", "Adcode"),
    "equity_col_unit": ("地区", "Region"),
    "equity_col_city": ("地市", "City"),
    "equity_col_province": ("省", "Province"),
    "equity_col_children": ("0–14 岁儿童", "Children 0–14"),
    "equity_col_access_per_1000": ("每千儿童可达资源", "Resource in reach per 1,000 children"),
    "equity_col_access_index": ("可达性指数", "Accessibility index"),
    "equity_col_score": ("短缺得分", "Shortage score"),
    "equity_col_physicians": ("儿科医师", "Pediatric physicians"),
    "equity_col_children_per_physician": ("儿童/医师", "Children per physician"),
    "equity_col_ratio_points": ("医师比得分", "Ratio points"),
    "equity_col_distance_km": ("距 NICU/PICU 医院（km）", "Km to NICU/PICU hospital"),
    "equity_col_distance_points": ("距离得分", "Distance points"),
    "equity_col_child_share": ("儿童占比", "Children's share"),
    "equity_col_child_share_points": ("儿童占比得分", "Children's share points"),
    "equity_col_rural_share": ("农村人口比例", "Rural share"),
    "equity_col_rural_share_points": ("农村得分", "Rural points"),
    "equity_col_reasons": ("原因", "Why"),
    "equity_col_year": ("年份", "Year"),
    "equity_col_units": ("单位数", "Units"),
    "equity_col_resource": ("资源合计", "Resource total"),
    "equity_col_gini": ("Gini", "Gini"),
    "equity_col_theil": ("Theil T", "Theil T"),
    "equity_col_county_theil": ("Theil T（区县）", "Theil T (counties)"),
    "equity_col_between": ("组间", "Between"),
    "equity_col_within": ("组内", "Within"),
    "equity_col_between_share": ("组间占比", "Between share"),
    "equity_col_within_share": ("组内占比", "Within share"),
    "equity_section_hotspots": ("热点与冷点（LISA）", "Hot and cold spots (LISA)"),
    "equity_section_time": ("就医时间", "Time to care"),
    "equity_section_service_areas": ("服务区质量", "Service-area quality"),
    "hotspot_measure": ("聚类指标", "Measure clustered"),
    "hotspot_measure_shortage": ("短缺得分", "Shortage score"),
    "hotspot_measure_access": ("可达性指数", "Accessibility index"),
    "hotspot_measure_physicians": (
        "每千儿童儿科医师（经验贝叶斯平滑）",
        "Pediatricians per 1,000 children (empirical Bayes)",
    ),
    "hotspot_title": (
        "{measure}的空间聚集 · {year} 年",
        "Spatial clusters of the {measure} · {year}",
    ),
    "hotspot_legend": ("LISA 聚类", "LISA cluster"),
    "hotspot_cluster_high_high": ("高-高", "High-high"),
    "hotspot_cluster_low_low": ("低-低", "Low-low"),
    "hotspot_cluster_high_low": ("高-低（孤立高值）", "High-low (high outlier)"),
    "hotspot_cluster_low_high": ("低-高（孤立低值）", "Low-high (low outlier)"),
    "hotspot_cluster_not_significant": ("不显著", "Not significant"),
    "hotspot_cluster_undefined": ("无定义（无数据）", "Undefined (no data)"),
    "hotspot_moran": ("全局 Moran's I", "Global Moran's I"),
    "hotspot_moran_p": ("置换检验 p 值（999 次）", "Permutation p-value (999)"),
    "hotspot_fdr": ("FDR 临界 p 值（5%）", "FDR cut-off p (5%)"),
    "hotspot_clustered": ("显著聚集的区县", "Counties in a cluster"),
    "hotspot_moran_help": (
        "正值表示相似的值在空间上聚在一起；期望值 E[I] = {expected}。",
        "Positive: similar values sit next to each other; E[I] = {expected}.",
    ),
    "hotspot_and_more": ("，另有 {count} 个", " and {count} more"),
    "hotspot_sentence_bad_high_high": (
        "**短缺热点（高-高）{count} 个区县**：{names}。自身短缺得分高，周边区县也高，需要在片区层面统筹投入，而不是只补单个县。",
        "**Shortage hot spot (high-high), {count:county|counties}**: {names}. High scores surrounded by high scores: plan for the whole area, not one county.",
    ),
    "hotspot_sentence_bad_low_low": (
        "**保障较好片区（低-低）{count} 个区县**：{names}。自身和周边短缺得分都低。",
        "**Well-served area (low-low), {count:county|counties}**: {names}. Low scores surrounded by low scores.",
    ),
    "hotspot_sentence_bad_high_low": (
        "**短缺孤岛（高-低）{count} 个区县**：{names}。周边条件较好，可依托邻近区县的医院（对口支援、转诊、远程会诊）。",
        "**Shortage island (high-low), {count:county|counties}**: {names}. Neighbours are better served: lean on their hospitals (twinning, referral, remote consultation).",
    ),
    "hotspot_sentence_bad_low_high": (
        "**短缺片区中的支点（低-高）{count} 个区县**：{names}。自身较好但周边短缺，适合作为辐射周边的支点。",
        "**Anchor inside a shortage area (low-high), {count:county|counties}**: {names}. Better served than their neighbours: candidates to serve them.",
    ),
    "hotspot_sentence_good_high_high": (
        "**资源高值片区（高-高）{count} 个区县**：{names}。自身和周边都较高。",
        "**Well-resourced area (high-high), {count:county|counties}**: {names}. High values surrounded by high values.",
    ),
    "hotspot_sentence_good_low_low": (
        "**资源洼地（低-低）{count} 个区县**：{names}。自身和周边都偏低，需要在片区层面统筹补足。",
        "**Resource cold spot (low-low), {count:county|counties}**: {names}. Low values surrounded by low values: plan for the whole area.",
    ),
    "hotspot_sentence_good_high_low": (
        "**洼地中的高点（高-低）{count} 个区县**：{names}。周边偏低，适合作为辐射周边的支点。",
        "**High point in a low area (high-low), {count:county|counties}**: {names}. Candidates to serve their neighbours.",
    ),
    "hotspot_sentence_good_low_high": (
        "**高值片区中的短板（低-高）{count} 个区县**：{names}。周边较好，可依托邻近区县。",
        "**Gap inside a well-resourced area (low-high), {count:county|counties}**: {names}. Lean on the neighbours' hospitals.",
    ),
    "hotspot_sentence_not_significant": (
        "其余 {count} 个区县没有统计显著的空间聚集（999 次置换，FDR 5%）。",
        "The other {count:county shows|counties show} no significant spatial cluster (999 permutations, FDR 5%).",
    ),
    "hotspot_sentence_undefined": (
        "{count} 个区县没有数据（无儿童人口记录等），显示为“无定义”，不参与计算。",
        "{count:county has|counties have} no value (e.g. no children on record): shown as undefined, not used.",
    ),
    "hotspot_sentence_islands": (
        "海岛等不与其他区县接壤的单元（{names}）按最近的区县连接为邻居。",
        "Units with no shared border ({names}, e.g. islands) are joined to their nearest county.",
    ),
    "hotspot_note": (
        "方法：区县边界的 Queen 邻接权重（行标准化），局部 Moran's I，999 次条件置换，按错误发现率（FDR 5%）判定显著；每千儿童医师数先做经验贝叶斯平滑，悬停可见原始值。短缺得分有上限（0–20 分），不平滑。",
        "Method: queen contiguity from county boundaries (row-standardised), local Moran's I, 999 conditional permutations, significance by false discovery rate (5%); pediatricians per 1,000 children are empirical-Bayes smoothed first (raw value on hover). The shortage score is bounded (0-20 points) and not smoothed.",
    ),
    "hotspot_col_name": ("区县", "County"),
    "hotspot_col_city": ("所属地市", "City"),
    "hotspot_col_cluster": ("聚类", "Cluster"),
    "hotspot_col_value": ("聚类所用值", "Value clustered"),
    "hotspot_col_raw": ("原始值", "Raw value"),
    "hotspot_col_p": ("p 值", "p-value"),
    "hotspot_table_title": ("显著聚集的区县", "Counties in a significant cluster"),
    "hotspot_empty": (
        "该范围内有数值的区县不足 3 个，无法计算空间聚集。",
        "Fewer than 3 counties with a value in this scope: no clusters can be computed.",
    ),
    "time_level": ("医疗级别", "Level of care"),
    "time_level_beds": ("儿科住院床位", "Pediatric inpatient beds"),
    "time_level_nicu": ("NICU", "NICU"),
    "time_level_picu": ("PICU", "PICU"),
    "time_title": (
        "从县城到最近{level}的估计车程 · {year} 年",
        "Estimated drive from the county seat to the nearest {level} · {year}",
    ),
    "time_legend": ("到最近{level}的车程", "Drive to nearest {level}"),
    "time_class_within": ("{band} 分钟内", "Within {band} min"),
    "time_class_between": ("{low}–{high} 分钟", "{low}–{high} min"),
    "time_class_beyond": ("超过 {band} 分钟或无", "Over {band} min or none"),
    "time_minutes": ("约 {minutes} 分钟", "about {minutes} min"),
    "time_none": ("无此级别医院", "no such hospital"),
    "time_band_label": ("超过 {band} 分钟", "Over {band} min"),
    "time_axis_beyond": ("儿童占比", "Share of children"),
    "time_chart_title": (
        "车程超过各时间段的儿童占比 · {scope}",
        "Children beyond each drive time · {scope}",
    ),
    "time_col_unit": ("地区", "Region"),
    "time_col_children": ("0–14 岁儿童", "Children 0-14"),
    "time_col_beyond": ("超过 {band} 分钟", "Over {band} min"),
    "time_scope_row": ("全范围合计", "Whole scope"),
    "time_table_title": (
        "各地区车程超过各时间段的儿童占比（{level}）",
        "Children beyond each drive time by region ({level})",
    ),
    "time_metric_beyond_60": ("超过 60 分钟到达{level}", "Over 60 min to {level}"),
    "time_fit_note": (
        "道路系数（道路里程 ÷ 直线距离）用转运记录的实际里程按省拟合：全国 {factor}（{trips} 条记录，中位绝对误差 {mdape}）。演示库的转运里程是合成的，导入真实转运记录后自动按真实数据拟合。车速假设：前 5 km 30 km/h（城区），5–30 km 50 km/h（县乡道），其后 80 km/h（国省道与高速）。参照：美国儿童 8.1% 距儿科住院超过 60 分钟、20.5% 距 PICU 超过 60 分钟（Bucholz 等，2025）。",
        "Detour factor (road km / straight km) fitted per province on the recorded transfer routes: nationally {factor} ({trips:route|routes}, median absolute error {mdape}). The demo database's route distances are synthetic; imported real transfers are fitted as they are. Speeds (assumption): first 5 km at 30 km/h (town), 5-30 km at 50 km/h (county roads), beyond at 80 km/h (national roads and expressways). For reference: 8.1% of US children live over 60 min from pediatric inpatient care and 20.5% from a PICU (Bucholz et al., 2025).",
    ),
    "sa_title": ("服务区质量 · {year} 年", "Service-area quality · {year}"),
    "sa_note": (
        "服务区按转诊多数原则划分（每个区县归入接收其上转最多的地市）。本地化指数 LI = 区内儿童的转诊中在区内就诊的比例；市场份额指数 MSI = 区内医院接诊的转诊中来自区内儿童的比例；净流入 = 接诊 − 外转。基准：儿科服务区平均 LI 69.1%，成人 58.1%（Joseph 等，J Pediatr 2025）。全国计算，显示范围内的单位。",
        "Service areas by the plurality rule (each county joins the city that receives most of its upward referrals). Localization index LI = share of the area's children's referrals treated inside it; market-share index MSI = share of the area's hospitals' referrals that come from its own children; net flow = received - sent out. Benchmark: mean LI 69.1% for pediatric service areas, 58.1% for adult ones (Joseph et al., J Pediatr 2025). Computed nationally; units of the scope shown.",
    ),
    "sa_compare_title": ("三种划分的比较", "Three ways of drawing areas"),
    "sa_unit_kind": ("单位", "Units"),
    "sa_kind_service_area": ("转诊服务区", "Referral service areas"),
    "sa_kind_city": ("地级行政区", "Prefecture cities"),
    "sa_kind_alliance": ("医联体覆盖范围", "Alliance footprints"),
    "sa_benchmark_pediatric": ("参照：美国儿科服务区", "Benchmark: US pediatric service areas"),
    "sa_benchmark_adult": ("参照：美国成人服务区", "Benchmark: US adult service areas"),
    "sa_col_kind": ("划分方式", "Areas"),
    "sa_col_units": ("单位数", "Units"),
    "sa_col_mean_li": ("平均 LI", "Mean LI"),
    "sa_col_flow_li": ("按转诊量 LI", "LI over all referrals"),
    "sa_col_msi": ("MSI", "MSI"),
    "sa_col_unit": ("单位", "Unit"),
    "sa_col_originated": ("区内儿童转诊", "Referrals of its children"),
    "sa_col_received": ("区内医院接诊", "Referrals treated"),
    "sa_col_li": ("LI", "LI"),
    "sa_col_net": ("净流入", "Net inflow"),
    "sa_col_province": ("所属省份", "Province"),
    "sa_col_code": ("代码", "Code"),
    "sa_units_title": ("各单位（本地化程度最低的在前）", "Units, least localized first"),
    "sa_gap_title": (
        "医联体覆盖范围与患者实际形成的服务区",
        "Alliance footprints and the areas their patients form",
    ),
    "sa_gap_note": (
        "覆盖范围 = 该医联体成员最多的区县；患者服务区 = 上转多数流向核心医院所在地市的区县。两者重合度低，说明成员布局与患者实际流向不一致。",
        "Footprint = counties where the alliance has the most members; patients' area = counties whose referrals mostly go to the core hospital's city. Low overlap: members are placed where patients do not go.",
    ),
    "sa_col_alliance": ("医联体", "Alliance"),
    "sa_col_footprint": ("覆盖区县", "Footprint counties"),
    "sa_col_patients_area": ("患者服务区县", "Patients' area counties"),
    "sa_col_footprint_only": ("仅在覆盖范围", "Footprint only"),
    "sa_col_patients_only": ("仅在患者服务区", "Patients' area only"),
    "sa_col_overlap": ("重合度", "Overlap"),
}
