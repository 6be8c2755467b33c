"""Streamlit sections of the transport page (they query and draw; the pure parts are in builders)."""

import streamlit as st

from pedatlas import data, fmt, footprint, map_traces, shell, ui, view
from pedatlas.chart_export import ChartNote
from pedatlas.present import panels as present
from pedatlas.tables import TableNote
from pedatlas.transport import builders

PAGE = "transport"


KM_BIN, MINUTES_BIN, OUTLIER_ROWS = 25, 30, 300


def centre_picker(year: int, region: str, points) -> str:
    """The receiving centre ('' = all); a linked centre unknown to the database falls back with a notice."""
    centres = data.query("transport/centres", year=year, scope=region)
    options = {
        h: f"{n} · {fmt.integer(k)}"
        for h, n, k in zip(centres["hospital_id"], centres["name"], centres["trips"], strict=True)
    }
    linked = view.value("centre")
    known = dict(zip(points["hospital_id"], points["name"], strict=True))
    if linked and linked not in options and linked in known:
        options = {linked: f"{known[linked]} · 0", **options}
    return view.selectbox(
        "centre",
        view.t("transport_centre"),
        ["", *options],
        lambda c: options.get(c) or view.t("transport_all_centres"),
    )


def show_headlines(summary) -> None:
    trips = int(summary["trips"])
    first, second = st.columns(3), st.columns(3)
    first[0].metric(view.t("transport_trips"), fmt.integer(trips))
    first[1].metric(
        view.t("transport_critical_newborns"),
        fmt.integer(summary["critical_newborns"]),
        help=view.t("transport_critical_newborns_help"),
    )
    first[1].caption(
        view.t("transport_share_of_trips", share=fmt.percent(summary["critical_newborns"] / trips))
    )
    first[2].metric(view.t("transport_total_km"), fmt.km(summary["total_km"]))
    first[2].caption(view.t("transport_km_per_trip", km=fmt.km(summary["km_per_trip"], 1)))
    second[0].metric(
        view.t("transport_duration"),
        view.t("transport_minutes", minutes=fmt.integer(summary["duration_median"])),
        help=view.t("transport_duration_help"),
    )
    second[0].caption(
        view.t("transport_duration_p90", minutes=fmt.integer(summary["duration_p90"]))
    )
    second[1].metric(view.t("transport_origins_reached"), fmt.integer(summary["origins"]))
    second[2].metric(view.t("transport_critical_all"), fmt.percent(summary["critical"] / trips))
    second[2].caption(
        view.t("transport_newborn_share", share=fmt.percent(summary["newborns"] / trips))
    )


def chart_note(title: str, filters: dict) -> ChartNote:
    """What a chart of this page shows (its PNG says so): title, scope, year, source."""
    return ui.chart_note(title, filters["scope"], filters["year"])


@data.shared_per_view()
def monthly_figure(filters: dict):
    """Trips by month, stacked by patient group, with the share critical as a line."""
    monthly = builders.transport_monthly_table(data.query("transport/monthly", **filters))
    return builders.transport_monthly_figure(monthly, view.t, view.lang())


def show_monthly(filters: dict) -> None:
    figure = monthly_figure(filters)
    ui.chart(figure, chart_note(view.t("transport_monthly_title"), filters))


def show_report(year: int, region: str, centre: str, points) -> None:
    """A report about the chosen centre and year against the data, as the alliances page does for
    outreach; with no centre chosen, a pointer to the reported centre when it serves the scope."""
    names = dict(zip(points["hospital_id"], points["name"], strict=True))
    if not centre:
        for known in builders.PUBLISHED_TRANSPORT:
            rows = points.loc[points["name"] == known.centre]
            if (
                known.year == year
                and not rows.empty
                and region[:2] in ("", *(rows["province_adcode"].str[:2]))
            ):
                st.caption(view.t("transport_report_hint", centre=known.centre, year=year))
        return
    report = builders.published_for(names.get(centre, ""), year)
    if report is None:
        return
    summary = data.query("transport/summary", year=year, scope="", centre=centre).iloc[0]
    title = view.t("transport_report_title", centre=report.centre, year=year)
    st.markdown(f"**{title}**")
    source = view.t(f"transport_report_{report.key}")
    st.caption(f"{source} {view.t('transport_report_scope')}")
    table = builders.report_comparison(summary, report, view.t)
    note = TableNote(title, report.centre, str(year), view.t("transport_report_col_data"), source)
    ui.data_table(table, builders.REPORT_COLUMNS, note, "report", width="content")


def band_setting(region: str, centre: str, points):
    """(counties, centres) for the bands: the scope's counties (the centre's province when a centre
    is picked nationally) against the picked centre, or else their nearest centre."""
    if centre:
        centres = points.loc[points["hospital_id"] == centre]
        area = region or centres["province_adcode"].iloc[0]
    else:
        centres, area = points, region
    counties = builders.nearest_centres(data.query("transport/counties", scope=area), centres)
    return counties, centres.loc[centres["hospital_id"].isin(set(counties["centre_id"]))], area


