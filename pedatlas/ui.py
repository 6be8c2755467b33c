"""Page building blocks shared by every page: notices, copy-link, downloads, empty states, errors."""

import logging
import weakref
from contextlib import contextmanager
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pedatlas import (
    auth,
    chart_export,
    link_notices,
    map_traces,
    share,
    shell,
    tables,
    view,
)
from pedatlas.briefing import panels as briefing_panels
from pedatlas.present import builders as present_builders
from pedatlas.present import panels as present

log = logging.getLogger("pedatlas")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show_notices(container=st) -> None:
    """Say which link values were not used and what is shown instead (in words).

    app.py calls this after the page ran (into a container reserved above the page), so the
    values a page itself turned down (reject_link_value) are listed with the shell's.
    """
    page = st.session_state.get(view.PAGE, "")
    for notice in view.notices():
        name, value = link_notices.shown(notice.name), link_notices.shown(notice.value)
        if notice.default is None:
            text = view.t("notice_unknown_param", name=name, value=value)
        else:
            words = link_notices.default_words(page, notice.name, notice.default, view.t)
            reason = getattr(notice, "reason", "") or "notice_bad_param"
            text = view.t(reason, name=name, value=value, default=words)
        container.warning(text, icon=":material/warning:")


def reject_link_value(name: str, value, default, reason: str = "") -> None:
    """Record that the link's value for name is not used (a notice is shown; the link is cleaned).

    The caller records the value actually used (view.record), so the link written back no longer
    carries the rejected one. reason is an i18n key with {name}, {value}, {default}.
    """
    notices = st.session_state.setdefault(view.NOTICES, [])
    notice = link_notices.Rejected(name, str(value), default, reason)
    if notice not in notices:
        notices.append(notice)


def base_url() -> str:
    """The address of this page in the user's browser, without its query string."""
    url = getattr(st.context, "url", None) or ""
    return url.split("?", 1)[0]


def copy_link(page: str) -> None:
    """Reserve the share control (copy button, QR code) here; app.py fills it after the page ran.

    Drawing it now would offer the link as it was before the widgets further down the page (and
    map clicks) recorded this run's values: one interaction behind.
    """
    share.reserve(page)
    if page != briefing_panels.PAGE:
        # The briefing of the scope and year on screen, from every page that offers its link.
        briefing_panels.header_entry(view.value("region"), view.value("year"), view.lang())


def data_table(
    frame: pd.DataFrame, columns: list[tables.Column], note: tables.TableNote, key: str, **kwargs
) -> pd.DataFrame:
    """A table: name pinned first, the measure next, formatted by the grid; typed downloads.

    columns says which columns in which order and how each is shown; columns constant at this
    level are left out. Returns the table as shown (translated headers, raw values).
    """
    shown = tables.shown_columns(frame, columns)
    table = labelled_table(frame, shown)
    config = {column.title(view.t): grid_column(column, i == 0) for i, column in enumerate(shown)}
    kwargs.setdefault("width", "stretch")
    st.dataframe(table, hide_index=True, column_config=config, **kwargs)
    noted_downloads(table, note, key)
    return table


# Labelled tables of frames that outlive a run (data.shared_per_view): id -> (frame's weak
# reference, columns and language, table). Relabelling the same shared frame on every rerun was
# a tenth of a warm referrals run. An entry leaves when its frame is freed, before its id can
# be reused by another frame.
_LABELLED: dict[int, tuple[weakref.ref, tuple, pd.DataFrame]] = {}


def labelled_table(frame: pd.DataFrame, shown: list[tables.Column]) -> pd.DataFrame:
    """tables.labelled in the language shown, made once per frame, columns and language."""
    key, entry = (tuple(shown), view.lang()), _LABELLED.get(id(frame))
    if entry is not None and entry[0]() is frame and entry[1] == key:
        return entry[2]
    table = tables.labelled(frame, shown, view.t)
    ident = id(frame)
    _LABELLED[ident] = (weakref.ref(frame, lambda _: _LABELLED.pop(ident, None)), key, table)
    return table


