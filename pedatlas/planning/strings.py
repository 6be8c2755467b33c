"""Strings of the planning page (规划模拟)."""

STRINGS = {
    "planning_title": ("规划模拟", "Planning scenarios"),
    "planning_scope": ("{scope} · {year} 年", "{scope} · {year}"),
    "planning_need_region": (
        "选址规划按省或地市进行：全国范围的候选医院太多，结果也难以落实。请在左侧选择一个省份（或地市），"
        "或在下面直接选择一个省份。",
        "Site planning works on a province or city: nationally there are too many candidates and the "
        "result could not be acted on. Choose a province (or city) in the sidebar, or pick a province "
        "below.",
    ),
    "planning_pick_province": ("选择省份", "Choose a province"),
    "planning_add": ("新增内容", "Add"),
    "planning_add_members": ("医联体新成员", "New alliance members"),
    "planning_add_nicu": ("新 NICU 站点", "New NICU sites"),
    "planning_k": ("新增数量 k", "Number of new sites k"),
    "planning_radius": ("服务半径", "Service radius"),
    "planning_candidates_note_members": (
        "候选：本地区尚未加入任何医联体的二级综合医院和妇幼保健院（{count} 家）；已有站点：当年在册的医联体成员（含核心），"
        "包括外省市服务半径内的成员（{fixed} 家），保持不变。",
        "Candidates: the region's secondary general and MCH hospitals not yet in any alliance ({count}); "
        "existing sites: active members of any alliance that year (cores included), also across the "
        "border within the radius ({fixed}), kept fixed.",
    ),
    "planning_candidates_note_nicu": (
        "候选：本地区没有 NICU 床位的二级综合医院和妇幼保健院（县级医院，{count} 家）；已有站点：当年有 NICU 床位的医院，"
        "包括外省市服务半径内的医院（{fixed} 家），保持不变。",
        "Candidates: the region's secondary general and MCH hospitals (county hospitals) without NICU "
        "beds ({count}); existing sites: hospitals with NICU beds that year, also across the border "
        "within the radius ({fixed}), kept fixed.",
    ),
    "planning_no_candidates": (
        "本地区没有符合条件的候选医院，无法新增站点。",
        "There are no eligible candidate hospitals in this region, so no site can be added.",
    ),
    "planning_k_capped": (
        "候选医院只有 {count} 家，按 {count} 个新站点求解。",
        "Only {count:candidate is|candidates are} available, so {count:new site is|new sites are} planned.",
    ),
    "planning_no_children": (
        "该范围内没有有儿童人口的区县。",
        "There are no counties with children on record in this scope.",
    ),
    "planning_status_running": ("正在求解最大覆盖选址模型…", "Solving the maximal covering model…"),
    "planning_status_done": ("求解完成（{seconds} 秒）", "Solved ({seconds} s)"),
    "planning_step_data": (
        "读取区县、医院和候选医院…",
        "Reading counties, hospitals and candidates…",
    ),
    "planning_step_solve": ("求解 MCLP（CBC）…", "Solving the MCLP (CBC)…"),
    "planning_step_measures": (
        "计算覆盖、Gini、Theil 与可达性…",
        "Computing coverage, Gini, Theil and accessibility…",
    ),
    "planning_step_done": ("完成", "Done"),
    "planning_metric_new_children": ("新增覆盖儿童（优化）", "Newly covered (optimized)"),
    "planning_metric_new_children_naive": ("新增覆盖（按规模挑选）", "Newly covered (largest)"),
    "planning_metric_coverage": ("覆盖率（优化后）", "Coverage (optimized)"),
    "planning_metric_access": (
        "每千儿童可达{supply}（优化后）",
        "{supply} in reach per 1,000 children (optimized)",
    ),
    "planning_supply_members": ("成员医院儿科医师", "Member pediatricians"),
    "planning_supply_nicu": ("NICU 床位", "NICU beds"),
    "planning_metric_help_coverage": (
        "服务半径内的儿童占本地区儿童的比例；变化为相对现状的百分点。",
        "Share of the region's children within the radius of a site; change in points against now.",
    ),
    "planning_metric_help_access": (
        "本地区各区县在服务半径内可达的{supply}（E2SFCA，每千儿童）的儿童加权平均；变化相对现状。"
        "这是供给量，不是均衡分析页的可达性指数（全国平均 = 1.0）。",
        "Child-weighted mean of the {supply} each county reaches within the radius (E2SFCA, per 1,000 "
        "children); change against now. A supply per child, not the equity page's accessibility index "
        "(1.0 = national average).",
    ),
    "planning_metric_help_naive": (
        "对照：选儿科床位最多的 k 家候选医院。",
        "Baseline: the k candidates with the most pediatric beds.",
    ),
    "planning_gain": (
        "优化选址比按规模挑选多覆盖 {extra} 名儿童。",
        "The optimized sites cover {extra:more child|more children} than picking the largest hospitals.",
    ),
    "planning_gain_none": (
        "优化选址与按规模挑选覆盖的儿童一样多。",
        "The optimized sites cover as many children as picking the largest hospitals.",
    ),
    "planning_all_covered": (
        "服务半径内本地区儿童已全部覆盖，新增站点不能再提高覆盖率（选址在覆盖上等价，仅可达性不同）。",
        "Every child of the region is already within the radius of a site, so new sites cannot raise "
        "coverage (the choices are equivalent for coverage and differ only in accessibility).",
    ),
    "planning_map_title": ("选址与覆盖", "Sites and coverage"),
    "planning_map_legend": ("区县（半径 {radius} km）", "Counties (radius {radius} km)"),
    "planning_cover_none": ("未覆盖", "Not covered"),
    "planning_cover_before": ("原已覆盖", "Covered before"),
    "planning_cover_new": ("新增覆盖（优化）", "Newly covered (optimized)"),
    "planning_marker_existing": ("已有站点", "Existing sites"),
    "planning_marker_optimized": ("优化选址", "Optimized sites"),
    "planning_marker_naive": ("按规模挑选", "Largest hospitals"),
    "planning_compare_title": ("前后对比", "Before and after"),
    "planning_sites_title": ("新增站点", "New sites"),
    "planning_scenario_title": (
        "完整情景表（输入、指标、站点）",
        "Whole scenario (inputs, measures, sites)",
    ),
    "planning_plan_before": ("现状", "Before"),
    "planning_plan_optimized": ("优化选址", "Optimized"),
    "planning_plan_naive": ("按规模挑选", "Largest hospitals"),
    "planning_measure_children_covered": ("半径内儿童数", "Children within the radius"),
    "planning_measure_coverage_share": ("半径内儿童占比", "Share of children within the radius"),
    "planning_measure_gini": ("Gini（区县间可达资源）", "Gini (supply reached, counties)"),
    "planning_measure_theil": ("Theil T（区县间可达资源）", "Theil T (supply reached, counties)"),
    "planning_measure_access_per_1000": (
        "每千儿童可达{supply}（E2SFCA，儿童加权平均）",
        "{supply} in reach per 1,000 children (E2SFCA, child-weighted mean)",
    ),
    "planning_col_plan": ("方案", "Plan"),
    "planning_col_hospital": ("医院", "Hospital"),
    "planning_col_hospital_id": ("医院编号", "Hospital id"),
    "planning_col_county": ("区县", "County"),
    "planning_col_kind": ("类别", "Kind"),
    "planning_col_beds": ("儿科床位", "Pediatric beds"),
    "planning_col_physicians": ("儿科医师", "Pediatric physicians"),
    "planning_col_new_children": (
        "可覆盖的原未覆盖儿童（站点间可能重叠）",
        "Previously uncovered children in reach (may overlap)",
    ),
    "planning_col_lon": ("经度", "Longitude"),
    "planning_col_lat": ("纬度", "Latitude"),
    "planning_col_item": ("项目", "Item"),
    "planning_col_value": ("设置", "Setting"),
    "planning_col_city": ("所属地市", "City"),
    "planning_input_region": ("地区", "Region"),
    "planning_input_year": ("年份", "Year"),
    "planning_input_add": ("新增内容", "Add"),
    "planning_input_k": ("新增数量", "New sites"),
    "planning_input_radius_km": ("服务半径（km）", "Service radius (km)"),
    "planning_input_capacity": ("新站点假定容量", "Assumed capacity of a new site"),
    "planning_input_link": ("链接", "Link"),
    "planning_assumptions": ("方法与假设", "Method and assumptions"),
    "planning_assumptions_text": (
        "**最大覆盖选址（MCLP，Church & ReVelle）**：需求为本地区各区县代表点的 0–14 岁儿童；一个区县在某站点服务半径内（大圆距离，含边界）即算覆盖。"
        "已有站点（含外省市半径内的站点）固定开放，在候选医院中再选 k 个，使覆盖儿童数最大（spopt MCLP + CBC 求解）。"
        "覆盖儿童数在求解后按儿童重新计算——spopt 自带的覆盖百分比数的是需求点个数，不是儿童数。\n\n"
        "**对照（按规模挑选）**：儿科床位最多的 k 家候选医院。\n\n"
        "**可达性**：E2SFCA（Luo & Qi 阶梯权重，服务半径即搜索半径），在全国范围计算；供给为 NICU 床位（新 NICU）或医联体成员的儿科医师（新成员）。"
        "**假设**：每个新站点的容量取本地区已有站点的中位数（本情景为 {capacity}）。本地区的可达性为各区县按儿童加权的平均值（每千儿童）。\n\n"
        "**Gini 与 Theil T**：在本地区各区县之间计算，资源为各区县所得的可达供给 Aᵢ × Pᵢ（其总和等于总供给），人口为儿童数；越低越均衡。",
        "**Maximal covering location (MCLP, Church & ReVelle)**: demand = children aged 0–14 at each "
        "county point of the region; a county is covered when it lies within the service radius of a "
        "site (great-circle, inclusive). Existing sites (also across the border within the radius) stay "
        "open; k more are chosen among the candidates to maximise children covered (spopt MCLP + CBC). "
        "Children covered are recomputed after solving — spopt's own percentage counts demand "
        "locations, not children.\n\n"
        "**Baseline (largest hospitals)**: the k candidates with the most pediatric beds.\n\n"
        "**Accessibility**: E2SFCA (Luo & Qi step weights, catchment = the service radius) computed for "
        "all of China; supply = NICU beds (new NICU sites) or pediatric physicians of alliance members "
        "(new members). **Assumption**: each new site gets the median capacity of the region's existing "
        "sites ({capacity} in this scenario). The region's accessibility is the child-weighted mean of "
        "its counties (per 1,000 children).\n\n"
        "**Gini and Theil T**: across the region's counties, with each county's supply reached Aᵢ × Pᵢ "
        "(these add up to the total supply) against its children; lower is more equal.",
    ),
    # scenarios side by side (meetings helper)
    "compare_title": ("方案对比", "Scenarios side by side"),
    "compare_pick": ("对比的方案（最多三个）", "Scenarios to compare (up to three)"),
    "compare_pick_help": (
        "先在上方设定一个方案（新增类型、数量、服务半径），再在此加入；方案保存在链接中。",
        "Set a scenario above (what to add, how many, radius), then add it here; the scenarios are kept in the link.",
    ),
    "compare_label_members": ("新增 {k} 个成员 · {radius} km", "+{k:member|members} · {radius} km"),
    "compare_label_nicu": ("新增 {k} 个 NICU 点 · {radius} km", "+{k} NICU sites · {radius} km"),
    "compare_empty": (
        "尚未选择方案：在上方设定方案后加入对比（例如 3 个成员、5 个成员、2 个 NICU 点）。",
        "No scenario chosen: set one above and add it (e.g. 3 members, 5 members, 2 NICU sites).",
    ),
    "compare_running": ("正在计算各方案……", "Working out each scenario…"),
    "compare_col_scenario": ("方案", "Scenario"),
    "compare_col_nicu60_change": (
        "60 分钟内到达 NICU 的儿童变化",
        "Change within 60 min of a NICU",
    ),
    "compare_row_sites_added": ("新增点位", "Sites added"),
    "compare_row_children_after": ("半径内儿童数（方案后）", "Children within the radius (after)"),
    "compare_row_children_new": ("新覆盖儿童", "Children newly covered"),
    "compare_row_coverage_after": ("覆盖比例（方案后）", "Coverage share (after)"),
    "compare_row_coverage_change": ("覆盖比例变化", "Coverage share change"),
    "compare_row_gini_after": ("Gini（方案后）", "Gini (after)"),
    "compare_row_gini_change": ("Gini 变化", "Gini change"),
    "compare_row_theil_after": ("Theil T（方案后）", "Theil T (after)"),
    "compare_row_theil_change": ("Theil T 变化", "Theil T change"),
    "compare_row_access_after": (
        "可达性（每千儿童，方案后）",
        "Accessibility per 1,000 children (after)",
    ),
    "compare_row_access_change": ("可达性变化", "Accessibility change"),
    "compare_caption": (
        "每个方案均为优化选址（最大覆盖模型），与各自的现状比较；★ 为新覆盖儿童最多的方案。"
        "Gini、Theil 越低越均衡。",
        "Each scenario is its optimized plan (maximal covering), compared with its own baseline; "
        "★ marks the one that newly covers the most children. Lower Gini and Theil mean more equal.",
    ),
    "planning_measure_nicu_within_60": (
        "60 分钟车程内可到达 NICU 的儿童占比",
        "Children within 60 min drive of a NICU",
    ),
    "planning_measure_nicu_within_120": (
        "120 分钟车程内可到达 NICU 的儿童占比",
        "Children within 120 min drive of a NICU",
    ),
    "compare_row_nicu60_after": ("60 分钟内到达 NICU 的儿童", "Children within 60 min of a NICU"),
}