@data.shared_per_view()
def map_parts(filters: dict) -> dict:
    """The route map, its area ('' = national), the centre picked (name, '' = all), the counties
    by distance band and those beyond the last band (with their centre's name)."""
    points = data.query("transport/centre_points")
    counties, centres, area = band_setting(filters["scope"], filters["centre"], points)
    routes = data.query("transport/routes", **filters)
    national = not area
    layer = "province" if national else ("city" if area.endswith("0000") else "county_fine")
    base = map_traces.background(
        data.features(layer, area),
        data.features("context") if national else None,
        data.features("sea_line") if national else None,
        view.t,
    )
    figure = builders.route_figure(
        routes, centres, base, builders.band_traces(centres, view.t), view.t
    )
    if filters["centre"]:
        # One centre: show its routes, wherever they come from, not its province or all China.
        footprint.zoom_to_footprint(
            figure,
            [*routes["from_lon"], *routes["to_lon"], *centres["lon"]],
            [*routes["from_lat"], *routes["to_lat"], *centres["lat"]],
        )
    beyond = counties.loc[counties["distance_km"] > builders.BAND_KM[-1]].sort_values(
        "distance_km", ascending=False
    )
    names = dict(zip(points["hospital_id"], points["name"], strict=True))
    return {
        "figure": figure,
        "area": area,
        "picked": centres["name"].iloc[0] if filters["centre"] and not centres.empty else "",
        "bands": builders.band_summary(counties, view.t),
        "beyond": beyond.assign(centre=beyond["centre_id"].map(names)),
    }


def show_map(filters: dict) -> None:
    st.subheader(view.t("transport_map_title"))
    parts = map_parts(filters)
    area = parts["area"]
    ui.chart(parts["figure"], ui.chart_note(view.t("transport_map_title"), area, filters["year"]))
    st.caption(view.t("transport_map_note"))
    if present.active():  # the tables under the map: not on a projector (one idea per screen)
        return
    left, right = st.columns([2, 3])
    picked = parts["picked"]
    suffix = "_centre" if picked else ""
    scope_name, year = shell.scope_name(area), str(filters["year"])
    title = view.t("transport_bands_title" + suffix, scope=scope_name, centre=picked)
    left.markdown(f"**{title}**")
    note = TableNote(
        title, scope_name, year, view.t("col_children"), view.t("table_source_default")
    )
    with left:
        ui.data_table(parts["bands"], builders.BAND_COLUMNS, note, "bands")
    beyond, km = parts["beyond"], builders.BAND_KM[-1]
    title = view.t("transport_beyond_title" + suffix, km=km, count=len(beyond), centre=picked)
    right.markdown(f"**{title}**")
    measure = view.t("transport_col_distance")
    note = TableNote(title, scope_name, year, measure, view.t("table_source_default"))
    with right:
        ui.data_table(beyond, builders.BEYOND_COLUMNS, note, "beyond", height=320)


@data.shared_per_view()
def distribution_parts(filters: dict) -> dict:
    """Per measure (km, minutes): its histogram and box plot with their titles; the unusual
    trips (their total, and the table of the first OUTLIER_ROWS; None when there are none)."""
    bins = data.query("transport/histogram", **filters, km_bin=KM_BIN, minutes_bin=MINUTES_BIN)
    spread = data.query("transport/spread", **filters)
    charts = {}
    for measure, width, color in (("km", KM_BIN, "#3182bd"), ("minutes", MINUTES_BIN, "#e6550d")):
        title = view.t(f"transport_hist_{measure}", width=width)
        box_title = view.t(f"transport_box_{measure}")
        charts[measure] = (
            (title, builders.histogram_figure(bins, measure, width, title, color)),
            (f"{title} · {box_title}", builders.box_figure(spread, measure, box_title, color)),
        )
    outliers = data.query("transport/outliers", **filters, limit=OUTLIER_ROWS)
    table = None
    if not outliers.empty:
        table = outliers.assign(
            patient=outliers["patient"].map(lambda p: view.t(f"transport_patient_{p}")),
            outcome=outliers["outcome"].map(lambda o: view.t(f"transport_outcome_{o}")),
        )
    total = int(outliers["outliers"].iloc[0]) if not outliers.empty else 0
    return {"charts": charts, "outliers": total, "table": table}


def show_distributions(filters: dict) -> None:
    st.subheader(view.t("transport_spread_title"))
    parts = distribution_parts(filters)
    columns = st.columns([3, 1.3, 3, 1.3])
    for (hist, box), measure in zip(
        ((columns[0], columns[1]), (columns[2], columns[3])), ("km", "minutes"), strict=True
    ):
        for container, (title, figure) in zip((hist, box), parts["charts"][measure], strict=True):
            ui.chart(figure, chart_note(title, filters), container=container)
    if present.active():  # the unusual trips are a table: not on a projector
        return
    title = view.t("transport_outliers_title", count=fmt.integer(parts["outliers"]))
    st.markdown(f"**{title}**")
    st.caption(view.t("transport_outliers_rule", rows=OUTLIER_ROWS))
    if parts["table"] is None:
        ui.empty_state("transport_no_outliers")
        return
    measure = view.t("transport_out_minutes_per_km")
    note = ui.table_note(title, filters["scope"], filters["year"], measure)
    ui.data_table(parts["table"], builders.OUTLIER_COLUMNS, note, "outliers")
