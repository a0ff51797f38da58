#!/usr/bin/env bash
# FerretDB v1.24.2 (SQLite backend): a MongoDB-wire server for the Mongo-wire test run.
#
#   bash scripts/ferretdb.sh install           build ferretdb into $(go env GOPATH)/bin unless present
#   bash scripts/ferretdb.sh start             start on 127.0.0.1:$FERRETDB_PORT (default 27018, or a free port)
#   bash scripts/ferretdb.sh stop              stop the server started by `start`, remove its data
#   bash scripts/ferretdb.sh status            print the URI if running
#   bash scripts/ferretdb.sh run -- CMD...     install, start, run CMD with DATABASE_URI and
#                                              MONGODB_COMPAT=ferretdb exported, always stop; exit with CMD's code
#
# Why not plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`:
#   - FerretDB's release tarball has no build/version/version.txt (their `bin/task gen-version` writes it), so a
#     binary built straight from the module panics at start-up: "Invalid build/version/version.txt file content".
#   - `go install pkg@version` also asks the proxy for the module's version list (deprecation check); a proxy
#     that answers 403 to that makes it fail before building.
#   So we `go mod download` the exact version (needs only @v/v1.24.2.*), copy the source, write version.txt, and
#   `go build ./cmd/ferretdb` with the module's own go.mod/go.sum. It is pure Go (modernc.org/sqlite, no cgo).
#   A cold build takes about 2.5-3 minutes (downloads + compile); later builds hit Go's build cache.
set -euo pipefail

FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.2}"
FERRETDB_MODULE="github.com/FerretDB/FerretDB"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${FERRETDB_STATE_DIR:-$ROOT/.ferretdb}"
DB_NAME="${FERRETDB_DB_NAME:-commons_test}"

