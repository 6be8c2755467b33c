"""Strings of the critical transport page (危重转运)."""

STRINGS = {
    "transport_title": ("危重新生儿/儿童转运", "Critical newborn and child transport"),
    "transport_scope": ("{scope} · {year} 年", "{scope} · {year}"),
    "transport_centre": ("转运中心（接收医院）", "Transport centre (receiving hospital)"),
    "transport_all_centres": ("全部转运中心", "All transport centres"),
    "transport_attribution": (
        "转运按出车年份、转出医院所在地计入范围；选择转运中心时只计该中心接收的转运。里程为载患儿的单程路线里程，用时为出车至送达（含去程）。",
        "Trips count by dispatch year and the sending hospital's location; with a centre, only the "
        "trips that centre received. Km = one-way route length with the patient; time = dispatch to "
        "arrival (the outbound leg included).",
    ),
    "transport_empty": (
        "所选范围与年份没有转运记录。请换一个年份、范围或转运中心。",
        "There are no transports for this scope and year. Try another year, scope or centre.",
    ),
    "transport_trips": ("转运次数", "Trips"),
    "transport_critical_newborns": ("危重新生儿转运", "Critical newborn trips"),
    "transport_critical_newborns_help": (
        "患者类型为新生儿且标记为危重的转运次数。",
        "Trips of newborns flagged as critically ill.",
    ),
    "transport_share_of_trips": ("占全部转运 {share}", "{share} of all trips"),
    "transport_total_km": ("总里程", "Total distance"),
    "transport_km_per_trip": ("每次 {km}", "{km} per trip"),
    "transport_duration": ("出车至送达（中位数）", "Dispatch to arrival (median)"),
    "transport_minutes": ("{minutes} 分钟", "{minutes} min"),
    "transport_duration_help": (
        "duration_min：车组出发至患儿送达接收中心，包含去程与交接。",
        "duration_min: from the team's departure to the patient's arrival at the centre, outbound leg and handover included.",
    ),
    "transport_duration_p90": ("90% 在 {minutes} 分钟内", "90% within {minutes} min"),
    "transport_origins_reached": ("覆盖转出机构", "Sending institutions reached"),
    "transport_critical_all": ("危重比例", "Critical share"),
    "transport_newborn_share": ("新生儿占 {share}", "Newborns {share}"),
    # the report against the data (as on the alliances page)
    "transport_report_title": (
        "{centre} {year} 年转运：公开报道与数据对照",
        "{centre}: transports in {year}, the report against the data",
    ),
    "transport_report_JX": (
        "报道：江西省儿童医院 2024 年转运 468 次，其中危重新生儿 407 次，总里程超过 10 万公里，"
        "覆盖 70 余家医疗机构。",
        "Report: in 2024 江西省儿童医院 made 468 transport trips, 407 of them critical newborns, over "
        "100,000 km in all, reaching 70-odd medical institutions.",
    ),
    "transport_report_scope": (
        "“数据”为该中心当年接收的全部转运（不限所选范围）。",
        "“In the data” counts every trip the centre received that year (whatever scope is chosen).",
    ),
    "transport_report_hint": (
        "{centre} {year} 年的转运有公开报道：在“转运中心”中选择它，可查看报道与数据的对照。",
        "{centre}'s transports in {year} were reported: pick it as the transport centre to see the "
        "report against the data.",
    ),
    "transport_report_col_measure": ("指标", "Measure"),
    "transport_report_col_data": ("数据", "In the data"),
    "transport_report_col_published": ("公开报道", "Published"),
    "transport_report_col_matches": ("是否相符", "Agrees"),
    "transport_report_trips": ("转运次数", "Trips"),
    "transport_report_critical_newborns": ("危重新生儿转运", "Critical newborn trips"),
    "transport_report_total_km": ("总里程 km", "Total km"),
    "transport_report_origins": ("覆盖转出机构", "Sending institutions reached"),
    "transport_report_JX_trips": ("468 次", "468"),
    "transport_report_JX_critical_newborns": ("407 次", "407"),
    "transport_report_JX_total_km": ("超过 10 万公里", "over 100,000"),
    "transport_report_JX_origins": ("70 余家（70–79）", "70-odd (70–79)"),
    "transport_report_yes": ("✓ 相符", "✓ agrees"),
    "transport_report_no": ("✗ 不符", "✗ does not agree"),
    "transport_monthly_title": ("各月转运次数与危重比例", "Trips per month and the critical share"),
    "transport_patient_newborn": ("新生儿", "Newborn"),
    "transport_patient_child": ("儿童", "Child"),
    "transport_outcome_admitted": ("入院", "Admitted"),
    "transport_outcome_transferred_on": ("继续转院", "Transferred on"),
    "transport_outcome_died_en_route": ("途中死亡", "Died en route"),
    "transport_critical_share": ("危重比例 %", "Critical share %"),
    "transport_map_title": ("转运路线与距离圈", "Routes and distance bands"),
    "transport_map_legend": ("图例", "Legend"),
    "transport_route_class": ("路线（{trips} 次）", "Route ({trips:trip|trips})"),
    "transport_origins": ("转出医院（圆点大小 = 次数）", "Sending hospitals (size = trips)"),
    "transport_centres": ("转运中心", "Transport centres"),
    "transport_band_ring": ("{km} km 圈", "{km} km ring"),
    "transport_map_note": (
        "线条从转出医院连到接收中心，颜色越深、越粗表示次数越多。虚线圈为各中心 50 / 100 / 200 km 大圆距离圈；"
        "未选中心时画出离本范围各区县最近的中心。",
        "Lines join each sending hospital to the receiving centre; darker and wider = more trips. "
        "Dashed rings are 50 / 100 / 200 km great-circle bands; without a chosen centre the centres "
        "nearest to the scope's counties are drawn.",
    ),
    "transport_bands_title": (
        "{scope}各距离圈内的儿童（区县代表点到最近中心）",
        "Children in each band, {scope} (county point to nearest centre)",
    ),
    "transport_bands_title_centre": (
        "{scope}各距离圈内的儿童（区县代表点到{centre}）",
        "Children in each band around {centre}, {scope} (county points)",
    ),
    "transport_beyond_title_centre": (
        "距{centre}超过 {km} km 的区县（{count} 个）",
        "Counties more than {km} km from {centre} ({count})",
    ),
    "transport_col_band": ("距离圈", "Band"),
    "transport_col_children_share": ("儿童占比", "Share of children"),
    "transport_band_within": ("{low}–{high} km", "{low}–{high} km"),
    "transport_band_beyond": ("{km} km 以外", "Beyond {km} km"),
    "transport_beyond_title": (
        "距最近转运中心超过 {km} km 的区县（{count} 个）",
        "Counties more than {km} km from the nearest centre ({count})",
    ),
    "transport_col_county": ("区县", "County"),
    "transport_col_city": ("所属地市", "Prefecture"),
    "transport_col_centre": ("最近中心", "Nearest centre"),
    "transport_col_distance": ("直线距离 km", "Great-circle km"),
    "transport_spread_title": ("里程与用时分布", "Distances and times"),
    "transport_hist_km": ("单程路线里程（每 {width} km 一组）", "Route km (bins of {width} km)"),
    "transport_hist_minutes": (
        "出车至送达（每 {width} 分钟一组）",
        "Dispatch to arrival (bins of {width} min)",
    ),
    "transport_box_km": ("里程 km", "km"),
    "transport_box_minutes": ("用时 分钟", "minutes"),
    "transport_outliers_title": ("异常转运：{count} 次", "Unusual trips: {count}"),
    "transport_outliers_rule": (
        "超过上四分位数 + 1.5 × 四分位距（Q3 + 1.5 IQR）的路线里程、用时或每公里用时，在所选范围与年份内分别计算；"
        "按每公里用时降序最多列出 {rows} 行。短途的每公里用时受固定交接时间影响偏高。",
        "Above Q3 + 1.5 IQR in route km, time, or minutes per km, each computed over the chosen scope "
        "and year; up to {rows:row|rows}, slowest per km first. Short trips have high minutes per km "
        "because of the fixed handover time.",
    ),
    "transport_no_outliers": ("没有超出界限的转运。", "No trip lies beyond the fences."),
    "transport_out_transfer_id": ("转运编号", "Transfer id"),
    "transport_out_dispatched_at": ("出车时间", "Dispatched"),
    "transport_out_from_hospital_id": ("转出医院编号", "From id"),
    "transport_out_from_name": ("转出医院", "From"),
    "transport_out_to_hospital_id": ("接收中心编号", "Centre id"),
    "transport_out_to_name": ("接收中心", "Centre"),
    "transport_out_patient": ("患者", "Patient"),
    "transport_out_critical": ("危重", "Critical"),
    "transport_out_distance_km": ("里程 km", "km"),
    "transport_out_duration_min": ("用时 分钟", "Minutes"),
    "transport_out_minutes_per_km": ("每公里分钟", "Min per km"),
    "transport_out_outcome": ("结局", "Outcome"),
    "transport_out_long_route": ("里程异常", "Long route"),
    "transport_out_long_time": ("用时异常", "Long time"),
    "transport_out_slow_pace": ("每公里用时异常", "Slow per km"),
}
