#!/usr/bin/env bash
# Install PedAtlas into .venv and start it on the built-in demo database (built on first start).
# Serves 127.0.0.1 only unless sign-in is configured (README, "Deploying"); extra arguments go to
# `streamlit run` (e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m pedatlas.auth.launch "$@"
