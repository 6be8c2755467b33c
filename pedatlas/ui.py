"""Page building blocks shared by every page: notices, copy-link, downloads, empty states, errors."""

import logging
from contextlib import contextmanager
from functools import partial

import pandas as pd
import streamlit as st

from pedatlas import auth, safe_cells, share, view

log = logging.getLogger("pedatlas")


def show_notices() -> None:
    """Say which link parameters were not understood and what is shown instead."""
    for notice in view.notices():
        if notice.default is None:
            st.warning(
                view.t("notice_unknown_param", name=notice.name, value=notice.value),
                icon=":material/warning:",
            )
        else:
            default = notice.default if notice.default not in ("", None) else view.t("default_word")
            st.warning(
                view.t("notice_bad_param", name=notice.name, value=notice.value, default=default),
                icon=":material/warning:",
            )


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


def table_downloads(frame: pd.DataFrame, stem: str, key: str) -> None:
    """CSV (UTF-8 with BOM, opens in Excel) and XLSX downloads of exactly the table shown.

    Both go through pedatlas.safe_cells, so no cell of a download can become a live formula.
    The files are built only when a button is clicked (a callable as data): building both for
    every table on every rerun cost 0.3-0.5 s per table on the national build. A click does not
    rerun the page, and the file it asks for is made on the spot, so it cannot be dropped by a
    rerun that starts meanwhile (which is how eagerly built XLSX files 404'd under load).
    Downloads are for analysts and admins (pedatlas.auth); viewers see the table only.
    """
    if not auth.can("download"):
        return
    left, right = st.columns(2)
    left.download_button(
        view.t("download_csv"),
        partial(safe_cells.csv_bytes, frame),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        icon=":material/download:",
        on_click="ignore",
    )
    right.download_button(
        view.t("download_xlsx"),
        partial(xlsx_bytes, frame),
        file_name=f"{stem}.xlsx",
        key=f"{key}_xlsx",
        icon=":material/download:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """frame as an Excel workbook (formula-safe)."""
    return safe_cells.xlsx_bytes(frame, sheet)


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
