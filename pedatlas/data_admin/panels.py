"""The read-only sections of the data page: upload and check, quality, export, templates."""

from datetime import date
from functools import partial

import streamlit as st

from pedatlas import auth, data, fmt, tables, ui, view
from pedatlas.data_admin import builders
from pedatlas.importer import (
    IMPORTABLE_TABLES,
    ImporterError,
    ImportPlan,
    clean_stale_imports,
    csv_bytes,
    data_quality_report,
    export_table,
    plan_import,
    template_columns,
    template_csv,
    template_xlsx,
)
from pedatlas.tables import TableNote

PLAN = "data_plan"  # session: the check of the current uploads, kept until they change
OUTCOME = "data_outcome"  # session: the last import or undo, shown until the next one
ROUND = "data_round"  # session: bumped after an import or undo to empty the upload widgets
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_data(show_spinner=False, max_entries=4)
def quality_report(path: str, identity: tuple) -> dict:
    """The quality tables of one version of the file (identity changes with every import)."""
    return data_quality_report(path)


def current_quality() -> dict:
    """The data-quality tables of the database file as it is now."""
    return quality_report(*data.current_identity())


def progress_bar(text: str):
    """A progress bar and the importer callback that feeds it."""
    bar = st.progress(0.0, text=text)

    def report(done: float, message: str) -> None:
        bar.progress(min(max(float(done), 0.0), 1.0), text=message)

    return bar, report


def show_frame(frame, wide: str | None = None) -> None:
    """A table with a wider first column (and wide column), a dash for missing values."""
    widths = (
        {frame.columns[0]: st.column_config.Column(width="medium")} if len(frame.columns) else {}
    )
    if wide:
        widths[wide] = st.column_config.Column(width="large")
    st.dataframe(
        frame, hide_index=True, width="stretch", placeholder=fmt.DASH, column_config=widths
    )


def admin_table(frame, title: str, key: str, wide: str = "", kinds: dict | None = None) -> None:
    """A report of the data page (headers already in words) through ui.data_table: its first
    column pinned, numbers typed (kinds: a share as percent), downloads with a note sheet."""
    columns = tables.as_is(frame, wide, kinds)
    measure = columns[1].label if len(columns) > 1 else title
    day = date.today().isoformat()  # a report of the database as it is today
    note = TableNote(title, view.t("data_note_scope"), day, measure, view.t("table_source_default"))
    ui.data_table(frame, columns, note, key, placeholder=fmt.DASH)


def shown_table(frame, title: str, key: str, wide: str = "") -> None:
    """A titled report with its CSV/XLSX downloads."""
    st.markdown(f"**{title}**")
    admin_table(frame, title, key, wide)


def import_section(db) -> ImportPlan | None:
    """Table, mode and uploads; the check of the uploads and its preview. Returns the plan."""
    clean_stale_imports(db)  # copies left by an import that was killed
    show_outcome()
    lang = view.lang()
    left, right = st.columns([2, 1])
    table_names = partial(builders.table_label, lang=lang)
    table = left.selectbox(
        view.t("data_table_choice"),
        builders.TABLE_CHOICES,
        key="data_table",
        format_func=view.frozen_labels(builders.TABLE_CHOICES, table_names),
    )
    mode = right.radio(
        view.t("data_mode_choice"),
        builders.MODES,
        key="data_mode",
        horizontal=True,
        format_func=view.frozen_labels(builders.MODES, lambda m: view.t(f"importer_mode_{m}")),
        help=view.t("data_mode_help"),
    )
    files = st.file_uploader(
        view.t("data_upload_label"),
        type=list(builders.UPLOAD_TYPES),
        accept_multiple_files=True,
        help=view.t("data_upload_help", mb=builders.UPLOAD_MAX_MB),
        max_upload_size=builders.UPLOAD_MAX_MB,
        key=f"data_upload_{st.session_state.get(ROUND, 0)}",
    )
    st.caption(view.t("data_upload_limit", mb=builders.UPLOAD_MAX_MB))
    st.caption(view.t("data_upload_not_linkable"))
    if not files:
        st.session_state.pop(PLAN, None)
        ui.empty_state("data_no_upload")
        return None
    plan = checked_plan(files, table, mode, db)
    if plan is not None:
        preview(plan)
    return plan


