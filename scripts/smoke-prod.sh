#!/usr/bin/env bash
# Production smoke test (CI): `next build` once, with no database reachable (a build must not need one), then
# `npm start` on a fresh SQLite file (migrations applied at start; 2 processes, one killed and replaced) and on
# MongoDB wire (FerretDB, as many processes as cores), each time
# checking /admin/login (200), /api/search?q=党员 (200 JSON), /api/health (200, ready), that the first start
# created no accounts, and / of the member site when the app has one, and (on SQLite) the member site's
# JavaScript per page against its budget (scripts/js-budget.ts). Prints build time, start time and health latency.
#   bash scripts/smoke-prod.sh            build, then both databases
#   SMOKE_PORT=3300 (default), SMOKE_SKIP_BUILD=1 reuses the last build in .next-prod/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export NEXT_DIST_DIR=.next-prod NEXT_TELEMETRY_DISABLED=1
PORT=${SMOKE_PORT:-3300}
BASE="http://localhost:$PORT"

fail() { echo "smoke-prod: FAIL: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

build() {
  local started; started=$(now_ms)
  # A database path that cannot be created: the build fails if anything in it opens the database.
  DATABASE_URI="file:/nonexistent-smoke-build/commons.db" MEILI_HOST='' npx next build >/tmp/smoke-prod-build.log 2>&1 ||
    { tail -50 /tmp/smoke-prod-build.log; fail "next build"; }
  echo "smoke-prod: next build in $(( ($(now_ms) - started) / 1000 )) s (no database)"
}

# check <label>: the running server answers as a fresh production install should
check() {
  local label=$1 body code
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/admin/login") || true
  [[ $code == 200 ]] || fail "$label: /admin/login answered $code"
  body=$(curl -sf -H 'Accept: application/json' "$BASE/api/search?q=%E5%85%9A%E5%91%98") || fail "$label: /api/search failed"
  node -e 'const b = JSON.parse(process.argv[1]); if (!Array.isArray(b.hits) || typeof b.total !== "number") process.exit(1)' "$body" ||
    fail "$label: /api/search is not the search answer: $body"
  body=$(curl -sf "$BASE/api/health") || fail "$label: /api/health failed"
  node -e 'const b = JSON.parse(process.argv[1]); if (b.ready !== true || b.components.database.status !== "ok") process.exit(1)' "$body" ||
    fail "$label: /api/health not ready: $body"
  # No demo accounts on a production first start: the admin still asks for its first user.
  body=$(curl -sf "$BASE/api/users/init") || fail "$label: /api/users/init failed"
  [[ $body == *'"initialized":false'* ]] || fail "$label: the first start created accounts: $body"
  if compgen -G 'src/app/(site)/page.tsx' >/dev/null; then
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/") || true
    [[ $code == 200 ]] || fail "$label: the member site / answered $code"
  fi
  # the member site's JavaScript budget, measured on this build (once: the build is the same for both databases)
  if [[ $label == *SQLite* ]] && compgen -G 'src/app/(site)/page.tsx' >/dev/null; then
    npx tsx scripts/js-budget.ts "$NEXT_DIST_DIR" "$BASE" || fail "$label: the member site is over its JavaScript budget"
  fi
  local total=0 ms
  for _ in 1 2 3 4 5; do
    ms=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/health" | awk '{ printf "%d", $1 * 1000 }')
    total=$(( total + ms ))
  done
  echo "smoke-prod: $label: admin, search, health$(compgen -G 'src/app/(site)/page.tsx' >/dev/null && echo ', member site') OK; health $(( total / 5 )) ms on average"
}

# the `next start` processes in process group $1 (scripts/serve.mjs's workers)
workers() { ps -eo pid=,pgid=,args= | awk -v g="$1" '$2 == g && /next-server/ { print $1 }'; }

# several_processes <group>: npm start runs COMMONS_WEB_PROCESSES (2) processes; one killed is replaced while the
# others serve; a bad count is refused with a message
several_processes() {
  local group=$1 before victim after
  before=$(workers "$group" | wc -l)
  [[ $before == 2 ]] || fail "COMMONS_WEB_PROCESSES=2: $before next start processes"
  victim=$(workers "$group" | tail -1)
  kill -9 "$victim"
  for _ in $(seq 120); do
    after=$(workers "$group")
    [[ $(wc -l <<<"$after") == 2 ]] && ! grep -qx "$victim" <<<"$after" && break
    sleep 0.5
  done
  [[ $(wc -l <<<"$after") == 2 ]] && ! grep -qx "$victim" <<<"$after" || fail "a killed process was not replaced: $after"
  curl -sf -o /dev/null "$BASE/api/health" || fail "health failed after a process was replaced"
  local refused
  refused=$(COMMONS_WEB_PROCESSES=abc node scripts/serve.mjs 2>&1) && fail "COMMONS_WEB_PROCESSES=abc was accepted"
  [[ $refused == *'COMMONS_WEB_PROCESSES must be a whole number'* ]] || fail "no clear message for a bad COMMONS_WEB_PROCESSES: $refused"
  echo "smoke-prod: npm start ran 2 processes; a killed one was replaced (pid $victim); a bad count is refused"
}

# serve <label>: npm start against the environment's DATABASE_URI, check it, stop it
serve() {
  local label=$1 work started pid
  work=$(mktemp -d)
  export MEDIA_DIR="$work/media" SEARCH_DB_FILE="$work/search.db" COMMONS_BACKUP_MARKER="$work/last-backup"
  export PAYLOAD_SECRET; PAYLOAD_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')
  export COMMONS_PUBLIC_URL="$BASE" PORT COMMONS_SEED_ON_START=false MEILI_HOST=''
  started=$(now_ms)
  setsid npm start >"$work/server.log" 2>&1 &
  pid=$!
  trap 'kill -- -'"$pid"' 2>/dev/null || true; rm -rf '"$work" EXIT
  until curl -sf -o /dev/null "$BASE/api/health"; do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$work/server.log"; fail "$label: npm start exited"; }
    (( $(now_ms) - started < 180000 )) || { tail -40 "$work/server.log"; fail "$label: not ready after 180 s"; }
    sleep 0.5
  done
  echo "smoke-prod: $label: npm start ready in $(( ($(now_ms) - started) / 1000 )) s"
  check "$label" || { tail -40 "$work/server.log"; exit 1; }
  [[ -z ${COMMONS_WEB_PROCESSES:-} ]] || several_processes "$pid" || { tail -40 "$work/server.log"; exit 1; }
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sleep 1
  [[ -z $(workers "$pid") ]] || fail "$label: next start processes left after npm start was stopped"
  rm -rf "$work"
  trap - EXIT
}

case "${1:-all}" in
  all)
    [[ ${SMOKE_SKIP_BUILD:-} == 1 ]] || build
    "$0" sqlite
    bash scripts/ferretdb.sh run -- "$0" mongodb
    ;;
  sqlite)
    tmp=$(mktemp -d)
    DATABASE_URI="file:$tmp/commons.db" COMMONS_WEB_PROCESSES=2 serve "fresh SQLite (migrations at start, 2 processes)"
    rm -rf "$tmp"
    ;;
  mongodb)
    [[ ${DATABASE_URI:-} == mongodb* ]] || fail "mongodb: run through scripts/ferretdb.sh (DATABASE_URI=mongodb://…)"
    serve "MongoDB wire (FerretDB)"
    ;;
  *) fail "usage: $0 [all|sqlite|mongodb]" ;;
esac
