#!/usr/bin/env bash
# SeaweedFS (`weed`): an S3-compatible server for the file-storage tests (files on S3 instead of media/).
#
#   bash scripts/seaweedfs.sh install           build weed into $(go env GOPATH)/bin unless present
#   bash scripts/seaweedfs.sh start             start master+volume+filer+S3 on 127.0.0.1, create the bucket
#   bash scripts/seaweedfs.sh stop              stop the server started by `start`, remove its data
#   bash scripts/seaweedfs.sh status            print the S3 endpoint if running
#   bash scripts/seaweedfs.sh env               print the S3_* variables of the running server (for `eval`)
#   bash scripts/seaweedfs.sh run -- CMD...     install, start, run CMD with the app's S3_* variables exported,
#                                               always stop; exit with CMD's code
#
# The version is pinned to one commit of the module (SeaweedFS tags are not Go semver, so the proxy serves it as a
# pseudo-version). Why not plain `go install github.com/seaweedfs/seaweedfs/weed@<version>`: the module's go.mod has
# `replace` directives, and `go install pkg@version` refuses any module that has them. So, as for FerretDB, we
# `go mod download` the exact version, copy the source and `go build ./weed` with the module's own go.mod/go.sum.
# Pure Go (CGO_ENABLED=0). A cold build is long (hundreds of packages; see README "Files"); it runs at nice 19 and
# later builds hit Go's build cache.
set -euo pipefail

WEED_VERSION="${WEED_VERSION:-v0.0.0-20261109003541-7506e5f91cd6}"
WEED_MODULE="github.com/seaweedfs/seaweedfs"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${SEAWEEDFS_STATE_DIR:-$ROOT/.seaweedfs}"
# Fixed test credentials: the server listens on loopback only and lives for one run.
BUCKET="${SEAWEEDFS_BUCKET:-commons-test}"
ACCESS_KEY="${SEAWEEDFS_ACCESS_KEY:-commons-test-key}"
SECRET_KEY="${SEAWEEDFS_SECRET_KEY:-commons-test-secret-0123456789}"
REGION="us-east-1"

log() { printf '[seaweedfs] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

gobin() {
  local bin
  bin="$(go env GOBIN 2>/dev/null || true)"
  if [[ -z "$bin" ]]; then bin="$(go env GOPATH)/bin"; fi
  printf '%s' "$bin"
}

works() { [[ -n "${1:-}" && -x "$1" ]] && "$1" version >/dev/null 2>&1; }

find_weed() {
  local c
  if [[ -n "${WEED_BIN:-}" ]] && works "$WEED_BIN"; then printf '%s' "$WEED_BIN"; return 0; fi
  if command -v go >/dev/null 2>&1; then
    c="$(gobin)/weed"
    if works "$c"; then printf '%s' "$c"; return 0; fi
  fi
  c="$(command -v weed 2>/dev/null || true)"
  if works "$c"; then printf '%s' "$c"; return 0; fi
  return 1
}

cmd_install() {
  local have
  if have="$(find_weed)"; then
    log "found $have ($("$have" version 2>/dev/null | head -n1))"
    return 0
  fi
  command -v go >/dev/null 2>&1 || die "weed not found and Go is not installed (need Go >= 1.26.6)"
  local dir tmp out t0
  t0=$(date +%s)
  log "building weed $WEED_VERSION with $(go version | awk '{print $3}') at nice 19 (cold build: long, see README)"
  dir="$(go mod download -json "$WEED_MODULE@$WEED_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -n "$dir" && -d "$dir" ]] || die "go mod download $WEED_MODULE@$WEED_VERSION failed"
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/weed-src.XXXXXX")"
  cp -R "$dir" "$tmp/seaweedfs"
  chmod -R u+w "$tmp/seaweedfs"
  out="$(gobin)"
  mkdir -p "$out"
  (cd "$tmp/seaweedfs" && CGO_ENABLED=0 nice -n 19 go build -trimpath -o "$out/weed" ./weed)
  rm -rf "$tmp"
  works "$out/weed" || die "built $out/weed but it does not run"
  log "installed $out/weed in $(( $(date +%s) - t0 ))s"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

running_pid() {
  local pid
  [[ -f "$STATE_DIR/pid" ]] || return 1
  pid="$(cat "$STATE_DIR/pid")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && printf '%s' "$pid"
}

