#!/usr/bin/env bash
# Debian packages the test suites need, installed only when missing.
#   chromium        e2e (playwright-core drives /usr/bin/chromium)        required
#   fonts-noto-cjk  CJK glyphs in e2e screenshots and PDF previews          required
#   ffmpeg          video thumbnails/duration in ingest tests (skipped without it)  optional
set -euo pipefail

log() { printf '[ci-deps] %s\n' "$*" >&2; }

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
fi

apt_updated=0
apt_update_once() {
  if [[ "$apt_updated" == "0" ]]; then
    log "apt-get update"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
    apt_updated=1
  fi
}
apt_install() {
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

have_pkg() { dpkg -s "$1" >/dev/null 2>&1; }

if ! command -v apt-get >/dev/null 2>&1; then
  log "apt-get not available; skipping system packages (need chromium, fonts-noto-cjk; ffmpeg optional)"
  exit 0
fi

required=()
if ! command -v chromium >/dev/null 2>&1 && [[ ! -x /usr/bin/chromium ]]; then required+=(chromium); fi
if ! have_pkg fonts-noto-cjk; then required+=(fonts-noto-cjk); fi

if [[ ${#required[@]} -gt 0 ]]; then
  apt_update_once
  log "installing ${required[*]}"
  apt_install "${required[@]}"
else
  log "chromium and fonts-noto-cjk present"
fi

if ! command -v ffmpeg >/dev/null 2>&1; then
  log "installing ffmpeg (optional)"
  if ! { apt_update_once && apt_install ffmpeg; }; then
    log "warning: could not install ffmpeg; tests that need it will be skipped"
  fi
else
  log "ffmpeg present"
fi
