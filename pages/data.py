"""数据管理 Data: upload, check, preview and confirm an import, undo it; quality, export, templates."""

from functools import partial

import streamlit as st

from pedatlas import data, data_page, fmt, ui, view
from pedatlas.importer import (
    IMPORTABLE_TABLES,
    ImporterError,
    ImportRejected,
    apply_import,
    csv_bytes,
    data_quality_report,
    export_table,
    plan_import,
    template_columns,
    template_csv,
    template_xlsx,
    undo_last_import,
)
from pedatlas.paths import database_path

PAGE = "data"
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
    return bar, lambda done, message: bar.progress(min(max(float(done), 0.0), 1.0), text=message)


def show_frame(frame, wide: str | None = None) -> None:
    """A table with a wider first column (and wide column), a dash for missing values."""
    widths = {frame.columns[0]: st.column_config.Column(width="medium")}
    if wide:
        widths[wide] = st.column_config.Column(width="large")
    st.dataframe(
        frame, hide_index=True, width="stretch", placeholder=fmt.DASH, column_config=widths
    )


def shown_table(frame, title: str, stem: str, key: str, wide: str | None = None) -> None:
    st.markdown(f"**{title}**")
    show_frame(frame, wide)
    ui.table_downloads(frame, stem, key)


def refresh_after_write(outcome: dict) -> None:
    """Every page reads the new file: drop all caches, forget the uploads, rerun."""
    st.cache_data.clear()
    st.cache_resource.clear()
    st.session_state[OUTCOME] = outcome
    st.session_state.pop(PLAN, None)
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.rerun()


def import_section(db) -> None:
    show_outcome()
    lang, labels = view.lang(), view.frozen_labels
    left, right = st.columns([2, 1])
    table = left.selectbox(view.t("data_table_choice"), data_page.TABLE_CHOICES, key="data_table",
                           format_func=labels(data_page.TABLE_CHOICES, lambda n: data_page.table_label(n, lang)))  # fmt: skip
    mode = right.radio(view.t("data_mode_choice"), data_page.MODES, key="data_mode", horizontal=True,
                       format_func=labels(data_page.MODES, lambda m: view.t(f"importer_mode_{m}")),
                       help=view.t("data_mode_help"))  # fmt: skip
    files = st.file_uploader(view.t("data_upload_label"), type=list(data_page.UPLOAD_TYPES),
                             accept_multiple_files=True, help=view.t("data_upload_help"), max_upload_size=data_page.UPLOAD_MAX_MB,
                             key=f"data_upload_{st.session_state.get(ROUND, 0)}")  # fmt: skip
    st.caption(view.t("data_upload_not_linkable"))
    if not files:
        st.session_state.pop(PLAN, None)
        ui.empty_state("data_no_upload")
    elif (plan := checked_plan(files, table, mode, db)) is not None:
        preview(plan, db)
    st.divider()
    undo_panel(db)


def checked_plan(files, table: str, mode: str, db):
    """The import plan of the uploads (checked once per set of files, table, mode and database)."""
    signature = data_page.upload_signature(files, table, mode, data.current_identity()[1])
    stored = st.session_state.get(PLAN)
    if stored is None or stored["signature"] != signature:
        bar, report = progress_bar(view.t("data_checking"))
        try:
            plan = plan_import(files, table=table or None, mode=mode, db_path=db,
                               lang=view.lang(), progress=report)  # fmt: skip
            stored = {"signature": signature, "plan": plan, "error": None}
        except ImporterError as error:
            stored = {"signature": signature, "plan": None, "error": str(error)}
        bar.empty()
        st.session_state[PLAN] = stored
    if stored["error"]:
        st.error(view.t("data_plan_failed", detail=stored["error"]), icon=":material/error:")
    return stored["plan"]


