#!/usr/bin/env bash
# A local Meilisearch for running the search suites and benchmarks against it (not part of CI: the binary is
# built from source or taken from a release/docker image, which CI cannot fetch).
#
#   bash scripts/meilisearch.sh start             start on 127.0.0.1:$MEILI_PORT (default 7711) with a fresh data dir
#   bash scripts/meilisearch.sh stop              stop the server started by `start`, remove its data
#   bash scripts/meilisearch.sh status            print MEILI_HOST if running
#   bash scripts/meilisearch.sh run -- CMD...     start, run CMD with MEILI_HOST, MEILI_MASTER_KEY and MEILI_PID
#                                                 (the benchmarks read the server's CPU time) exported, always
#                                                 stop; exit with CMD's code
#
# The binary: $MEILISEARCH_BIN, else `meilisearch` on PATH. The version the suites were last run against is the
# one docker-compose.yml pins (README, Search).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${MEILI_STATE_DIR:-$ROOT/.meilisearch}"
PORT="${MEILI_PORT:-7711}"

log() { printf '[meilisearch] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

find_meilisearch() {
  local c
  for c in "${MEILISEARCH_BIN:-}" "$(command -v meilisearch 2>/dev/null || true)"; do
    if [[ -n "$c" && -x "$c" ]]; then printf '%s' "$c"; return 0; fi
  done
  return 1
}

running_pid() {
  local pid
  [[ -f "$STATE_DIR/pid" ]] || return 1
  pid="$(cat "$STATE_DIR/pid")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && printf '%s' "$pid"
}

host() { printf 'http://127.0.0.1:%s' "$(cat "$STATE_DIR/port")"; }

cmd_start() {
  local bin pid data key
  if pid="$(running_pid)"; then
    log "already running (pid $pid, $(host))"
    return 0
  fi
  bin="$(find_meilisearch)" ||
    die "no Meilisearch binary: set MEILISEARCH_BIN=/path/to/meilisearch (release binary, or built from source; README, Search)"
  mkdir -p "$STATE_DIR"
  data="$(mktemp -d "${TMPDIR:-/tmp}/meili-data.XXXXXX")"
  key="${MEILI_MASTER_KEY:-local-suite-key-$(date +%s%N)}"
  nohup "$bin" \
    --http-addr "127.0.0.1:$PORT" \
    --master-key "$key" \
    --db-path "$data/data.ms" \
    --dump-dir "$data/dumps" \
    --snapshot-dir "$data/snapshots" \
    --no-analytics \
    --log-level "${MEILI_LOG_LEVEL:-WARN}" \
    </dev/null >"$STATE_DIR/meilisearch.log" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$STATE_DIR/pid"
  printf '%s\n' "$PORT" >"$STATE_DIR/port"
  printf '%s\n' "$data" >"$STATE_DIR/data"
  printf '%s\n' "$key" >"$STATE_DIR/key"
  local i
  for i in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "meilisearch exited early; its log:"; cat "$STATE_DIR/meilisearch.log" >&2 || true
      cmd_stop; die "meilisearch failed to start"
    fi
    if curl -fsS "$(host)/health" >/dev/null 2>&1; then
      log "ready: $(host) ($("$bin" --version), pid $pid, data $data)"
      return 0
    fi
    sleep 0.2
  done
  cmd_stop
  die "meilisearch did not answer /health on port $PORT in 30s"
}

cmd_stop() {
  local pid data i
  if pid="$(running_pid)"; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    log "stopped (pid $pid)"
  fi
  if [[ -f "$STATE_DIR/data" ]]; then
    data="$(cat "$STATE_DIR/data")"
    case "$data" in "${TMPDIR:-/tmp}"/meili-data.*) rm -rf "$data" ;; esac
  fi
  rm -f "$STATE_DIR/pid" "$STATE_DIR/port" "$STATE_DIR/data" "$STATE_DIR/key"
}

cmd_status() {
  if running_pid >/dev/null; then host; echo; else echo "not running"; return 1; fi
}

cmd_run() {
  [[ "${1:-}" == "--" ]] && shift
  [[ $# -gt 0 ]] || die "usage: meilisearch.sh run -- <command...>"
  cmd_start
  local code=0
  trap 'cmd_stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  export MEILI_HOST MEILI_MASTER_KEY MEILI_PID
  MEILI_HOST="$(host)"
  MEILI_PID="$(cat "$STATE_DIR/pid")"
  MEILI_MASTER_KEY="$(cat "$STATE_DIR/key")"
  log "running: $* (MEILI_HOST=$MEILI_HOST)"
  (cd "$ROOT" && "$@") || code=$?
  exit "$code"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  run) shift; cmd_run "$@" ;;
  *) echo "usage: $0 {start|stop|status|run -- <command...>}" >&2; exit 2 ;;
esac
