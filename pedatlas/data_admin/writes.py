"""The data page's import tab: everything that leads to a change of the database.

Upload and check (panels.import_section), confirm the import, undo the last one. The page calls
``write_actions`` alone, so that restricting writes to a role is a one-line change there.
"""

from pathlib import Path

import streamlit as st

from pedatlas import auth, fmt, view
from pedatlas.auth import audit
from pedatlas.data_admin import builders
from pedatlas.data_admin.panels import (
    OUTCOME,
    PLAN,
    ROUND,
    admin_table,
    import_section,
    progress_bar,
    show_frame,
)
from pedatlas.importer import (
    ImporterError,
    ImportPlan,
    ImportRejected,
    apply_import,
    undo_last_import,
)
from pedatlas.importer.apply import note_rows


def write_actions(db) -> None:
    """Upload and check files, confirm a ready import, undo the last import (admins only), and
    the audit log; others read one sentence saying why the tab is closed to them."""
    if not auth.can("import"):
        st.info(view.t("auth_write_admin_only"), icon=":material/lock:")
        return
    plan = import_section(db)
    if plan is not None and builders.plan_verdict(plan) == "ready":
        confirm_button(plan, db)
    st.divider()
    undo_panel(db)
    st.divider()
    audit_panel()


def user_name() -> str:
    user = auth.current_user()
    return user.name if user else ""


def audit_panel() -> None:
    """The newest audit events and the whole log as CSV (admins)."""
    st.subheader(view.t("audit_title"))
    st.caption(view.t("audit_intro", path=audit.audit_path()))
    events = audit.events(limit=200)
    if events.empty:
        st.caption(view.t("audit_empty"))
        return
    show_frame(events.drop(columns=["id"]), wide="detail")
    st.download_button(
        view.t("audit_download"),
        lambda: audit.events().to_csv(index=False).encode("utf-8-sig"),
        file_name="pedatlas_audit_log.csv",
        mime="text/csv",
        on_click="ignore",
        key="audit_download",
        icon=":material/download:",
    )


def confirm_button(plan: ImportPlan, db) -> None:
    """Write the checked plan when the user confirms it."""
    totals = builders.plan_totals(plan)
    rows = fmt.integer(totals["added"] + totals["replaced"])
    if st.button(
        view.t("data_confirm", rows=rows),
        type="primary",
        key="data_confirm",
        icon=":material/check:",
    ):
        confirm(plan, db)


def confirm(plan: ImportPlan, db) -> None:
    """Apply the plan with a progress bar; a refusal is shown, success reruns the page."""
    plan.lang = view.lang()  # messages of the write in the language shown now
    bar, report = progress_bar(view.t("data_writing"))
    try:
        files = ", ".join(file.file for file in plan.files)
        written = plan.rows_added + plan.rows_replaced
        result = audit.audited_write(
            "import",
            user_name(),
            Path(db),
            lambda: apply_import(plan, db, progress=report),
            files,
            written,
        )
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
    outcome = {"kind": "import", "rows": rows, "seconds": result.seconds}
    refresh_after_write(outcome | {"backup": str(result.backup_path)})


def undo_panel(db) -> None:
    """What the last import changed and a confirmed button that undoes it."""
    st.subheader(view.t("data_undo_title"))
    note = builders.undo_note(db)
    if note is None:
        st.caption(view.t("data_undo_none"))
        return
    if note:
        about = {
            "applied_at": builders.note_time(note),
            "files": builders.note_files(note),
            "mode": builders.note_mode(note, view.lang()),
        }
        st.markdown(view.t("data_undo_about", **about))
        changes = builders.change_table(note.get("changes") or {}, view.lang())
        admin_table(changes, view.t("data_last_import_title"), "last_import")
    else:
        st.markdown(view.t("data_undo_about_unknown"))
    round_key = f"data_undo_sure_{st.session_state.get(ROUND, 0)}"
    sure = st.checkbox(view.t("data_undo_confirm"), key=round_key)
    if st.button(
        view.t("data_undo_button"), disabled=not sure, key="data_undo", icon=":material/undo:"
    ):
        try:
            result = audit.audited_write(
                "undo",
                user_name(),
                Path(db),
                lambda: undo_last_import(db, view.lang()),
                builders.note_files(note or {}),
                note_rows(note or {}),
            )
        except ImporterError as error:
            st.error(view.t("data_undo_failed", detail=error), icon=":material/error:")
            return
        refresh_after_write({"kind": "undo", "note": result.restored_import})


def refresh_after_write(outcome: dict) -> None:
    """Every page reads the new file: drop all caches, forget the uploads, rerun."""
    st.cache_data.clear()
    st.cache_resource.clear()
    st.session_state[OUTCOME] = outcome
    st.session_state.pop(PLAN, None)
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.rerun()
