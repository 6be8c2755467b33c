"""Streamlit sections of the referrals page (they query and draw; the pure parts are in builders)."""

import pandas as pd
import streamlit as st

from pedatlas import data, fmt, footprint, geometry, map_traces, scope, shell, ui, view
from pedatlas.chart_export import ChartNote
from pedatlas.metrics import service_areas
from pedatlas.referrals import builders

PAGE = "referrals"


def focus_controls(region: str) -> tuple[str, str]:
    """Alliance and hospital pickers (both optional); returns their ids ('' = any)."""
    names = alliance_names()
    left, right = st.columns(2)
    alliance = view.selectbox(
        "alliance",
        view.t("referrals_alliance"),
        ["", *names],
        lambda a: names.get(a) or view.t("referrals_any_alliance"),
        container=left,
    )
    options = hospital_options(region, alliance)
    linked = view.value("hospital")
    if linked and linked not in options:
        found = data.query("referrals/hospital", hospital=linked)
        if not found.empty:
            options = {linked: f"{found['name'].iloc[0]} · {found['tier'].iloc[0]}", **options}
    hospital = view.selectbox(
        "hospital",
        view.t("referrals_hospital"),
        ["", *options],
        lambda h: options.get(h) or view.t("referrals_any_hospital"),
        container=right,
    )
    return alliance, hospital


@data.shared_per_view()
def alliance_names() -> dict[str, str]:
    """Alliance id -> name in the language shown, in the list's order."""
    alliances = data.query("referrals/alliance_list")
    column = "name_en" if view.lang() == "en" else "name"
    return dict(zip(alliances["alliance_id"].tolist(), alliances[column].tolist(), strict=True))


@data.shared_per_view()
def hospital_options(region: str, alliance: str) -> dict[str, str]:
    """Hospital id -> "name · tier" of the hospitals offered for this scope and alliance (the
    national list has thousands: building it from the query's columns cost ~70 ms a rerun)."""
    hospitals = data.query("referrals/hospital_list", scope=region, alliance=alliance)
    labels = (hospitals["name"] + " · " + hospitals["tier"]).tolist()
    return dict(zip(hospitals["hospital_id"].tolist(), labels, strict=True))


def chart_note(title: str, filters: dict) -> ChartNote:
    """What a chart of the referral page shows: the scope narrowed to the chosen alliance or
    hospital, if any (a saved flow map of one alliance must not read as the whole province's)."""
    scope_name = shell.scope_name(filters["scope"])
    if filters["hospital"]:
        found = data.query("referrals/hospital", hospital=filters["hospital"])
        scope_name += f" · {found['name'].iloc[0]}" if not found.empty else ""
    elif filters["alliance"]:
        alliances = data.query("referrals/alliance_list").set_index("alliance_id")
        column = "name_en" if view.lang() == "en" else "name"
        scope_name += f" · {alliances[column].get(filters['alliance'], filters['alliance'])}"
    return ui.chart_note(title, filters["scope"], filters["year"], scope_name)


@data.shared_per_view()
def volume_parts(filters: dict) -> dict:
    """Totals by direction, the monthly chart (None when there is nothing), where referrals stay."""
    monthly = data.query("referrals/monthly", **filters)
    totals = builders.direction_totals(monthly)
    figure = None
    if totals["all"]:
        figure = builders.monthly_figure(builders.monthly_directions(monthly), view.t, view.lang())
    shares = data.query("referrals/shares", **filters)
    return {
        "totals": totals,
        "figure": figure,
        "share": builders.share_totals(shares),
        "table": builders.share_table(shares, view.t),
    }


def show_volumes(filters: dict) -> None:
    parts = volume_parts(filters)
    totals = parts["totals"]
    columns = st.columns(4)
    for column, key in zip(columns, ("up", "down", "lateral"), strict=False):
        column.metric(view.t(f"referrals_dir_{key}"), fmt.integer(totals[key]))
    columns[3].metric(
        view.t("referrals_ratio"),
        fmt.rate(totals["down_up_ratio"]),
        help=view.t("referrals_ratio_help"),
    )
    if parts["figure"] is None:
        ui.empty_state("referrals_empty")
        return
    ui.chart(parts["figure"], chart_note(view.t("referrals_monthly_title"), filters))
    st.subheader(view.t("referrals_stay_title"))
    share = parts["share"]
    for column, key in zip(
        st.columns(3), ("same_alliance", "same_county", "same_province"), strict=True
    ):
        column.metric(view.t(f"referrals_kpi_{key}"), fmt.percent(share[key]))
    note = table_note("referrals_stay_title", filters, "referrals_col_referrals")
    ui.data_table(parts["table"], builders.SHARE_COLUMNS, note, "shares")
    st.caption(view.t("referrals_stay_note"))


