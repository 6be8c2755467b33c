"""Shared wording of numbers: change bases, small populations, legend notes, trend words."""

STRINGS = {
    "delta_vs_previous_year": ("较上年", "vs previous year"),
    "delta_vs_year": ("与 {year} 年相比", "vs {year}"),
    "delta_vs_before": ("与现状相比", "vs current sites"),
    "delta_unchanged": ("持平", "unchanged"),
    "delta_wrap": ("（{base}）", " ({base})"),
    "small_population_legend": (
        "儿童少于{threshold}，比率不稳定",
        "Fewer than {threshold:child|children}: unstable rate",
    ),
    "small_population_hover": (
        "儿童少于{threshold}：比率不稳定，不参与分级与排名",
        "Fewer than {threshold:child|children}: unstable rate, not classed or ranked",
    ),
    "small_population_flag": ("儿童少于{threshold}", "fewer than {threshold:child|children}"),
    "small_population_left_out": (
        "{count} 个儿童少于{threshold}的地区未参与排名（比率不稳定）：{names}。",
        "Not ranked (unstable rates), with fewer than {threshold:child|children}: "
        "{count:region|regions}, {names}.",
    ),
    "small_population_map_note": (
        "{count} 个儿童少于{threshold}的地区以灰蓝色单独标出，不参与分级（比率不稳定，悬停可见原值）。",
        "Regions with fewer than {threshold:child|children} ({count}) are marked in blue-grey and left out of the classes "
        "(unstable rates; hover for the raw value).",
    ),
    "legend_target_outside": (
        "目标值 {target} 不在本图数据范围（{low} – {high}）内，按目标分级无从区分，已改用分位数分级。",
        "The target {target} lies outside this map's range ({low} – {high}), so classes around it would "
        "not tell regions apart; quantiles are used instead.",
    ),
    "legend_no_target": (
        "按目标分级只用于儿科医师密度与目标达成率，本指标已改用分位数分级。",
        "Classes around the target apply only to physician density and the share of the target met; "
        "this measure uses quantiles.",
    ),
    "col_rate_note": ("备注", "Note"),
}
