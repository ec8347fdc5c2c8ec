#!/usr/bin/env bash
# Browser tests: a production build, served by the demo command on a fresh embedded database,
# driven by Playwright in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
NODE_ENV=production npx next build
npx playwright test "$@"
