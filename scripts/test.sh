#!/usr/bin/env bash
# `npm test`: every tier. Unit and integration on PGlite; the integration tier again on
# PostgreSQL when TEST_DATABASE_URL is set; then the browser tests against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== unit =="
npx vitest run --project unit

echo "== integration (PGlite) =="
env -u TEST_DATABASE_URL npx vitest run --project integration

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== integration (PostgreSQL) =="
  npx vitest run --project integration
fi

echo "== end-to-end =="
bash scripts/e2e.sh