def checked_plan(files, table: str, mode: str, db) -> ImportPlan | None:
    """The import plan of the uploads (checked once per set of files, table, mode and database)."""
    signature = builders.upload_signature(files, table, mode, data.current_identity()[1])
    stored = st.session_state.get(PLAN)
    if stored is None or stored["signature"] != signature:
        bar, report = progress_bar(view.t("data_checking"))
        try:
            plan = plan_import(
                files, table=table or None, mode=mode, db_path=db, lang=view.lang(), progress=report
            )
            stored = {"signature": signature, "plan": plan, "error": None}
        except ImporterError as error:
            stored = {"signature": signature, "plan": None, "error": str(error)}
        bar.empty()
        st.session_state[PLAN] = stored
    if stored["error"]:
        st.error(view.t("data_plan_failed", detail=stored["error"]), icon=":material/error:")
    return stored["plan"]


def preview(plan: ImportPlan) -> None:
    """What the import would change, per table and per file, and every problem found."""
    lang, totals = view.lang(), builders.plan_totals(plan)
    verdict = builders.plan_verdict(plan)
    st.subheader(view.t("data_preview_title"))
    names = ("added", "replaced", "removed", "rejected", "errors")
    for column, name in zip(st.columns(len(names)), names, strict=True):
        column.metric(view.t(f"data_metric_{name}"), fmt.integer(totals[name]))
    if verdict == "ready":
        st.info(view.t("data_plan_ready"), icon=":material/fact_check:")
    else:
        message = view.t(f"data_plan_{verdict}", errors=fmt.integer(totals["errors"]))
        st.error(message, icon=":material/block:")
    if plan.changes:
        changes = builders.change_table(plan.changes, lang)
        title = view.t("data_changes_title")
        shown_table(changes, title, "plan_changes")
    files = builders.file_table(plan.files, lang)
    shown_table(files, view.t("data_files_title"), "plan_files")
    if plan.problems:
        problems = builders.problem_table(plan, lang)
        title, wide = view.t("data_problems_title"), builders.header("reason", lang)
        shown_table(problems, title, "plan_problems", wide)
        st.caption(view.t("data_problems_caption"))
        if plan.problem_count > len(plan.problems):
            shown, total = len(plan.problems), plan.problem_count
            st.caption(view.t("data_problems_capped", shown=shown, total=total))
    if verdict != "ready":
        return
    if totals["warnings"]:
        st.caption(view.t("data_warnings_note", warnings=fmt.integer(totals["warnings"])))
    if plan.mode == "replace" and totals["removed"]:
        st.warning(view.t("data_replace_warning", removed=fmt.integer(totals["removed"])))


def show_outcome() -> None:
    """The result of the last import or undo, until the next one."""
    outcome = st.session_state.get(OUTCOME)
    if outcome is None:
        return
    if outcome["kind"] == "import":
        message = view.t("importer_applied", rows=fmt.integer(outcome["rows"]))
        seconds = f"{outcome['seconds']:.1f}"
        text = view.t("data_result_imported", message=message, seconds=seconds)
        st.success(text, icon=":material/task_alt:")
        st.caption(view.t("data_result_backup", path=outcome["backup"]))
        return
    note = outcome["note"]
    text = view.t(
        "data_result_undone",
        message=view.t("importer_undone"),
        applied_at=builders.note_time(note),
        files=builders.note_files(note),
    )
    st.success(text, icon=":material/undo:")
    changes = builders.change_table(note.get("changes") or {}, view.lang())
    if not changes.empty:
        title = view.t("data_result_undone_table")
        shown_table(changes, title, "undone")


@data.shared_per_view(max_entries=4)
def quality_parts() -> tuple[dict, dict]:
    """The headline counts and every quality list as shown (headers in the reader's language)."""
    report, lang = current_quality(), view.lang()
    reports = {
        "row_counts": builders.row_count_table(report["row_counts"], lang),
        "synthetic_share": builders.synthetic_table(report["synthetic_share"], lang),
    } | {name: builders.gap_table(report[name], lang) for name in builders.QUALITY_TABLES[2:]}
    return builders.quality_counts(report), reports


