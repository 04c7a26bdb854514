#!/usr/bin/env bash
# The benchmark (README, "Performance"):
#   bench/run.sh [--runs N] [--phone-runs N] [--quick] [--national DIR] [--build] [--dist DIR]
# Installs bench/node_modules from package-lock.json when it is missing or older than the lock,
# then runs bench.mjs with the project's tools on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  echo "[bench] npm ci (echarts, playwright-core, pinned in bench/package-lock.json)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --silent)
fi
source "$here/../scripts/env.sh"
exec node "$here/bench.mjs" "$@"
