"""The alliances page's pure parts: choices, profile figures, gap table, comparison metrics, figures.

Everything here takes query results (DataFrames) and labels, and returns values, tables or plotly
figures; nothing reads Streamlit state. Text comes in through ``labels`` dicts built by the page.
"""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pedatlas import classify, figure_layout, fmt, map_traces
from pedatlas.tables import Column
from pedatlas.tiers import COOPERATION_DEPTH, KINDS, TIER_RANK

ACTIVITIES = ("expert_clinic", "lecture", "trainee", "technique", "remote_consult")
COMPARE_NONE = "-"  # the compare parameter's value when nothing is chosen
# Published outreach since founding (DOMAIN.md): (figure, "at_least" | "about").
PUBLISHED_OUTREACH = {
    "BD": {
        "expert_clinic": (1200, "at_least"),
        "lecture": (180, "at_least"),
        "technique": (30, "at_least"),
    },
    "JX": {"trainee": (2000, "about")},
}
ABOUT_TOLERANCE = 0.1  # "about N" is met within ±10%
DEPTH_COLORS = {0: "#9ecae1", 1: "#4292c6", 2: "#2171b5", 3: "#08519c", 4: "#08306b"}
DEPTH_SYMBOLS = {"联合门诊": "square", "托管": "diamond"}  # tell apart values sharing a depth
CORE_COLOR = "#d62728"
DENSITY_PALETTE = ["#fff7ec", "#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59"]
FOOTPRINT_LINE = "#08306b"
GAP_LINE = "#e31a1c"
TRANSPARENT = [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]]
COMPARE_COLUMNS = (
    "alliance_id",
    "name",
    "members",
    "counties",
    "children",
    "referrals_sent",
    "referrals_per_1000",
    "downward_share",
    "transports",
    "transport_km",
)


VALUE_PREFIXES = {
    "kind": "kind_",
    "tier": "tier_",
    "cooperation": "alliances_coop_",
    "role": "alliances_role_",
    "activity": "alliances_activity_",
}
HEADINGS = {
    "hospital_id": "alliances_col_hospital_id",
    "name": "alliances_col_hospital",
    "kind": "alliances_col_kind",
    "tier": "alliances_col_tier",
    "role": "alliances_col_role",
    "cooperation": "alliances_col_cooperation",
    "joined_on": "alliances_col_joined",
    "is_named": "alliances_col_named",
    "province_name": "alliances_col_province",
    "city_name": "alliances_col_city",
    "county_name": "alliances_col_county",
    "county_adcode": "alliances_col_adcode",
    "adcode": "alliances_col_adcode",
    "children": "alliances_col_children_county",
    "children_per_km2": "alliances_col_density",
    "activity": "alliances_col_activity",
    "total": "alliances_col_total",
    "published": "alliances_col_published",
    "met": "alliances_col_check",
    "year": "alliances_year",
    "joined": "alliances_joined",
    "departed": "alliances_col_departed",
    "members": "alliances_members_year_end",
}
# The comparison as shown: the alliance pinned, its members next (tables.Column).
COMPARE_SHOWN = [
    Column("name", "alliances_col_alliance", keep=True),
    Column("members", "alliances_col_members", "integer", keep=True),
    Column("counties", "alliances_col_counties", "integer", keep=True),
    Column("children", "alliances_col_children", "integer", keep=True),
    Column("referrals_sent", "alliances_col_referrals", "integer", keep=True),
    Column("referrals_per_1000", "alliances_col_per_1000", "decimal", 2, keep=True),
    Column("downward_share", "alliances_col_down_share", "percent", keep=True),
    Column("transports", "alliances_col_transports", "integer", keep=True),
    Column("transport_km", "alliances_col_km", "km", keep=True),
    Column("alliance_id", "alliances_col_id", keep=True),
]


# --- text ----------------------------------------------------------------------------------


