"""Streamlit sections of the alliances page (they query and draw; the pure parts are in builders)."""

import pandas as pd
import streamlit as st

from pedatlas import data, fmt, i18n, ui, view
from pedatlas.alliances import builders as av
from pedatlas.alliances import growth_panel
from pedatlas.chart_export import ChartNote
from pedatlas.present import panels as present
from pedatlas.tables import TableNote

PAGE = "alliances"


def alliance_note(info: pd.Series, title_key: str, year, measure_key: str, **values) -> TableNote:
    """What a table of one alliance shows: the alliance is its scope."""
    name = info["name_en"] if view.lang() == "en" and pd.notna(info["name_en"]) else info["name"]
    title = view.t(title_key, **values)
    source = view.t("table_source_default")
    return TableNote(title, name, str(year), view.t(measure_key), source)


def alliance_chart_note(info: pd.Series, title: str, year) -> ChartNote:
    """What a chart of one alliance shows: the alliance is its scope."""
    name = info["name_en"] if view.lang() == "en" and pd.notna(info["name_en"]) else info["name"]
    return ui.chart_note(title, "", year, scope_name=name)


@data.shared_per_view()
def alliance_labels() -> dict[str, str]:
    """Alliance id -> 'name（id）' in the current language, synthetic ones tagged (made once per
    language and database: the pickers label every alliance on every run)."""
    rows, tag, lang = data.query("alliances/list"), view.t("alliances_synthetic_tag"), view.lang()
    labels = {}
    for row in rows.itertuples(index=False):
        name = row.name_en if lang == "en" and pd.notna(row.name_en) else row.name
        marked = row.is_synthetic and tag not in name
        labels[row.alliance_id] = (
            name + i18n.bracketed(row.alliance_id, lang) + (f" · {tag}" if marked else "")
        )
    return labels


def pick_alliance(alliances: pd.DataFrame, label) -> pd.Series:
    options = av.alliance_options(alliances)
    chosen = view.selectbox(
        "alliance", view.t("alliances_pick"), options, label, help=view.t("alliances_pick_help")
    )
    view.record("alliance", "" if chosen == options[0] else chosen)
    return alliances.set_index("alliance_id").loc[chosen].rename(chosen)


def show_profile(info: pd.Series, reach: pd.Series, members: int, year: int) -> None:
    t, synthetic = view.t, bool(info["is_synthetic"])
    note = (
        "synthetic_note"
        if synthetic
        else "reported_note"
        if reach["named_members"]
        else "reported_note_unnamed"
    )
    badge = (
        f":orange-badge[{t('alliances_badge_synthetic')}]"
        if synthetic
        else f":green-badge[{t('alliances_badge_reported')}]"
    )
    st.markdown(
        f"{badge} {t('alliances_' + note, source=info['source'], named=reach['named_members'])}"
    )
    st.markdown(
        t(
            "alliances_facts",
            core=info["core_name"],
            founded=pd.Timestamp(info["founded_on"]).date(),
            scope=t(f"alliances_scope_{info['scope']}"),
            kind=t(f"alliances_kind_{info['kind']}"),
            home=info["home_name"],
        )
    )
    columns = st.columns(4)
    columns[0].metric(
        t("alliances_metric_members", year=year),
        fmt.integer(reach["members"]),
        help=t("alliances_metric_members_help"),
    )
    columns[0].caption(av.published_text(info, t))
    columns[1].metric(
        t("alliances_metric_reach"),
        av.reach_text(reach["provinces"], reach["cities"], reach["counties"]),
    )
    columns[2].metric(
        t("alliances_metric_children"), fmt.big_number(reach["children"], view.lang())
    )
    columns[3].metric(t("alliances_metric_named"), fmt.integer(reach["named_members"]))
    figures, table = member_parts(info.name, year)
    for column, (field, figure) in zip(st.columns(3), figures.items(), strict=True):
        shows = alliance_chart_note(info, t("alliances_by_" + field), year)
        ui.chart(figure, shows, key=f"breakdown_{field}", container=column)
    st.caption(t("alliances_depth_caption"))
    with st.expander(t("alliances_members_expander", n=members)):
        about = alliance_note(info, "alliances_members_title", year, "alliances_col_cooperation")
        ui.data_table(table, av.MEMBER_COLUMNS, about, "members")


