"""Where the project's files live; the database path is read from the environment at call time."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
QUERIES_DIR = PROJECT_ROOT / "queries"
SOURCES_DIR = DATA_DIR / "sources"
SCHEMA_SQL = Path(__file__).resolve().parent / "build" / "schema.sql"
DB_ENV_VAR = "PEDATLAS_DB"


def database_path() -> Path:
    """The DuckDB file the app reads: $PEDATLAS_DB, else data/pedatlas.duckdb."""
    configured = os.environ.get(DB_ENV_VAR)
    return Path(configured) if configured else DATA_DIR / "pedatlas.duckdb"


STATE_ENV_VAR = "PEDATLAS_STATE_DIR"


def state_dir() -> Path:
    """Where the users file and audit log live: $PEDATLAS_STATE_DIR, else state/ in the project.

    Kept apart from the database file on purpose: an import replaces that file, and the audit
    log and users must survive it.
    """
    configured = os.environ.get(STATE_ENV_VAR)
    return Path(configured) if configured else PROJECT_ROOT / "state"


def users_path() -> Path:
    """The local users file: $PEDATLAS_USERS, else <state dir>/users.json."""
    configured = os.environ.get("PEDATLAS_USERS")
    return Path(configured) if configured else state_dir() / "users.json"


def audit_path() -> Path:
    """The audit log (SQLite): $PEDATLAS_AUDIT, else <state dir>/audit.sqlite3."""
    configured = os.environ.get("PEDATLAS_AUDIT")
    return Path(configured) if configured else state_dir() / "audit.sqlite3"