def value_translator(field: str, t):
    """Translator (value -> text) for the coded values of one column, given t(key)."""
    return lambda value: t(VALUE_PREFIXES[field] + str(value))


def translated(table: pd.DataFrame, t) -> pd.DataFrame:
    """The table with its coded values (kind, tier, role, activity, named ...) in the language of
    t(key); the headings are the tables.Column lists' (MEMBER_COLUMNS ...)."""
    table = table.copy()
    for field in VALUE_PREFIXES:
        if field in table:
            table[field] = table[field].map(value_translator(field, t))
    if "is_named" in table:
        table["is_named"] = table["is_named"].map(
            lambda v: t("alliances_yes" if v else "alliances_no")
        )
    return table


def heading(key: str, kind: str = "text", keep: bool = False, digits: int = 2) -> Column:
    """The column key of the alliance tables, headed as HEADINGS says."""
    return Column(key, HEADINGS[key], kind, digits, keep=keep)


# The members as shown: the hospital pinned, how it cooperates next, its county with its city.
MEMBER_COLUMNS = [
    heading("name", keep=True),
    heading("cooperation", keep=True),
    *(heading(key) for key in ("role", "kind", "tier")),
    heading("joined_on", "date"),
    *(heading(key) for key in ("is_named", "county_name", "city_name", "province_name")),
    *(heading(key) for key in ("hospital_id", "county_adcode")),
]
# The recruitment gap: the county pinned, its children next, its city, density, code.
GAP_COLUMNS = [
    Column("name", "alliances_col_county", keep=True),
    heading("children", "integer", keep=True),
    heading("city_name"),
    heading("children_per_km2", "decimal", digits=1),
    heading("adcode"),
]
GROWTH_COLUMNS = [
    heading("year", "year", keep=True),
    heading("members", "integer", keep=True),
    heading("joined", "integer", keep=True),
    heading("departed", "integer", keep=True),
]
OUTREACH_COLUMNS = [heading("year", "year", keep=True)] + [
    Column(activity, f"alliances_activity_{activity}", "integer", keep=True)
    for activity in ACTIVITIES
]
# Outreach totals: the activity pinned, the total in the data next, then the published figure,
# how it was stated (at least / about) and whether the data meet it (left out when none was).
TOTAL_COLUMNS = [
    heading("activity", keep=True),
    heading("total", "integer", keep=True),
    heading("published", "integer"),
    Column("stated", "alliances_col_stated"),
    heading("met"),
]


def map_labels(t) -> dict:
    """The map's legend and hover texts, given t(key)."""
    keys = (
        "density",
        "footprint",
        "gap",
        "links",
        "core",
        "hover_gap",
        "hover_no_member",
    )
    return {key: t(f"alliances_{key}") for key in keys} | {
        "hover_members": lambda n: t("alliances_hover_members", n=n),
        "children": t("alliances_col_children_county"),
        "no_data": t("no_data"),
        "joined": t("alliances_joined_on"),
        "kind": value_translator("kind", t),
        "tier": value_translator("tier", t),
        "cooperation": value_translator("cooperation", t),
        "colon": t("punct_colon"),
        "paren": lambda text: t("punct_paren", text=text),
    }


def published_text(info: pd.Series, t) -> str:
    """The published member count as said under the counted one."""
    if pd.isna(info["published_members"]):
        return t("alliances_published_none")
    key = "alliances_published_target" if info["is_synthetic"] else "alliances_published"
    return t(key, n=fmt.integer(info["published_members"]))


def totals_shown(totals: pd.DataFrame, t) -> pd.DataFrame:
    """Outreach totals as shown (TOTAL_COLUMNS): the published figure a number, how it was
    stated and the check in words; the published columns are left out when none was published."""
    shown = translated(totals, t).assign(
        stated=[
            t(f"alliances_{kind}") if isinstance(kind, str) else None
            for kind in totals["published_kind"]
        ],
        met=[
            None if pd.isna(m) else t("alliances_met_yes" if m else "alliances_met_no")
            for m in totals["met"]
        ],
    )
    return shown.drop(columns="published_kind")