def preview(plan, db) -> None:
    lang, totals, verdict = view.lang(), data_page.plan_totals(plan), data_page.plan_verdict(plan)
    st.subheader(view.t("data_preview_title"))
    for column, name in zip(st.columns(5), ("added", "replaced", "removed", "rejected", "errors"), strict=True):  # fmt: skip
        column.metric(view.t(f"data_metric_{name}"), fmt.integer(totals[name]))
    if verdict == "ready":
        st.info(view.t("data_plan_ready"), icon=":material/fact_check:")
    else:
        st.error(view.t(f"data_plan_{verdict}", errors=fmt.integer(totals["errors"])), icon=":material/block:")  # fmt: skip
    shown_table(data_page.change_table(plan.changes, lang), view.t("data_changes_title"),
                "pedatlas_import_changes", "plan_changes")  # fmt: skip
    shown_table(data_page.file_table(plan.files, lang), view.t("data_files_title"),
                "pedatlas_import_files", "plan_files")  # fmt: skip
    if plan.problems:
        shown_table(data_page.problem_table(plan, lang), view.t("data_problems_title"),
                    "pedatlas_import_problems", "plan_problems", data_page.header("reason", lang))  # fmt: skip
        st.caption(view.t("data_problems_caption"))
        if plan.problem_count > len(plan.problems):
            st.caption(view.t("data_problems_capped", shown=len(plan.problems), total=plan.problem_count))  # fmt: skip
    if verdict != "ready":
        return
    if totals["warnings"]:
        st.caption(view.t("data_warnings_note", warnings=fmt.integer(totals["warnings"])))
    if plan.mode == "replace" and totals["removed"]:
        st.warning(view.t("data_replace_warning", removed=fmt.integer(totals["removed"])))
    rows = fmt.integer(totals["added"] + totals["replaced"])
    if st.button(view.t("data_confirm", rows=rows), type="primary", key="data_confirm", icon=":material/check:"):  # fmt: skip
        confirm(plan, db)


def confirm(plan, db) -> None:
    plan.lang = view.lang()  # messages of the write in the language shown now
    bar, report = progress_bar(view.t("data_writing"))
    try:
        result = apply_import(plan, db, progress=report)
    except ImportRejected as rejected:  # the database changed since the check
        st.session_state.pop(PLAN, None)
        st.error(view.t("data_apply_rejected", detail=rejected), icon=":material/error:")
        return
    except ImporterError as error:
        st.error(view.t("data_apply_failed", detail=error), icon=":material/error:")
        return
    finally:
        bar.empty()
    rows = plan.rows_added + plan.rows_replaced
    refresh_after_write({"kind": "import", "rows": rows, "seconds": result.seconds,
                         "backup": str(result.backup_path)})  # fmt: skip


def show_outcome() -> None:
    outcome = st.session_state.get(OUTCOME)
    if outcome is None:
        return
    if outcome["kind"] == "import":
        message = view.t("importer_applied", rows=fmt.integer(outcome["rows"]))
        st.success(view.t("data_result_imported", message=message, seconds=f"{outcome['seconds']:.1f}"),
                   icon=":material/task_alt:")  # fmt: skip
        st.caption(view.t("data_result_backup", path=outcome["backup"]))
        return
    note = outcome["note"]
    st.success(view.t("data_result_undone", message=view.t("importer_undone"), applied_at=data_page.note_time(note),
                      files=data_page.note_files(note)), icon=":material/undo:")  # fmt: skip
    changes = data_page.change_table(note.get("changes") or {}, view.lang())
    if not changes.empty:
        shown_table(
            changes, view.t("data_result_undone_table"), "pedatlas_undone_changes", "undone"
        )


def undo_panel(db) -> None:
    st.subheader(view.t("data_undo_title"))
    note = data_page.undo_note(db)
    if note is None:
        st.caption(view.t("data_undo_none"))
        return
    if note:
        st.markdown(view.t("data_undo_about", applied_at=data_page.note_time(note), files=data_page.note_files(note),
                           mode=data_page.note_mode(note, view.lang())))  # fmt: skip
        changes = data_page.change_table(note.get("changes") or {}, view.lang())
        show_frame(changes)
        ui.table_downloads(changes, "pedatlas_last_import", "last_import")
    else:
        st.markdown(view.t("data_undo_about_unknown"))
    sure = st.checkbox(view.t("data_undo_confirm"), key=f"data_undo_sure_{st.session_state.get(ROUND, 0)}")  # fmt: skip
    if st.button(
        view.t("data_undo_button"), disabled=not sure, key="data_undo", icon=":material/undo:"
    ):
        try:
            result = undo_last_import(db, view.lang())
        except ImporterError as error:
            st.error(view.t("data_undo_failed", detail=error), icon=":material/error:")
            return
        refresh_after_write({"kind": "undo", "note": result.restored_import})


