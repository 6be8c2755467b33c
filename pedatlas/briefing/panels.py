"""The briefing in the app: the header entry point on every page and the 简报 page's controls.

Page-level helpers (they draw with streamlit); the content itself comes from the pure builders.
Queries go through data.query, so the app's cache and the user's data scope apply.
"""

from datetime import date

import streamlit as st

from pedatlas import auth, data, view
from pedatlas.briefing.generate import BriefingError, build_briefing, file_name
from pedatlas.briefing.model import Request
from pedatlas.briefing.output import FORMATS, render
from pedatlas.briefing.pdf import RendererError
from pedatlas.i18n import translate

PAGE = "briefing"
MIME = {"html": "text/html", "pdf": "application/pdf"}
FILE = "_briefing_file"


def may_make_briefings() -> bool:
    """Analysts and admins only: the one gate for every briefing control (roles from pedatlas.auth)."""
    return auth.can("briefing")


def generate(
    region: str, year: int, lang: str, file_format: str, ui_lang: str
) -> tuple[str, bytes]:
    """(file name, bytes) of the briefing, with a progress bar while it is built."""
    bar = st.progress(0.0, text=translate("brief_progress_start", ui_lang))
    today = date.today()
    briefing = build_briefing(
        data.query,
        Request(region, year, lang),
        today,
        lambda fraction, message: bar.progress(min(fraction, 0.9), text=message),
    )
    bar.progress(0.92, text=translate("brief_progress_render", ui_lang, format=file_format.upper()))
    content = render(briefing, file_format)
    bar.empty()
    return file_name(briefing.scope, today, file_format), content


def controls(region: str, year: int, lang: str, file_format: str, ui_lang: str, key: str) -> None:
    """A generate button, its progress, then the download of the file just made."""
    if not may_make_briefings():
        return
    wanted = (region, year, lang, file_format)
    if st.button(
        translate("brief_generate", ui_lang),
        key=f"{key}_generate",
        icon=":material/description:",
        type="primary",
    ):
        try:
            name, content = generate(region, year, lang, file_format, ui_lang)
        except (BriefingError, RendererError) as error:
            st.error(translate("brief_failed", ui_lang, reason=error))
            return
        st.session_state[FILE] = (wanted, name, content)
    made = st.session_state.get(FILE)
    if made and made[0] == wanted:
        _, name, content = made
        st.download_button(
            translate("brief_download", ui_lang, name=name),
            content,
            file_name=name,
            mime=MIME[file_format],
            key=f"{key}_download",
            icon=":material/download:",
            on_click="ignore",
        )
        st.caption(translate("brief_size", ui_lang, size=f"{len(content) / 1e6:.1f}"))


def header_entry(region: str, year: int, ui_lang: str) -> None:
    """The briefing of the current scope and year, from any page's header."""
    if not may_make_briefings():
        return
    with st.popover(
        translate("brief_entry", ui_lang), icon=":material/summarize:", width="stretch"
    ):
        st.caption(translate("brief_entry_help", ui_lang))
        file_format = st.radio(
            translate("brief_format", ui_lang),
            FORMATS,
            index=1,
            horizontal=True,
            format_func=str.upper,
            key="brief_header_format",
        )
        controls(region, year, ui_lang, file_format, ui_lang, "brief_header")


def page_body(region: str, year: int, scope_name: str, ui_lang: str) -> None:
    """The 简报 page: what the briefing holds, its language and format, generate and download."""
    from pedatlas.briefing.registry import SECTIONS

    st.caption(translate("brief_page_intro", ui_lang, scope=scope_name, year=year))
    if not may_make_briefings():
        st.info(translate("brief_page_role", ui_lang))
        return
    left, right = st.columns(2)
    chosen = view.radio(
        "brief_lang",
        translate("brief_language", ui_lang),
        ("", "zh", "en"),
        container=left,
        horizontal=True,
        format_func=lambda code: (
            translate(f"lang_{code}", code) if code else translate("brief_lang_same", ui_lang)
        ),
    )
    lang = chosen or ui_lang
    file_format = view.radio(
        "format",
        translate("brief_format", ui_lang),
        FORMATS[::-1],
        container=right,
        horizontal=True,
        format_func=str.upper,
    )
    # the button and its progress before the list of contents: below it they were under the
    # bottom of a 720-pixel screen, and the progress ran where nobody saw it
    controls(region, year, lang, file_format, ui_lang, "brief_page")
    st.markdown(f"**{translate('brief_page_contents', ui_lang)}**")
    st.markdown("\n".join(f"1. {translate(spec.title_key, lang)}" for spec in SECTIONS))
    st.caption(translate("brief_page_cli", ui_lang))
    region_arg = f" --region {region}" if region else ""
    st.code(
        f"python -m pedatlas.briefing{region_arg} --year {year} --lang {lang} "
        f"--format {file_format} --out ./",
        language="bash",
    )