def table_note(title_key: str, filters: dict, measure_key: str):
    """What a table of the referral page shows: its title, the scope and year, the measure."""
    return ui.table_note(view.t(title_key), filters["scope"], filters["year"], view.t(measure_key))


def base_layers(region: str, layer: str) -> list:
    """Grey regions of the scope under a flow map (plus Taiwan/HK/Macau and the sea line nationally)."""
    return [map_traces.base_trace(data.features(layer, region)), *national_extras(region)]


def national_extras(region: str) -> list:
    """Taiwan/Hong Kong/Macau and the South China Sea line on national maps, nothing otherwise."""
    if region:
        return []
    return map_traces.background(None, data.features("context"), data.features("sea_line"), view.t)


def show_flow_map(filters: dict, region: str, scope_kind: str) -> None:
    st.subheader(view.t("referrals_map_title"))
    left, middle, right = st.columns([2, 1, 2])
    level = view.radio(
        "flow_level",
        view.t("referrals_flow_level"),
        ("province", "city", "hospital"),
        lambda v: view.t(f"referrals_unit_{v}"),
        container=left,
        horizontal=True,
    )
    top = view.selectbox(
        "top", view.t("referrals_top"), (10, 20, 30, 50, 100, 200), container=middle
    )
    least = view.select_slider(
        "min", view.t("referrals_min"), (0, 10, 50, 100, 500, 1000, 5000), container=right
    )
    parts = flow_map_parts(filters, region, scope_kind, level, top, least)
    if parts["corridors"] is None:
        ui.empty_state("referrals_no_corridors", least=least)
    else:
        figure, table = parts["corridors"]
        ui.chart(figure, chart_note(view.t("referrals_map_title"), filters))
        st.caption(view.t("referrals_map_note"))
        note = table_note("referrals_map_title", filters, "referrals_col_referrals")
        ui.data_table(table, builders.CORRIDOR_COLUMNS, note, "corridors")
    unit = parts["unit"]
    title = view.t("referrals_net_title", unit=view.t(f"referrals_unit_{unit}"))
    st.subheader(title)
    if parts["net"] is None:
        ui.empty_state("referrals_empty")
        return
    figure, table = parts["net"]
    ui.chart(figure, chart_note(title, filters))
    note = ui.table_note(title, filters["scope"], filters["year"], view.t("referrals_col_net"))
    ui.data_table(table, builders.REGION_FLOW_COLUMNS, note, "net")


@data.shared_per_view()
def flow_map_parts(
    filters: dict, region: str, scope_kind: str, level: str, top: int, least: int
) -> dict:
    """The corridor map and table (None when no corridor passes), the unit of the net-flow map,
    and that map and table (None when there were no referrals)."""
    corridors = data.query(
        "referrals/corridors", **filters, level=level, top=top, min_referrals=least
    )
    parts: dict = {"corridors": None, "net": None}
    if not corridors.empty:
        home = region[:2] + "0000" if region else ""
        leaves = (
            not region or (corridors[["from_province", "to_province"]] != home).to_numpy().any()
        )
        layer = "city" if scope_kind == "province" else "county_fine"
        base = base_layers("", "province") if leaves else base_layers(region, layer)
        figure = builders.corridor_figure(corridors, base, view.t)
        if filters["alliance"] or filters["hospital"]:
            # A chosen alliance or hospital: show its corridors, not a blob on the national map.
            footprint.zoom_to_footprint(
                figure,
                [*corridors["from_lon"], *corridors["to_lon"]],
                [*corridors["from_lat"], *corridors["to_lat"]],
            )
        parts["corridors"] = (figure, builders.corridor_table(corridors, view.t))
    unit = "city" if level == "hospital" or scope_kind != "national" else "province"
    parts["unit"] = unit
    regions = data.query("referrals/region_flows", **filters, level=unit)
    if not regions.empty:
        map_scope = "" if unit == "province" or not region else region[:2] + "0000"
        extras = national_extras(map_scope)
        figure = builders.net_flow_figure(regions, data.features(unit, map_scope), extras, view.t)
        provinces = data.query("common/region_list").set_index("adcode")["name"].to_dict()
        parts["net"] = (figure, builders.region_flow_table(regions, provinces))
    return parts