# Readiness: a signed CreateBucket through the AWS SDK the app uses succeeds (it also creates the bucket).
# The S3 gateway answers before the master has a writable volume, so a test PUT must succeed too.
wait_ready() {
  local port="$1" pid="$2" i
  for i in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "weed exited early; its log:"; tail -n 60 "$STATE_DIR/weed.log" >&2 || true
      return 1
    fi
    if (cd "$ROOT" && node --input-type=module -e '
      import { createRequire } from "node:module"
      const { S3Client, CreateBucketCommand, PutObjectCommand, DeleteObjectCommand } = createRequire(process.cwd() + "/")("@aws-sdk/client-s3")
      const [port, bucket, accessKeyId, secretAccessKey, region] = process.argv.slice(1)
      const client = new S3Client({ credentials: { accessKeyId, secretAccessKey }, endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true, region, maxAttempts: 1 })
      try {
        await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((error) => {
          if (!["BucketAlreadyOwnedByYou", "BucketAlreadyExists"].includes(error.name)) throw error
        })
        await client.send(new PutObjectCommand({ Body: "ready", Bucket: bucket, Key: ".ready" }))
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: ".ready" }))
        process.exit(0)
      } catch { process.exit(1) }' "$port" "$BUCKET" "$ACCESS_KEY" "$SECRET_KEY" "$REGION" 2>/dev/null); then
      return 0
    fi
    sleep 0.3
  done
  log "weed's S3 gateway did not accept a write on port $port in 90s; its log:"; tail -n 60 "$STATE_DIR/weed.log" >&2 || true
  return 1
}

cmd_start() {
  local bin pid data s3port
  if pid="$(running_pid)"; then
    log "already running (pid $pid, S3 port $(cat "$STATE_DIR/s3port"))"
    return 0
  fi
  bin="$(find_weed)" || die "weed is not installed; run: bash scripts/seaweedfs.sh install"
  mkdir -p "$STATE_DIR"
  data="$(mktemp -d "${TMPDIR:-/tmp}/seaweedfs-data.XXXXXX")"
  cat >"$data/s3.json" <<JSON
{ "identities": [ { "name": "commons", "credentials": [ { "accessKey": "$ACCESS_KEY", "secretKey": "$SECRET_KEY" } ],
    "actions": ["Admin", "Read", "List", "Tagging", "Write"] } ] }
JSON
  s3port="${SEAWEEDFS_S3_PORT:-$(free_port)}"
  # Every listener on loopback and on a free port (gRPC ports too: their default, port+10000, may be taken).
  cd "$ROOT"
  nohup "$bin" server \
    -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -dir="$data" \
    -master.port="$(free_port)" -master.port.grpc="$(free_port)" -master.telemetry=false -master.volumeSizeLimitMB=64 \
    -volume.port="$(free_port)" -volume.port.grpc="$(free_port)" -volume.max=16 -volume.preStopSeconds=0 \
    -filer -filer.port="$(free_port)" -filer.port.grpc="$(free_port)" -filer.localSocket="$data/filer.sock" \
    -s3 -s3.port="$s3port" -s3.port.grpc="$(free_port)" -s3.port.iceberg=0 -s3.config="$data/s3.json" \
    -s3.localSocket="$data/s3.sock" \
    </dev/null >"$STATE_DIR/weed.log" 2>&1 &
  pid=$!
  disown "$pid"
  printf '%s\n' "$pid" >"$STATE_DIR/pid"
  printf '%s\n' "$s3port" >"$STATE_DIR/s3port"
  printf '%s\n' "$data" >"$STATE_DIR/data"
  if ! wait_ready "$s3port" "$pid"; then
    cmd_stop
    die "weed failed to start"
  fi
  log "ready: S3 on http://127.0.0.1:$s3port, bucket $BUCKET (pid $pid, data $data)"
}

cmd_stop() {
  local pid data i
  if pid="$(running_pid)"; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    log "stopped (pid $pid)"
  fi
  if [[ -f "$STATE_DIR/data" ]]; then
    data="$(cat "$STATE_DIR/data")"
    case "$data" in "${TMPDIR:-/tmp}"/seaweedfs-data.*) rm -rf "$data" ;; esac
  fi
  rm -f "$STATE_DIR/pid" "$STATE_DIR/s3port" "$STATE_DIR/data"
}

cmd_status() {
  if running_pid >/dev/null; then
    echo "http://127.0.0.1:$(cat "$STATE_DIR/s3port")"
  else
    echo "not running"; return 1
  fi
}

# The variables the app reads (src/storage/settings.ts; README "Files (local or S3)").
cmd_env() {
  running_pid >/dev/null || die "not running; run: bash scripts/seaweedfs.sh start"
  cat <<ENV
export S3_BUCKET=$BUCKET
export S3_ENDPOINT=http://127.0.0.1:$(cat "$STATE_DIR/s3port")
export S3_REGION=$REGION
export S3_ACCESS_KEY_ID=$ACCESS_KEY
export S3_SECRET_ACCESS_KEY=$SECRET_KEY
export S3_FORCE_PATH_STYLE=true
ENV
}

cmd_run() {
  [[ "${1:-}" == "--" ]] && shift
  [[ $# -gt 0 ]] || die "usage: seaweedfs.sh run -- <command...>"
  cmd_install
  cmd_start
  local code=0
  trap 'cmd_stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  eval "$(cmd_env)"
  log "running: $* (S3_ENDPOINT=$S3_ENDPOINT S3_BUCKET=$S3_BUCKET)"
  (cd "$ROOT" && "$@") || code=$?
  exit "$code"
}

case "${1:-}" in
  install) shift; cmd_install "$@" ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  env) shift; cmd_env "$@" ;;
  run) shift; cmd_run "$@" ;;
  *) echo "usage: $0 {install|start|stop|status|env|run -- <command...>}" >&2; exit 2 ;;
esac
