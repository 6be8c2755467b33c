#!/usr/bin/env bash
# Several PedAtlas replicas on loopback behind nginx with sticky sessions (README, "Deploying").
#   scripts/serve.sh [--replicas N] [--listen ADDR:PORT] [--first-port PORT] [--run-dir DIR]
# Defaults: 2 replicas on 127.0.0.1:8601.., users open http://127.0.0.1:8500. Listening on a
# network address needs sign-in configured (python -m pedatlas.users add ...). Runs in the
# foreground; Ctrl-C (or SIGTERM) stops nginx and every replica it started.
set -euo pipefail
cd "$(dirname "$0")/.."
REPLICAS=2
LISTEN=127.0.0.1:8500
FIRST_PORT=8601
RUN_DIR=${PEDATLAS_RUN_DIR:-$PWD/state/run}
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) REPLICAS=$2; shift 2 ;;
    --listen) LISTEN=$2; shift 2 ;;
    --first-port) FIRST_PORT=$2; shift 2 ;;
    --run-dir) RUN_DIR=$2; shift 2 ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
PY=.venv/bin/python
[ -x "$PY" ] || { echo "run scripts/run.sh once first (it installs .venv)" >&2; exit 2; }
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y --no-install-recommends nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
"$PY" -c "from pedatlas.auth.launch import check_listen; check_listen('$LISTEN')"

# One database file for all replicas, built before any of them starts (never by two at once).
DB=$("$PY" -c "from pedatlas.paths import database_path; print(database_path())")
[ -f "$DB" ] || "$PY" -m pedatlas.build --out "$DB"

mkdir -p "$RUN_DIR"
# Replicas share the cookie secret, so a browser moved to another replica keeps a valid cookie.
SECRET_FILE="$RUN_DIR/cookie_secret"
[ -s "$SECRET_FILE" ] || (umask 077; "$PY" -c "import secrets; print(secrets.token_hex(32))" > "$SECRET_FILE")
export STREAMLIT_SERVER_COOKIE_SECRET
STREAMLIT_SERVER_COOKIE_SECRET=$(cat "$SECRET_FILE")

PIDS=()
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait || true; }
trap stop_all EXIT INT TERM
PORTS=()
for ((i = 0; i < REPLICAS; i++)); do
  port=$((FIRST_PORT + i))
  PORTS+=("$port")
  "$PY" -m pedatlas.auth.launch --server.port "$port" --server.address 127.0.0.1 \
    >"$RUN_DIR/replica-$port.log" 2>&1 &
  PIDS+=($!)
done
for port in "${PORTS[@]}"; do
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
done
CONF=$("$PY" -m pedatlas.auth.proxy --replicas "$(IFS=,; echo "${PORTS[*]}")" --listen "$LISTEN" --run-dir "$RUN_DIR")
"$NGINX" -c "$CONF" -p "$RUN_DIR" -e "$RUN_DIR/error.log" &
PIDS+=($!)
echo "PedAtlas: $REPLICAS replicas (ports ${PORTS[*]}) behind nginx on http://$LISTEN (logs in $RUN_DIR)"
wait -n