@data.shared_per_view()
def level_parts(filters: dict) -> tuple | None:
    """The care-level Sankey and its table (None when there were no referrals)."""
    tiers = data.query("referrals/tiers", **filters)
    if tiers.empty:
        return None
    return builders.sankey_figure(tiers, view.t), builders.tier_table(tiers, view.t)


def show_levels(filters: dict) -> None:
    st.subheader(view.t("referrals_levels_title"))
    parts = level_parts(filters)
    if parts is None:
        ui.empty_state("referrals_empty")
        return
    figure, (table, columns) = parts
    ui.chart(figure, chart_note(view.t("referrals_levels_title"), filters))
    with st.expander(view.t("referrals_levels_rule_title")):
        st.markdown(view.t("referrals_levels_rule"))
    note = table_note("referrals_levels_title", filters, "referrals_col_referrals")
    ui.data_table(table, columns, note, "levels")


# A resource (one shared object per process, never changed) rather than data: st.cache_data
# unpickled the merged national layer again on every rerun. The user's scope is part of the key
# because the shapes query is scoped.
@st.cache_resource(show_spinner=False, max_entries=24)
def _merged(identity, user_scope: str, layer: str, region: str, groups: tuple, tolerance: float):
    collection = geometry.dissolved_features(
        data.query("common/shapes", layer=layer, scope=region), dict(groups), tolerance
    )
    url = data.published_url(collection, layer, region, groups, tolerance)
    return {**collection, "url": url}


def merged(identity, layer: str, region: str, groups: tuple, tolerance: float) -> dict:
    """A boundary layer merged by group (cached: merging the national counties takes a moment).

    It carries "url" (served by the app), so figures link it instead of embedding it.
    """
    return _merged(identity, data.current_scope(), layer, region, groups, tolerance)


def group_map(shown, group, county_hover, group_hover: dict, region: str, layer: str, missing: str):
    """Counties coloured by group (neighbouring groups differ); nationally the groups merged into one shape each."""
    colour = builders.area_colours(shown.assign(unit=group.to_numpy()), "unit")
    identity = data.current_identity()
    if region:
        features, frame, colours, hover = data.features(layer, region), shown, colour, county_hover
        borders = data.features("city", region)
    else:
        pairs = tuple(zip(shown["adcode"], group.fillna(""), strict=True))
        features = merged(identity, layer, "", pairs, 0.04)
        ids = [feature["id"] for feature in features["features"]]
        first = dict(zip(group.dropna(), colour.dropna(), strict=True))
        frame = pd.DataFrame({"adcode": ids})
        colours, hover = frame["adcode"].map(first), [group_hover.get(i, missing) for i in ids]
        borders = merged(
            identity,
            layer,
            "",
            tuple(zip(shown["adcode"], shown["province_adcode"], strict=True)),
            0.04,
        )
    return builders.category_map(
        features, frame, colours, hover, national_extras(region), borders, missing, view.lang()
    )


# The service-area maps are the same for everyone looking at the same year, scope and language;
# computing them (plurality rule, colouring, hover text, figures) took seconds per rerun nationally.
# Resources: shared per process and never changed (st.plotly_chart only reads a figure).
@st.cache_resource(show_spinner=False, max_entries=32)
def _area_inputs(identity, user_scope: str, year: int, region: str) -> dict:
    county_flows = data.query("referrals/county_flows", year=year)
    areas = service_areas.plurality_areas(county_flows)
    index = service_areas.localization_index(county_flows, areas).set_index("area")
    counties = data.query("referrals/counties", scope="")
    local = service_areas.county_localization(county_flows, areas).set_index("county")
    counties = counties.assign(
        area=counties["adcode"].map(areas.set_index("county")["area"]),
        li=counties["adcode"].map(local["localization_index"]),
    )
    shown = (
        counties
        if not region
        else counties.loc[
            (counties["province_adcode"] == region) | (counties["city_adcode"] == region)
        ]
    )
    return {"areas": areas, "index": index, "counties": counties, "shown": shown}