def quality_section(db) -> None:
    """Headline numbers and the quality lists, each downloadable."""
    if not auth.gate_whole_database(view.lang()):
        return
    counts, reports = quality_parts()
    st.caption(view.t("data_quality_intro"))
    columns = [*st.columns(3), *st.columns(3)]
    for column, (name, label) in zip(columns, builders.quality_labels().items(), strict=True):
        value = counts[name]
        shown = fmt.percent(value, 2) if name == "synthetic_share" else fmt.integer(value)
        column.metric(view.t(label), shown)
    share = {builders.header("share", view.lang()): "percent"}  # the synthetic share, raw (0-1)
    for name, frame in reports.items():
        title = view.t(f"importer_dq_{name}")
        st.subheader(title)
        if name in builders.QUALITY_CAPTIONS:
            st.caption(view.t(builders.QUALITY_CAPTIONS[name]))
        if frame.empty:
            ui.empty_state("data_quality_none")
            continue
        admin_table(frame, title, f"dq_{name}", kinds=share)


def export_section(db) -> None:
    """Download a table as a CSV the importer reads back."""
    lang = view.lang()
    if not (auth.gate("download", lang) and auth.gate_whole_database(lang)):
        return
    st.caption(view.t("data_export_intro"))
    left, right = st.columns([2, 1])
    table_names = partial(builders.table_label, lang=lang)
    table = left.selectbox(
        view.t("data_export_table"),
        IMPORTABLE_TABLES,
        key="data_export_table",
        format_func=view.frozen_labels(IMPORTABLE_TABLES, table_names),
    )
    headers = right.radio(
        view.t("data_export_headers"),
        ("zh", "en"),
        key="data_export_headers",
        horizontal=True,
        format_func=view.frozen_labels(("zh", "en"), lambda h: view.t(f"data_export_headers_{h}")),
    )
    rows = builders.table_rows(current_quality()["row_counts"], table)
    st.caption(view.t("data_export_rows", rows=fmt.integer(rows)))
    if rows > builders.LARGE_EXPORT_ROWS:
        warning = view.t("data_export_large", rows=fmt.integer(rows), table=table)
        st.warning(warning, icon=":material/hourglass:")
    st.download_button(
        view.t("data_export_button", table=builders.table_label(table, lang)),
        lambda: csv_bytes(export_table(db, table), table, headers),
        file_name=builders.export_name(table, headers),
        mime="text/csv",
        on_click="ignore",
        key="data_export_download",
        icon=":material/download:",
        type="primary",
    )


def templates_section(db) -> None:
    """Per table: CSV and XLSX templates (with an example row) and the list of its columns."""
    lang = view.lang()
    st.caption(view.t("data_templates_intro"))
    for table in IMPORTABLE_TABLES:
        with st.expander(f"{builders.table_label(table, lang)} · {table}"):
            left, right = st.columns(2)
            left.download_button(
                view.t("data_template_csv"),
                partial(template_csv, table),
                on_click="ignore",
                file_name=builders.template_name(table, "csv"),
                mime="text/csv",
                key=f"template_csv_{table}",
                icon=":material/download:",
            )
            right.download_button(
                view.t("data_template_xlsx"),
                partial(template_xlsx, table, lang),
                on_click="ignore",
                file_name=builders.template_name(table, "xlsx"),
                mime=XLSX,
                key=f"template_xlsx_{table}",
                icon=":material/download:",
            )
            title = f"{builders.table_label(table, lang)} · {view.t('data_columns_title')}"
            admin_table(template_columns(table, lang), title, f"columns_{table}")


def dictionary_section(db) -> None:
    """The data dictionary, shown and downloadable."""
    text = builders.dictionary_markdown()
    st.download_button(
        view.t("data_dictionary_download"),
        text.encode("utf-8"),
        file_name="data_dictionary.md",
        mime="text/markdown",
        on_click="ignore",
        icon=":material/download:",
    )
    st.markdown(text)


READ_ONLY_SECTIONS = {
    "quality": quality_section,
    "export": export_section,
    "templates": templates_section,
    "dictionary": dictionary_section,
}
