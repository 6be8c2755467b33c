#!/usr/bin/env bash
# Install what the tests need (Python packages, Debian chromium + CJK fonts) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

# shellcheck source=scripts/debian_packages.sh
source scripts/debian_packages.sh
# nginx: the replica test runs two app processes behind the shipped proxy config (deploy/nginx/)
install_debian_packages chromium fonts-noto-cjk poppler-utils nginx
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
exec .venv/bin/python -m pytest -n 2 --dist loadgroup "$@"