def grid_column(column: tables.Column, pinned: bool):
    """The grid's setting for one column: its header, its format and width, pinned or not."""
    label, width = column.title(view.t), column.width or None
    if column.kind == "text":
        return st.column_config.TextColumn(label, width=width, pinned=pinned)
    if column.kind == "date":
        return st.column_config.DateColumn(label, width=width, pinned=pinned, format="YYYY-MM-DD")
    if column.kind == "datetime":
        time = "YYYY-MM-DD HH:mm"
        return st.column_config.DatetimeColumn(label, width=width, pinned=pinned, format=time)
    if column.kind == "check":
        return st.column_config.CheckboxColumn(label, width=width, pinned=pinned)
    number = column.grid_format()
    return st.column_config.NumberColumn(label, width=width, pinned=pinned, format=number)


def chart(
    figure: go.Figure,
    note: chart_export.ChartNote,
    container=None,
    *,
    config: dict | None = None,
    **kwargs,
):
    """Every chart of the app goes through here, full width, in projector mode with bigger text
    and markers and no taller than a screen.

    The note's title, and scope · year · source under it, are written into the figure, so a PNG
    saved from it (or a screenshot sent from a phone) says what it shows; the PNG is named for
    it, and the toolbar is one button (save as PNG) under which no title or legend runs.
    config: the base plotly config (map_traces' trimmed toolbar by default).

    The enlarged chart is a copy: figures cached per process (service areas, playback) are shared
    between sessions and must not grow with each projector view (stamping them is idempotent,
    see chart_export.stamped). Keys, on_select and selection_mode pass through; returns what
    plotly_chart returns (the selection event when on_select is set).
    """
    chart_export.stamped(figure, note)
    if present.active():
        figure = present_builders.enlarge_figure(go.Figure(figure))
    config = chart_export.export_config(config or map_traces.PLOTLY_CONFIG, note)
    kwargs.setdefault("width", "stretch")
    return (container or st).plotly_chart(figure, config=config, **kwargs)


def chart_note(
    title: str, region: str, year: object, scope_name: str = ""
) -> chart_export.ChartNote:
    """What a chart of this scope and year shows (scope in words unless given, e.g. an
    alliance; the app's data as source)."""
    scope_name = scope_name or shell.scope_name(region)
    return chart_export.ChartNote(title, scope_name, str(year), view.t("chart_source_short"))


def table_note(
    title: str, region: str, year: object, measure: str, source: str = ""
) -> tables.TableNote:
    """What a table of this scope and year shows (scope in words; the app's data by default)."""
    source = source or view.t("table_source_default")
    return tables.TableNote(title, shell.scope_name(region), str(year), measure, source)


def note_labels() -> dict[str, str]:
    """The translated names of the note sheet's facts."""
    keys = ("note", "field", "value", "title", "scope", "year", "measure", "source")
    return {name: view.t(f"table_note_{name}") for name in keys}


def noted_downloads(table: pd.DataFrame, note: tables.TableNote, key: str) -> None:
    """CSV and XLSX (data sheet named for its content + a note sheet), built when clicked;
    for analysts and admins (pedatlas.auth).

    Both go through pedatlas.safe_cells, so no cell of a download can become a live formula.
    The files are built only when a button is clicked (a callable as data): building both for
    every table on every rerun cost 0.3-0.5 s per table on the national build. A click does not
    rerun the page, and the file it asks for is made on the spot, so it cannot be dropped by a
    rerun that starts meanwhile (which is how eagerly built XLSX files 404'd under load)."""
    if not auth.can("download"):
        return
    stem = tables.file_stem(note.title, note.scope, note.year)
    labels = note_labels()
    left, right = st.columns(2)
    left.download_button(
        view.t("download_csv"),
        partial(tables.csv_bytes, table),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        icon=":material/download:",
        on_click="ignore",
    )
    right.download_button(
        view.t("download_xlsx"),
        partial(tables.xlsx_bytes, table, note, labels),
        file_name=f"{stem}.xlsx",
        key=f"{key}_xlsx",
        icon=":material/download:",
        mime=XLSX_MIME,
        on_click="ignore",
    )


def empty_state(message_key: str, **values) -> None:
    """An explanation in words where a chart or table would be empty."""
    st.info(view.t(message_key, **values), icon=":material/info:")


@contextmanager
def friendly_errors():
    """Show a plain message instead of a traceback; the details go to the server log."""
    # Streamlit's rerun/stop signals derive from BaseException and pass through untouched.
    try:
        yield
    except Exception as error:  # last line of defence: no traceback reaches a user
        log.exception("page failed")
        st.error(
            view.t("error_generic", detail=f"{type(error).__name__}: {error}"),
            icon=":material/error:",
        )