@data.shared_per_view()
def member_parts(alliance: str, year: int) -> tuple[dict, pd.DataFrame]:
    """The members by kind, tier and cooperation (a figure each) and the member table."""
    t, members = view.t, data.query("alliances/member_list", alliance=alliance, year=year)
    figures = {
        field: av.breakdown_figure(
            av.member_breakdown(members, field), field, av.value_translator(field, t)
        )
        for field in ("kind", "tier", "cooperation")
    }
    return figures, av.translated(av.member_table(members), t)


@data.shared_per_view()
def map_parts(alliance: str, year: int) -> dict:
    """The alliance's map, where it reaches (in words: one region or cross-region), what its
    recruitment gap is measured over (in words), the gap's counties and their coverage."""
    info = data.query("alliances/list").set_index("alliance_id").loc[alliance]
    members = data.query("alliances/member_list", alliance=alliance, year=year)
    counties = data.query("alliances/map_counties", alliance=alliance, year=year)
    layer, scopes = av.map_scopes(counties, info["home_adcode"])
    features = av.merge_features([data.features(layer, s) for s in scopes], counties["adcode"])
    # Linked, not embedded: the figure carries the served file's URL instead of the shapes.
    key = (layer, tuple(scopes), tuple(counties["adcode"]))
    features["url"] = data.published_url(features, "alliance_map", *key)
    provinces = (
        av.merge_features([data.features("province")], scopes) if layer == "county" else None
    )
    figure = av.alliance_map(
        features, counties, members, av.map_labels(view.t), view.lang(), provinces
    )
    return {
        "figure": figure,
        "region": view.t("alliances_map_region_cross") if len(scopes) > 1 else info["home_name"],
        "gap_region": gap_region_name(counties, info["home_name"]),
        "gap": av.recruitment_gap(counties),
        "cover": av.region_coverage(counties),
    }


def show_map(info: pd.Series, year: int) -> None:
    st.subheader(view.t("alliances_map_title"))
    parts = map_parts(info.name, year)
    gap_region = parts["gap_region"]
    st.caption(view.t("alliances_map_caption", region=parts["region"], home=gap_region))
    about = alliance_chart_note(info, view.t("alliances_map_title"), year)
    ui.chart(parts["figure"], about, key=f"map_{info.name}")
    gap = parts["gap"]
    if gap.empty:
        ui.empty_state("alliances_gap_empty", home=gap_region)
        return
    cover = parts["cover"]
    children = fmt.big_number(cover["gap_children"], view.lang())
    st.markdown(
        view.t(
            "alliances_coverage",
            home=gap_region,
            children=children,
            **{k: cover[k] for k in ("counties", "covered", "gap")},
        )
    )
    st.markdown(f"**{view.t('alliances_gap_title')}**")
    note = alliance_note(info, "alliances_gap_title", year, "alliances_col_children_county")
    ui.data_table(gap, av.GAP_COLUMNS, note, "gap")


@data.shared_per_view()
def growth_parts(alliance: str) -> dict:
    """Members joined per year and outreach by activity (frames and figures; a figure is None
    when there is nothing to draw), the outreach totals as shown and outreach by year wide."""
    t = view.t
    growth = data.query("alliances/growth", alliance=alliance)
    outreach = data.query("alliances/outreach", alliance=alliance)
    labels = {
        "joined": t("alliances_joined"),
        "members": t("alliances_members_year_end"),
        "year": t("alliances_year"),
        "events": t("alliances_events"),
        "activity": av.value_translator("activity", t),
    }
    totals = av.outreach_totals(outreach, alliance)
    return {
        "growth": growth,
        "growth_figure": None if growth["joined"].sum() == 0 else av.growth_figure(growth, labels),
        "outreach": outreach,
        "outreach_figure": None if outreach.empty else av.outreach_figure(outreach, labels),
        "totals": av.totals_shown(totals, t),
        "published": bool(totals["published"].notna().any()),
        "outreach_wide": av.outreach_wide(outreach),
    }