# --- choices -------------------------------------------------------------------------------


def reported_ids(alliances: pd.DataFrame) -> list[str]:
    """Ids of the reported (non-synthetic) alliances, in list order (largest first)."""
    return list(alliances.loc[~alliances["is_synthetic"].astype(bool), "alliance_id"])


def default_alliance(alliances: pd.DataFrame) -> str:
    """The largest reported alliance (else the first one listed; '' when there are none)."""
    reported = reported_ids(alliances)
    if reported:
        return reported[0]
    return str(alliances["alliance_id"].iloc[0]) if not alliances.empty else ""


def alliance_options(alliances: pd.DataFrame) -> list[str]:
    """Alliance ids for the picker: the default first, then the list order."""
    ids = list(alliances["alliance_id"])
    first = default_alliance(alliances)
    return [first, *[i for i in ids if i != first]] if first else ids


def compare_choice(text: str, known: list[str], default: list[str]) -> tuple[list[str], bool]:
    """(ids to compare, understood) from the compare parameter; unknown ids give the default."""
    if text == "":
        return list(default), True
    if text == COMPARE_NONE:
        return [], True
    ids = list(dict.fromkeys(text.split(",")))
    if all(i in known for i in ids):
        return ids, True
    return list(default), False


def compare_value(chosen: list[str], default: list[str]) -> str:
    """The compare parameter for a selection ('' = the default, '-' = nothing)."""
    if list(chosen) == list(default):
        return ""
    return ",".join(chosen) if chosen else COMPARE_NONE


# --- profile -------------------------------------------------------------------------------


def depth_rank(cooperation: str) -> int:
    """Cooperation depth (普通成员 0 … 合作办院 4, core 5); unknown values rank lowest."""
    return COOPERATION_DEPTH.get(cooperation, -1)


def _order_key(column: str):
    if column == "cooperation":
        return lambda value: (depth_rank(value), value)
    if column == "tier":
        return lambda value: (-TIER_RANK.get(value, -1), value)
    if column == "kind":
        return lambda value: (KINDS.index(value) if value in KINDS else len(KINDS), value)
    return lambda value: value


def member_breakdown(members: pd.DataFrame, column: str) -> pd.DataFrame:
    """Non-core members counted by one column (kind, tier, cooperation, role), in natural order."""
    rows = members.loc[members["role"] != "core", column]
    counts = rows.value_counts()
    order = sorted(counts.index, key=_order_key(column))
    return pd.DataFrame({column: order, "members": [int(counts[v]) for v in order]})


