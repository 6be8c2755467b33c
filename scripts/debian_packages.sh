#!/usr/bin/env bash
# Install the Debian packages PedAtlas needs, only those missing (sourced by run.sh and test.sh).
#   chromium + fonts-noto-cjk: the briefing's PDF renderer (and the browser tests)
#   poppler-utils: pdftotext / pdftoppm for the tests of the briefing PDF
install_debian_packages() {
  local missing=()
  for wanted in "$@"; do
    case "$wanted" in
      chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
      fonts-noto-cjk) fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk) ;;
      poppler-utils) command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) ;;
      *) dpkg -s "$wanted" >/dev/null 2>&1 || missing+=("$wanted") ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
}