def area_inputs(year: int, region: str) -> dict:
    """Service areas, their localization index and the counties shown (cached per scope)."""
    return _area_inputs(data.current_identity(), data.current_scope(), year, region)


@st.cache_resource(show_spinner=False, max_entries=32)
def _areas_figure(identity, user_scope: str, lang: str, year: int, region: str, scope_kind: str):
    inputs = area_inputs(year, region)
    index, counties, shown = inputs["index"], inputs["counties"], inputs["shown"]
    names = counties.drop_duplicates("city_adcode").set_index("city_adcode")["city_name"]
    no_area, li_label = view.t("referrals_no_area"), view.t("referrals_col_li")
    county_hover = [
        f"<b>{n}</b><br>{view.t('referrals_col_area')}: {names.get(a, no_area)}<br>{li_label}: {fmt.percent(li)}"
        for n, a, li in zip(shown["name"], shown["area"], shown["li"], strict=True)
    ]
    area_hover = {
        a: f"<b>{names.get(a, a)}</b><br>{view.t('referrals_col_counties')}: {int(row.counties)}<br>{li_label}: {fmt.percent(row.localization_index)}"
        for a, row in index.iterrows()
    }
    layer = scope.boundary_layer(scope_kind, "county")
    return group_map(shown, shown["area"], county_hover, area_hover, region, layer, no_area)


@st.cache_resource(show_spinner=False, max_entries=32)
def _compare_figure(
    identity, user_scope: str, lang: str, year: int, region: str, scope_kind: str, compare: str
):
    shown = area_inputs(year, region)["shown"]
    if compare == "admin":
        group, labels = (
            shown["city_adcode"],
            dict(zip(shown["city_adcode"], shown["city_name"], strict=False)),
        )
    else:
        footprint = data.query("referrals/footprints", year=year, scope=region).set_index(
            "county_adcode"
        )
        group = shown["adcode"].map(footprint["alliance_id"])
        column = "alliance_name_en" if lang == "en" else "alliance_name"
        labels = dict(zip(footprint["alliance_id"], footprint[column], strict=False))
    missing = view.t("referrals_no_member")
    hover = [
        f"<b>{n}</b><br>{labels.get(g, missing)}" for n, g in zip(shown["name"], group, strict=True)
    ]
    layer = scope.boundary_layer(scope_kind, "county")
    return group_map(
        shown, group, hover, {g: f"<b>{labels[g]}</b>" for g in labels}, region, layer, missing
    )


@data.shared_per_view()
def area_table(year: int, region: str) -> pd.DataFrame:
    """The service areas of the scope with their localization index (one row per area)."""
    inputs = area_inputs(year, region)
    index, shown = inputs["index"], inputs["shown"]
    in_scope = index.loc[index.index.isin(set(shown["area"].dropna()))].reset_index()
    return builders.area_table(in_scope, inputs["areas"], inputs["counties"])


def show_service_areas(year: int, region: str, scope_kind: str) -> None:
    st.subheader(view.t("referrals_areas_title"))
    key = (data.current_identity(), data.current_scope(), view.lang(), year, region, scope_kind)
    left, right = st.columns(2)
    left.markdown(f"**{view.t('referrals_areas_map')}**")
    # The cached figures are shared; their key holds all the note says (stamping is idempotent).
    areas_note = ui.chart_note(view.t("referrals_areas_title"), region, year)
    ui.chart(_areas_figure(*key), areas_note, key="areas_map", container=left)
    compare = view.radio(
        "compare",
        view.t("referrals_compare"),
        ("admin", "alliance"),
        lambda v: view.t(f"referrals_compare_{v}"),
        container=right,
        horizontal=True,
    )
    compare_note = ui.chart_note(view.t(f"referrals_compare_{compare}"), region, year)
    ui.chart(_compare_figure(*key, compare), compare_note, key="compare_map", container=right)
    table = area_table(year, region)
    note = ui.table_note(view.t("referrals_areas_title"), region, year, view.t("referrals_col_li"))
    ui.data_table(table, builders.AREA_COLUMNS, note, "areas")
    with st.expander(view.t("referrals_areas_method_title")):
        st.markdown(view.t("referrals_areas_method"))
