#!/usr/bin/env bash
# `npm test`: every tier. Unit and integration on PGlite; the integration tier again on
# PostgreSQL when TEST_DATABASE_URL is set; then the browser tests against a production build.
# Each tier prints how long it took, so a slow one is seen before it nears CI's time limit.
set -euo pipefail
cd "$(dirname "$0")/.."

tier() {
  local name="$1"
  shift
  echo "== ${name} =="
  local started=$SECONDS
  "$@"
  echo "== ${name}: $((SECONDS - started)) s =="
}

tier "unit" npx vitest run --project unit
tier "integration (PGlite)" env -u TEST_DATABASE_URL npx vitest run --project integration
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  tier "integration (PostgreSQL)" npx vitest run --project integration
fi
tier "end-to-end" bash scripts/e2e.sh
