"""The alliances page's growth playback: alliances spreading over the map, year by year."""

import pandas as pd
import streamlit as st

from pedatlas import data, fmt, shell, ui, view
from pedatlas.alliances import growth

MODES = ("", "all", "alliance")  # off, every alliance in the sidebar's scope, the chosen alliance


def playback_scope(mode: str, info: pd.Series, region: str) -> tuple[str, str]:
    """(scope adcode, alliance id) the playback shows."""
    if mode == "all":
        return region, ""
    cross = info["scope"] == "跨省"
    return ("" if cross else str(info["home_adcode"])[:2] + "0000"), str(info.name)


def playback_years(members: pd.DataFrame) -> list[int]:
    """From the first year anyone joined to the last data year."""
    last = int(data.query("common/resource_years")["year"].max())
    first = int(pd.to_datetime(members["joined_on"]).dt.year.min())
    return list(range(min(first, last), last + 1))


def frame_title(lang: str):
    def title(row: dict) -> str:
        return view.t(
            "growth_frame_title",
            year=row["year"],
            alliances=fmt.integer(row["alliances"]),
            hospitals=fmt.integer(row["hospitals"]),
            counties=fmt.integer(row["counties_covered"]),
            children=fmt.big_number(row["children_covered"], lang),
            share=fmt.percent(row["coverage_share"]),
        )

    return title


def labels() -> dict:
    keys = ("hospitals", "new", "earlier", "play", "pause", "year")
    texts = {key: view.t(f"growth_{key}") for key in keys}
    return texts | {
        "context": view.t("context_regions"),
        "sea_line": view.t("sea_line"),
        "colon": view.t("punct_colon"),
    }


def playback_figure(area: str, alliance: str):
    """The animated map, or None when nobody in the scope ever joined an alliance."""
    members = data.query("alliances/spread", scope=area, alliance=alliance)
    if members.empty:
        return None
    counties = data.query("alliances/scope_counties", scope=area)
    national = area == ""
    layer = "county" if national else "county_fine"
    figure = growth.growth_animation(
        data.geojson_url(layer, area),
        counties,
        members,
        playback_years(members),
        labels(),
        frame_title(view.lang()),
        context=data.features("context") if national else None,
        sea_line=data.features("sea_line") if national else None,
    )
    return figure


def show_playback(info: pd.Series) -> None:
    """The mode picker and, unless off, the animated map of the alliances' spread."""
    region = view.value("region")
    names = {
        "": view.t("growth_mode_off"),
        "all": view.t("growth_mode_all", scope=shell.scope_name(region)),
        "alliance": view.t("growth_mode_alliance"),
    }
    mode = view.radio(
        "playback",
        view.t("growth_mode"),
        MODES,
        names.__getitem__,
        horizontal=True,
        help=view.t("growth_mode_help"),
    )
    if not mode:
        return
    area, alliance = playback_scope(mode, info, region)
    st.subheader(view.t("growth_title", scope=shell.scope_name(area)))
    figure = playback_figure(area, alliance)
    if figure is None:
        st.info(view.t("growth_empty"), icon=":material/info:")
        return
    years = f"{figure.frames[0].name}–{figure.frames[-1].name}" if figure.frames else ""
    note = ui.chart_note(figure.layout.title.text, area, years)
    ui.chart(figure, note, key="playback")
    st.caption(view.t("growth_caption"))
