"""Safe serving: no network exposure without sign-in, and a plain page for a database that is
missing, unreadable or corrupted (never a traceback). Both run in app.py before any page.
"""

import logging
import os
from pathlib import Path

import duckdb
import streamlit as st

from pedatlas import db
from pedatlas.auth import audit
from pedatlas.auth.safety_rules import TRUSTED_ENV_VAR, exposure
from pedatlas.auth.session import sign_in_configured
from pedatlas.i18n import translate
from pedatlas.importer.apply import STALE_AFTER_S, clean_stale_imports

log = logging.getLogger("pedatlas")


def trusted_single_user() -> bool:
    return os.environ.get(TRUSTED_ENV_VAR) == "1"


def refuse_unsafe_exposure(lang: str = "zh") -> None:
    """Stop the run with an explanation when the app is reachable from other machines but no
    sign-in is configured (unless the trusted single-user option is set)."""
    if sign_in_configured() or trusted_single_user():
        return
    client_ip = st.context.ip_address
    forwarded = st.context.headers.get("X-Forwarded-For")
    how = exposure(
        st.get_option("server.address"),
        client_ip if isinstance(client_ip, str) else None,  # AppTest has no real client
        forwarded if isinstance(forwarded, str) else None,
    )
    if how:
        st.title(translate("auth_exposed_title", lang))
        st.error(translate("auth_exposed", lang, how=how), icon=":material/gpp_bad:")
        st.stop()


def database_problem(path: Path) -> tuple[str, str] | None:
    """(kind, detail) when the database cannot be served: 'missing' or 'unreadable'; else None."""
    if not path.exists():
        return ("missing", "")
    if not os.access(path, os.R_OK):
        return ("unreadable", "permission denied")
    try:
        identity = db.file_identity(path)
        _check_open(str(path), identity)
    except (duckdb.Error, OSError, db.QueryError) as error:
        return ("unreadable", f"{type(error).__name__}: {str(error).splitlines()[0][:200]}")
    return None


@st.cache_resource(show_spinner=False, max_entries=4)
def _check_open(path: str, identity: tuple) -> bool:
    """Open the file read-only once per version and read its table list."""
    connection = db.open_read_only(Path(path))
    try:
        connection.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'atlas'")
        connection.execute("SELECT count(*) FROM atlas.main.regions").fetchall()
    finally:
        connection.close()
    return True


def stop_on_database_problem(path: Path, lang: str = "zh") -> None:
    """A page saying what is wrong with the database and what to run; stops the run."""
    problem = database_problem(path)
    if problem is None:
        return
    kind, detail = problem
    st.title(translate(f"db_{kind}_title", lang))
    st.error(translate(f"db_{kind}", lang, path=path, detail=detail), icon=":material/database:")
    st.stop()


@st.cache_resource(show_spinner=False, max_entries=4)
def _reconciled(path: str, identity: tuple) -> int:
    return audit.reconcile(Path(path))


def reconcile_audit(path: Path) -> None:
    """Close audit entries of writes killed mid-way (once per process and database version)."""
    try:
        _reconciled(str(path), tuple(db.file_identity(path)))
    except (OSError, ValueError):
        log.exception("audit log could not be reconciled")


@st.cache_resource(show_spinner=False, max_entries=4, ttl=STALE_AFTER_S)
def _cleaned(path: str) -> list[Path]:
    removed = clean_stale_imports(Path(path))
    if removed:
        log.warning("removed work files of killed imports: %s", ", ".join(p.name for p in removed))
    return removed


def clean_killed_imports(path: Path) -> None:
    """Remove the work copies (*.importing-*.duckdb, ...) of imports killed mid-way: at start and
    then at most every STALE_AFTER_S per process; never while an import holds the lock, never a
    file younger than STALE_AFTER_S."""
    try:
        _cleaned(str(path))
    except OSError:
        log.exception("work files of killed imports could not be cleaned")