def show_growth(info: pd.Series) -> None:
    t = view.t
    st.subheader(t("alliances_growth_title"))
    parts = growth_parts(info.name)
    growth, outreach = parts["growth"], parts["outreach"]
    left, right = st.columns(2)
    with left:
        if parts["growth_figure"] is None:
            left.markdown(f"**{t('alliances_growth_chart_title')}**")
            ui.empty_state("alliances_growth_empty")
        else:
            years = f"{growth['year'].min()}–{growth['year'].max()}"
            about = alliance_chart_note(info, t("alliances_growth_chart_title"), years)
            ui.chart(parts["growth_figure"], about, key="growth")
    with right:
        if parts["outreach_figure"] is None:
            right.markdown(f"**{t('alliances_outreach_title')}**")
            ui.empty_state("alliances_outreach_empty")
            return
        years = f"{outreach['year'].min()}–{outreach['year'].max()}"
        about = alliance_chart_note(info, t("alliances_outreach_title"), years)
        ui.chart(parts["outreach_figure"], about, key="outreach")
    if present.active():  # tables only from here: a projector shows none (one idea per screen)
        return
    st.markdown(f"**{t('alliances_totals_title')}**")
    if parts["published"]:
        st.caption(t(f"alliances_published_{info.name}"))
    st.caption(t("alliances_totals_caption"))
    years = f"{growth['year'].min()}–{growth['year'].max()}"
    note = alliance_note(info, "alliances_totals_title", years, "alliances_col_total")
    ui.data_table(parts["totals"], av.TOTAL_COLUMNS, note, "totals", width="content")
    with st.expander(t("alliances_tables_expander")):
        for frame, columns, stem, title, measure in (
            (
                growth,
                av.GROWTH_COLUMNS,
                "growth",
                "alliances_growth_chart_title",
                "alliances_members_year_end",
            ),
            (
                parts["outreach_wide"],
                av.OUTREACH_COLUMNS,
                "outreach",
                "alliances_outreach_title",
                "alliances_events",
            ),
        ):
            ui.data_table(frame, columns, alliance_note(info, title, years, measure), stem)


@data.shared_per_view()
def compare_table(year: int, chosen: tuple[str, ...]) -> pd.DataFrame:
    """The chosen alliances side by side in year: reach, members and activity."""
    alliances = data.query("alliances/list")
    reach = data.query("alliances/reach", year=year)
    activity = data.query("alliances/activity", year=year)
    return av.compare_table(alliances, reach, activity, list(chosen), view.lang())


@data.shared_per_view()
def reach_and_members(alliance: str, year: int) -> tuple[pd.Series, int]:
    """The alliance's reach in year (members, provinces, cities, counties, children, named
    members) and how many members it lists then."""
    reach = data.query("alliances/reach", year=year).set_index("alliance_id").loc[alliance]
    members = data.query("alliances/member_list", alliance=alliance, year=year)
    return reach, len(members)


def show_compare(alliances: pd.DataFrame, label, year: int) -> None:
    st.subheader(view.t("alliances_compare_title", year=year))
    options, default = list(alliances["alliance_id"]), av.reported_ids(alliances)
    ids, _ = av.compare_choice(view.value("compare"), options, default)
    chosen = view.multiselect("compare", view.t("alliances_compare_pick"), options, ids, label)
    view.record("compare", av.compare_value(chosen, default))
    if not chosen:
        ui.empty_state("alliances_compare_empty")
        return
    table = compare_table(year, tuple(chosen))
    title = view.t("alliances_compare_title", year=year)
    source = view.t("table_source_default")
    note = TableNote(
        title, view.t("scope_national"), str(year), view.t("alliances_col_members"), source
    )
    ui.data_table(table, av.COMPARE_SHOWN, note, "compare")
    st.caption(view.t("alliances_compare_caption", year=year))


def show_alliance(alliances: pd.DataFrame, year: int) -> None:
    label = alliance_labels().__getitem__
    info = pick_alliance(alliances, label)
    with ui.friendly_errors():
        growth_panel.show_playback(info)
    reach, members = reach_and_members(info.name, year)
    if not members:
        founded = pd.Timestamp(info["founded_on"]).date()
        ui.empty_state("alliances_not_founded", year=year, founded=founded)
    else:
        with ui.friendly_errors():
            show_profile(info, reach, members, year)
        with ui.friendly_errors():
            show_map(info, year)
    with ui.friendly_errors():
        show_growth(info)
    if not present.active():  # a table and its picker: nothing for a projector
        with ui.friendly_errors():
            show_compare(alliances, label, year)


def gap_region_name(counties, home_name: str) -> str:
    """What the recruitment gap is measured over, in words: the home region, or the footprint."""
    summary = av.region_summary(counties)
    if summary["kind"] == "home":
        return home_name
    return view.t(
        "alliances_gap_footprint",
        home=home_name,
        cities=summary["cities"],
        provinces=summary["provinces"],
    )
