#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests is present. Browsers cannot be downloaded here
# (never `playwright install`): Debian's chromium is used, with a Japanese font so screens render.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
# grep -c reads all of fc-list's output: `grep -q` would exit early, and under pipefail the
# SIGPIPE this gives fc-list would count as "font missing".
if [ -x "$chromium" ] && [ "$(fc-list 2>/dev/null | grep -ci "Noto Sans CJK")" -gt 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium fonts-noto-cjk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-noto-cjk >/dev/null; }
  exit 0
fi
echo "The browser tests need Chromium at $chromium and a Japanese font." >&2
echo "Install them with: sudo apt-get install -y chromium fonts-noto-cjk  (or set CHROMIUM_PATH)" >&2
exit 1