log() { printf '[ferretdb] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

gobin() {
  local bin
  bin="$(go env GOBIN 2>/dev/null || true)"
  if [[ -z "$bin" ]]; then bin="$(go env GOPATH)/bin"; fi
  printf '%s' "$bin"
}

# A usable ferretdb prints its version; a binary built without version.txt panics instead.
works() { [[ -n "${1:-}" && -x "$1" ]] && "$1" --version >/dev/null 2>&1; }

find_ferretdb() {
  local c
  if [[ -n "${FERRETDB_BIN:-}" ]] && works "$FERRETDB_BIN"; then printf '%s' "$FERRETDB_BIN"; return 0; fi
  c="$(command -v ferretdb 2>/dev/null || true)"
  if works "$c"; then printf '%s' "$c"; return 0; fi
  if command -v go >/dev/null 2>&1; then
    c="$(gobin)/ferretdb"
    if works "$c"; then printf '%s' "$c"; return 0; fi
  fi
  return 1
}

cmd_install() {
  local have
  if have="$(find_ferretdb)"; then
    log "found $have ($("$have" --version 2>/dev/null | grep -m1 -i 'version' || true))"
    return 0
  fi
  command -v go >/dev/null 2>&1 || die "ferretdb not found and Go is not installed (need Go >= 1.24)"
  local dir src tmp out t0
  t0=$(date +%s)
  log "building ferretdb $FERRETDB_VERSION with $(go version | awk '{print $3}') (cold build: ~3 min)"
  dir="$(go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -n "$dir" && -d "$dir" ]] || die "go mod download $FERRETDB_MODULE@$FERRETDB_VERSION failed"
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-src.XXXXXX")"
  src="$tmp/FerretDB"
  cp -R "$dir" "$src"
  chmod -R u+w "$src"
  printf '%s\n' "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  out="$(gobin)"
  mkdir -p "$out"
  # -mod=mod is not needed: the module ships a complete go.sum. GOFLAGS from the environment still apply.
  (cd "$src" && go build -trimpath -o "$out/ferretdb" ./cmd/ferretdb)
  rm -rf "$tmp"
  works "$out/ferretdb" || die "built $out/ferretdb but it does not run"
  log "installed $out/ferretdb in $(( $(date +%s) - t0 ))s"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

port_in_use() {
  node -e 'const c=require("net").connect({host:"127.0.0.1",port:+process.argv[1]});c.on("connect",()=>{c.destroy();process.exit(0)});c.on("error",()=>process.exit(1))' "$1"
}

# Readiness: a real MongoDB `ping` through the driver that @payloadcms/db-mongodb brings, else a TCP probe.
wait_ready() {
  local port="$1" pid="$2" i
  for i in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "ferretdb exited early; its log:"; cat "$STATE_DIR/ferretdb.log" >&2 || true
      return 1
    fi
    if node --input-type=module -e '
      const port = process.argv[1]
      let MongoClient
      try { ({ MongoClient } = (await import("node:module")).createRequire(process.cwd() + "/")("mongodb")) } catch {}
      if (!MongoClient) {
        const net = await import("node:net")
        const c = net.connect({ host: "127.0.0.1", port: +port })
        c.on("connect", () => { c.destroy(); process.exit(0) })
        c.on("error", () => process.exit(1))
      } else {
        const client = new MongoClient(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 })
        try { await client.db("admin").command({ ping: 1 }); await client.close().catch(() => {}); process.exit(0) }
        catch { await client.close().catch(() => {}); process.exit(1) }
      }' "$port" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  log "ferretdb did not answer ping on port $port in 30s; its log:"; cat "$STATE_DIR/ferretdb.log" >&2 || true
  return 1
}

running_pid() {
  local pid
  [[ -f "$STATE_DIR/pid" ]] || return 1
  pid="$(cat "$STATE_DIR/pid")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && printf '%s' "$pid"
}

cmd_start() {
  local bin pid port data
  if pid="$(running_pid)"; then
    log "already running (pid $pid, port $(cat "$STATE_DIR/port"))"
    return 0
  fi
  bin="$(find_ferretdb)" || die "ferretdb is not installed; run: bash scripts/ferretdb.sh install"
  mkdir -p "$STATE_DIR"
  port="${FERRETDB_PORT:-27018}"
  if port_in_use "$port"; then
    if [[ -n "${FERRETDB_PORT:-}" ]]; then die "FERRETDB_PORT=$port is already in use"; fi
    port="$(free_port)"
  fi
  data="$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-data.XXXXXX")"
  # --sqlite-url must name an existing directory; every database becomes one file in it.
  # No --repl-set-name: FerretDB v1 has no transactions, and Payload turns them off when the URI has no replicaSet.
  cd "$ROOT"
  nohup "$bin" \
    --handler=sqlite \
    --sqlite-url="file:$data/" \
    --listen-addr="127.0.0.1:$port" \
    --telemetry=disable \
    --state-dir=- \
    --debug-addr=- \
    --log-level="${FERRETDB_LOG_LEVEL:-warn}" \
    </dev/null >"$STATE_DIR/ferretdb.log" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$STATE_DIR/pid"
  printf '%s\n' "$port" >"$STATE_DIR/port"
  printf '%s\n' "$data" >"$STATE_DIR/data"
  if ! wait_ready "$port" "$pid"; then
    cmd_stop
    die "ferretdb failed to start"
  fi
  log "ready: mongodb://127.0.0.1:$port/$DB_NAME (pid $pid, data $data)"
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
    case "$data" in "${TMPDIR:-/tmp}"/ferretdb-data.*) rm -rf "$data" ;; esac
  fi
  rm -f "$STATE_DIR/pid" "$STATE_DIR/port" "$STATE_DIR/data"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    echo "mongodb://127.0.0.1:$(cat "$STATE_DIR/port")/$DB_NAME"
  else
    echo "not running"; return 1
  fi
}

cmd_run() {
  [[ "${1:-}" == "--" ]] && shift
  [[ $# -gt 0 ]] || die "usage: ferretdb.sh run -- <command...>"
  cmd_install
  cmd_start
  local port code=0
  port="$(cat "$STATE_DIR/port")"
  trap 'cmd_stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  export DATABASE_URI="mongodb://127.0.0.1:$port/$DB_NAME"
  export MONGODB_COMPAT=ferretdb
  log "running: $* (DATABASE_URI=$DATABASE_URI MONGODB_COMPAT=$MONGODB_COMPAT)"
  (cd "$ROOT" && "$@") || code=$?
  exit "$code"
}

case "${1:-}" in
  install) shift; cmd_install "$@" ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  run) shift; cmd_run "$@" ;;
  *) echo "usage: $0 {install|start|stop|status|run -- <command...>}" >&2; exit 2 ;;
esac