def breakdown_figure(breakdown: pd.DataFrame, column: str, label) -> go.Figure:
    """Horizontal bars of members per value of column (first value on top)."""
    colors = (
        [DEPTH_COLORS.get(depth_rank(v), "#888") for v in breakdown[column]]
        if column == "cooperation"
        else "#4292c6"
    )
    figure = go.Figure(
        go.Bar(
            x=breakdown["members"],
            y=[label(v) for v in breakdown[column]],
            orientation="h",
            marker_color=colors,
            text=breakdown["members"],
            textposition="auto",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure_layout.update_layout(
        figure,
        height=70 + 30 * max(len(breakdown), 1),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        yaxis={"autorange": "reversed"},
        xaxis={"rangemode": "tozero"},
        showlegend=False,
    )
    return figure


def reach_text(provinces: int, cities: int, counties: int) -> str:
    """'4 / 11 / 52': provinces, cities and counties reached."""
    return f"{int(provinces)} / {int(cities)} / {int(counties)}"


def member_table(members: pd.DataFrame) -> pd.DataFrame:
    """The member list as shown: core first, then by depth (deepest first) and joining date."""
    table = members.assign(depth=members["cooperation"].map(depth_rank))
    table = table.sort_values(["depth", "joined_on", "hospital_id"], ascending=[False, True, True])
    columns = [
        "hospital_id",
        "name",
        "kind",
        "tier",
        "role",
        "cooperation",
        "joined_on",
        "is_named",
        "province_name",
        "city_name",
        "county_name",
        "county_adcode",
    ]
    table = table[columns].reset_index(drop=True)
    table["joined_on"] = pd.to_datetime(table["joined_on"]).dt.date
    return table


# --- map and recruitment gap ---------------------------------------------------------------


# The gap is measured over the home region for an alliance whose members all lie there, and over
# its footprint (home region + every prefecture-level city holding a member) for one that reaches
# beyond it: 淮海经济区儿科联盟 (home 徐州市) has members in 11 cities of 4 provinces.


def gap_region(counties: pd.DataFrame) -> pd.Series:
    """Which counties (rows of alliance_map_counties) the gap is measured over."""
    member_cities = set(counties.loc[counties["members"] > 0, "city_adcode"])
    return counties["in_home"].astype(bool) | counties["city_adcode"].isin(member_cities)


def reaches_beyond_home(counties: pd.DataFrame) -> bool:
    """Whether any member lies outside the home region."""
    return bool(((counties["members"] > 0) & ~counties["in_home"].astype(bool)).any())


def region_summary(counties: pd.DataFrame) -> dict:
    """The gap region in numbers: kind ('home' or 'footprint'), its cities and provinces."""
    region = counties.loc[gap_region(counties)]
    return {
        "kind": "footprint" if reaches_beyond_home(counties) else "home",
        "cities": region["city_adcode"].nunique(),
        "provinces": region["province_adcode"].nunique(),
    }


def recruitment_gap(counties: pd.DataFrame) -> pd.DataFrame:
    """Counties of the gap region without a member, most children first."""
    gap = counties.loc[gap_region(counties) & (counties["members"] == 0)]
    gap = gap.sort_values(["children", "adcode"], ascending=[False, True], na_position="last")
    columns = ["adcode", "name", "city_name", "children", "children_per_km2"]
    return gap[columns].reset_index(drop=True)


def region_coverage(counties: pd.DataFrame) -> dict:
    """Counties of the gap region, those with a member, and the children in the gap."""
    region = counties.loc[gap_region(counties)]
    gap = region.loc[region["members"] == 0]
    return {
        "counties": len(region),
        "covered": int((region["members"] > 0).sum()),
        "gap": len(gap),
        "gap_children": int(gap["children"].fillna(0).sum()),
    }


def map_scopes(counties: pd.DataFrame, home_adcode: str) -> tuple[str, list[str]]:
    """(boundary layer, scopes to fetch): the home region finely, or its provinces coarsely."""
    provinces = sorted(set(counties["province_adcode"]))
    inside = (counties["province_adcode"] == home_adcode) | (counties["city_adcode"] == home_adcode)
    if inside.all():
        return "county_fine", [home_adcode]
    return ("county_fine" if len(provinces) == 1 else "county"), provinces


def merge_features(collections: list[dict], ids=None) -> dict:
    """One FeatureCollection from several, keeping only features whose id is in ids (if given)."""
    keep = None if ids is None else set(ids)
    features = [
        feature
        for collection in collections
        for feature in collection["features"]
        if keep is None or feature["id"] in keep
    ]
    return {"type": "FeatureCollection", "features": features}


def density_text(value) -> str:
    """Children per km²: one decimal below 10, whole numbers above."""
    if pd.isna(value):
        return fmt.DASH
    return fmt.rate(value, 1) if value < 10 else fmt.integer(value)


def density_palette(classes: int) -> list[str]:
    """classes warm colours from light to dark for children per km²."""
    picks: np.ndarray | list[int] = (
        np.linspace(0, len(DENSITY_PALETTE) - 1, classes).round().astype(int) if classes else []
    )
    return [DENSITY_PALETTE[i] for i in picks]


def county_hover(counties: pd.DataFrame, labels: dict, lang: str) -> np.ndarray:
    """Hover text per county: name, children, density, members (or the gap)."""
    lines = []
    for row, in_region in zip(counties.itertuples(), gap_region(counties), strict=True):
        members = (
            labels["hover_members"](int(row.members))
            if row.members
            else labels["hover_gap"]
            if in_region
            else labels["hover_no_member"]
        )
        lines.append(
            f"<b>{row.name}</b>{labels['paren'](row.city_name)}<br>{labels['children']}{labels['colon']}"
            f"{fmt.big_number(row.children, lang)}<br>{labels['density']}{labels['colon']}"
            f"{density_text(row.children_per_km2)}<br>{members}"
        )
    return np.array(lines, dtype=object)


def _outline_traces(features, counties, mask, color, width, name, hover) -> list:
    """Counties outlined in color, plus a legend entry (a transparent area shows no swatch)."""
    outline = go.Choropleth(
        geojson=map_traces.geojson_source(features),
        locations=list(counties.loc[mask, "adcode"]),
        z=np.ones(int(mask.sum())),
        featureidkey="id",
        colorscale=TRANSPARENT,
        showscale=False,
        marker_line_color=color,
        marker_line_width=width,
        name=name,
        legendgroup=name,
        showlegend=False,
        hovertext=list(hover[mask.to_numpy()]),
        hoverinfo="text",
    )
    legend = go.Scattergeo(
        lon=[None],
        lat=[None],
        mode="markers",
        name=name,
        legendgroup=name,
        hoverinfo="skip",
        marker={"symbol": "square-open", "size": 13, "color": color, "line": {"width": width}},
    )
    return [outline, legend]


def _province_outline(features) -> go.Choropleth:
    ids = [feature["id"] for feature in features["features"]]
    return go.Choropleth(
        geojson=map_traces.geojson_source(features),
        locations=ids,
        z=np.ones(len(ids)),
        featureidkey="id",
        colorscale=TRANSPARENT,
        showscale=False,
        marker_line_color="#555",
        marker_line_width=1.3,
        hoverinfo="skip",
        showlegend=False,
    )


def link_lines(members: pd.DataFrame) -> tuple[list, list]:
    """(lon, lat) of straight lines from the core to every other member, None-separated."""
    core = members.loc[members["role"] == "core"]
    if core.empty:
        return [], []
    core_lon, core_lat = float(core["lon"].iloc[0]), float(core["lat"].iloc[0])
    lon, lat = [], []
    for row in members.loc[members["role"] != "core"].itertuples():
        lon += [core_lon, float(row.lon), None]
        lat += [core_lat, float(row.lat), None]
    return lon, lat


def member_hover(members: pd.DataFrame, labels: dict) -> pd.Series:
    """Hover text per member hospital."""
    return members.apply(
        lambda m: (
            f"<b>{m['name']}</b><br>{labels['kind'](m['kind'])} · {labels['tier'](m['tier'])}"
            f"<br>{m['county_name']}{labels['paren'](m['city_name'])}"
            f"<br>{labels['cooperation'](m['cooperation'])}"
            f" · {labels['joined']} {pd.Timestamp(m['joined_on']).date()}"
        ),
        axis=1,
    )


def member_traces(members: pd.DataFrame, labels: dict) -> list[go.Scattergeo]:
    """Members as markers coloured by cooperation depth (one trace per value), the core as a star."""
    hover = member_hover(members, labels) if not members.empty else pd.Series(dtype=str)
    traces = []
    values = sorted(set(members["cooperation"]) - {"核心"}, key=lambda v: (depth_rank(v), v))
    for value in values:
        group = members.loc[(members["cooperation"] == value) & (members["role"] != "core")]
        if group.empty:
            continue
        traces.append(
            go.Scattergeo(
                lon=group["lon"],
                lat=group["lat"],
                mode="markers",
                name=f"{labels['cooperation'](value)}{labels['paren'](len(group))}",
                marker={
                    "size": 7 + 1.5 * max(depth_rank(value), 0),
                    "color": DEPTH_COLORS.get(depth_rank(value), "#888"),
                    "symbol": DEPTH_SYMBOLS.get(value, "circle"),
                    "line": {"width": 0.6, "color": "#fff"},
                },
                hovertext=hover.loc[group.index],
                hoverinfo="text",
                customdata=group["hospital_id"],
            )
        )
    core = members.loc[members["role"] == "core"]
    if not core.empty:
        marker = {
            "size": 18,
            "color": CORE_COLOR,
            "symbol": "star",
            "line": {"width": 1, "color": "#fff"},
        }
        traces.append(map_traces.site_markers(core, labels["core"], marker, hover.loc[core.index]))
    return traces


def alliance_map(
    features: dict,
    counties: pd.DataFrame,
    members: pd.DataFrame,
    labels: dict,
    lang: str,
    provinces: dict | None = None,
) -> go.Figure:
    """Child density by county, footprint and gap outlines, core-to-member lines, members."""
    # nullable integer columns (a county without census population) become NaN floats
    counties = counties.reset_index(drop=True).astype(
        {"children": float, "children_per_km2": float}
    )
    density = counties["children_per_km2"]
    bins = classify.class_bins(density, "quantiles")
    classes = classify.class_index(density, bins)
    class_labels = classify.class_labels(bins, density, density_text)
    colors = density_palette(len(class_labels))
    hover = county_hover(counties, labels, lang)
    figure = go.Figure()
    figure.add_trace(map_traces.class_trace(features, counties, classes, colors, hover))
    counts = classify.class_counts(classes, len(class_labels))
    missing = int((classes == -1).sum())
    figure.add_traces(
        map_traces.legend_entries(
            class_labels, colors, counts, labels["no_data"], missing, labels["paren"]
        )
    )
    if provinces is not None and provinces["features"]:
        figure.add_trace(_province_outline(provinces))
    footprint = counties["members"] > 0
    gap = gap_region(counties) & ~footprint
    for mask, color, width, key in (
        (footprint, FOOTPRINT_LINE, 1.6, "footprint"),
        (gap, GAP_LINE, 2.4, "gap"),
    ):
        if mask.any():
            name = f"{labels[key]}{labels['paren'](int(mask.sum()))}"
            figure.add_traces(_outline_traces(features, counties, mask, color, width, name, hover))
    lon, lat = link_lines(members)
    if lon:
        line = {"width": 0.8, "color": "rgba(60,60,60,0.45)"}
        figure.add_trace(map_traces.path_trace(lon, lat, labels["links"], line))
    for trace in member_traces(members, labels):
        figure.add_trace(trace)
    return map_traces.geo_layout(figure, height=660, legend_title=labels["density"])


# --- growth and outreach -------------------------------------------------------------------


def growth_figure(growth: pd.DataFrame, labels: dict) -> go.Figure:
    """Members joining per year (bars) and members at year end (line, right axis)."""
    figure = go.Figure()
    figure.add_trace(
        go.Bar(x=growth["year"], y=growth["joined"], name=labels["joined"], marker_color="#9ecae1")
    )
    figure.add_trace(
        go.Scatter(
            x=growth["year"],
            y=growth["members"],
            name=labels["members"],
            mode="lines+markers",
            line={"color": "#08519c", "width": 2.5},
            yaxis="y2",
        )
    )
    figure_layout.update_layout(
        figure,
        height=400,
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        hovermode="x unified",
        xaxis={"dtick": 1, "title": labels["year"]},
        yaxis={"title": labels["joined"], "rangemode": "tozero"},
        yaxis2={
            "title": labels["members"],
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
            "showgrid": False,
            "tickmode": "auto",
        },
        legend={"orientation": "h", "y": -0.25, "x": 0},
    )
    return figure


def outreach_wide(outreach: pd.DataFrame) -> pd.DataFrame:
    """Outreach as one row per year and one column per activity (0 where nothing happened)."""
    wide = outreach.pivot_table(
        index="year", columns="activity", values="events", aggfunc="sum", fill_value=0
    )
    wide = wide.reindex(columns=list(ACTIVITIES), fill_value=0).astype(int)
    return wide.reset_index().rename_axis(columns=None)


def outreach_figure(outreach: pd.DataFrame, labels: dict) -> go.Figure:
    """Outreach per year, one line per activity."""
    wide = outreach_wide(outreach)
    figure = go.Figure()
    for activity in ACTIVITIES:
        figure.add_trace(
            go.Scatter(
                x=wide["year"],
                y=wide[activity],
                mode="lines+markers",
                name=labels["activity"](activity),
            )
        )
    figure_layout.update_layout(
        figure,
        height=400,
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        hovermode="x unified",
        xaxis={"dtick": 1, "title": labels["year"]},
        yaxis={"title": labels["events"], "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.25, "x": 0},
    )
    return figure


def published_met(total: int, figure: int, kind: str) -> bool:
    """Whether the data reproduce a published figure ('at_least' N, or 'about' N within 10%)."""
    if kind == "at_least":
        return total >= figure
    return abs(total - figure) <= ABOUT_TOLERANCE * figure


def outreach_totals(outreach: pd.DataFrame, alliance_id: str) -> pd.DataFrame:
    """Totals since founding per activity, with the published figure and whether it is met."""
    totals = outreach.groupby("activity")["events"].sum()
    published = PUBLISHED_OUTREACH.get(alliance_id, {})
    rows = []
    for activity in ACTIVITIES:
        total = int(totals.get(activity, 0))
        figure, kind = published.get(activity, (None, None))
        met = None if figure is None or kind is None else published_met(total, figure, kind)
        rows.append((activity, total, figure, kind, met))
    return pd.DataFrame(rows, columns=["activity", "total", "published", "published_kind", "met"])


# --- comparison ----------------------------------------------------------------------------


def safe_share(part, whole) -> float:
    """part / whole, NaN when whole is 0 or missing."""
    if whole is None or pd.isna(whole) or float(whole) == 0:
        return float("nan")
    return float(part) / float(whole)


def referrals_per_1000(sent, children) -> float:
    """Referrals sent by members per 1,000 children in the covered counties."""
    return 1000 * safe_share(sent, children)


def downward_share(up, down) -> float:
    """down / (up + down) among referrals sent or received by members."""
    return safe_share(down, up + down)


def compare_table(
    alliances: pd.DataFrame, reach: pd.DataFrame, activity: pd.DataFrame, ids: list[str], lang: str
) -> pd.DataFrame:
    """One row per chosen alliance (in the order chosen) with the comparison measures, raw
    (COMPARE_SHOWN formats them on screen)."""
    frame = (
        alliances.set_index("alliance_id")[["name", "name_en"]]
        .join(reach.set_index("alliance_id"))
        .join(activity.set_index("alliance_id"))
    )
    frame = frame.loc[[i for i in ids if i in frame.index]].reset_index()
    if lang == "en":
        frame["name"] = frame["name_en"].fillna(frame["name"])
    frame["referrals_per_1000"] = [
        referrals_per_1000(s, c)
        for s, c in zip(frame["referrals_sent"], frame["children"], strict=True)
    ]
    frame["downward_share"] = [
        downward_share(u, d) for u, d in zip(frame["up"], frame["down"], strict=True)
    ]
    frame["transport_km"] = frame["transport_km"].astype(float)
    return frame[list(COMPARE_COLUMNS)]
