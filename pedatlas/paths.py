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
