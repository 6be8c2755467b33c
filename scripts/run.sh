#!/usr/bin/env bash
# Install PedAtlas into .venv (and Debian chromium + CJK fonts, which print the PDF briefings) and
# start it on the built-in demo database (built on first start). Serves 127.0.0.1 only unless
# sign-in is configured (README, "Deploying"); extra arguments go to `streamlit run`.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
# The briefing's PDF is printed by chromium with Chinese fonts.
# shellcheck source=scripts/debian_packages.sh
source scripts/debian_packages.sh
install_debian_packages chromium fonts-noto-cjk
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m pedatlas.auth.launch "$@"