def quality_section(db) -> None:
    report, lang = current_quality(), view.lang()
    st.caption(view.t("data_quality_intro"))
    counts = data_page.quality_counts(report)
    columns = [*st.columns(3), *st.columns(3)]
    for column, (name, label) in zip(columns, data_page.quality_labels().items(), strict=True):
        value = counts[name]
        column.metric(view.t(label), fmt.percent(value, 2) if name == "synthetic_share" else fmt.integer(value))  # fmt: skip
    tables = {
        "row_counts": data_page.row_count_table(report["row_counts"], lang),
        "synthetic_share": data_page.synthetic_table(report["synthetic_share"], lang),
    } | {name: data_page.gap_table(report[name], lang) for name in data_page.QUALITY_TABLES[2:]}
    for name, frame in tables.items():
        st.subheader(view.t(f"importer_dq_{name}"))
        if name in data_page.QUALITY_CAPTIONS:
            st.caption(view.t(data_page.QUALITY_CAPTIONS[name]))
        if frame.empty:
            ui.empty_state("data_quality_none")
            continue
        show_frame(frame)
        ui.table_downloads(frame, f"pedatlas_quality_{name}", f"dq_{name}")


def export_section(db) -> None:
    lang, labels = view.lang(), view.frozen_labels
    st.caption(view.t("data_export_intro"))
    left, right = st.columns([2, 1])
    table = left.selectbox(view.t("data_export_table"), IMPORTABLE_TABLES, key="data_export_table",
                           format_func=labels(IMPORTABLE_TABLES, lambda n: data_page.table_label(n, lang)))  # fmt: skip
    headers = right.radio(view.t("data_export_headers"), ("zh", "en"), key="data_export_headers", horizontal=True,
                          format_func=labels(("zh", "en"), lambda h: view.t(f"data_export_headers_{h}")))  # fmt: skip
    rows = data_page.table_rows(current_quality()["row_counts"], table)
    st.caption(view.t("data_export_rows", rows=fmt.integer(rows)))
    if rows > data_page.LARGE_EXPORT_ROWS:
        st.warning(view.t("data_export_large", rows=fmt.integer(rows), table=table), icon=":material/hourglass:")  # fmt: skip
    st.download_button(view.t("data_export_button", table=data_page.table_label(table, lang)),
                       lambda: csv_bytes(export_table(db, table), table, headers),
                       file_name=data_page.export_name(table, headers), mime="text/csv", on_click="ignore",
                       key="data_export_download", icon=":material/download:", type="primary")  # fmt: skip


def templates_section(db) -> None:
    lang = view.lang()
    st.caption(view.t("data_templates_intro"))
    for table in IMPORTABLE_TABLES:
        with st.expander(f"{data_page.table_label(table, lang)} · {table}"):
            left, right = st.columns(2)
            left.download_button(view.t("data_template_csv"), partial(template_csv, table), on_click="ignore",
                                 file_name=data_page.template_name(table, "csv"), mime="text/csv",
                                 key=f"template_csv_{table}", icon=":material/download:")  # fmt: skip
            right.download_button(view.t("data_template_xlsx"), partial(template_xlsx, table, lang), on_click="ignore",
                                  file_name=data_page.template_name(table, "xlsx"), mime=XLSX,
                                  key=f"template_xlsx_{table}", icon=":material/download:")  # fmt: skip
            columns = template_columns(table, lang)
            show_frame(columns)
            ui.table_downloads(columns, f"pedatlas_columns_{table}", f"columns_{table}")


def dictionary_section(db) -> None:
    text = data_page.dictionary_markdown()
    st.download_button(view.t("data_dictionary_download"), text.encode("utf-8"), file_name="data_dictionary.md",
                       mime="text/markdown", on_click="ignore", icon=":material/download:")  # fmt: skip
    st.markdown(text)


SECTIONS = {"import": import_section, "quality": quality_section, "export": export_section,
            "templates": templates_section, "dictionary": dictionary_section}  # fmt: skip

with ui.friendly_errors():
    database = database_path()
    head, link = st.columns([4, 1])
    head.title(view.t("data_title"))
    head.caption(view.t("data_intro", path=database))
    with link:
        ui.copy_link(PAGE)
    tab = view.radio("tab", view.t("data_tab_label"), data_page.TABS, lambda s: view.t(f"data_tab_{s}"),
                     horizontal=True, label_visibility="collapsed")  # fmt: skip
    SECTIONS[tab](database)
