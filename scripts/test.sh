#!/usr/bin/env bash
# Installs what the tests need and runs them all: format and lints, native tests (core, data,
# validator, charts), the open data package (frictionless validate) and the data files' JSON
# Schemas, the validator CLI and the independent quote check, component tests in headless
# Chromium, the release build, the development server, and end-to-end tests of the built site in
# Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { printf '\n==> %s (%ss)\n' "$*" "$((SECONDS - started))"; }

step "installing tools"
bash scripts/install-tools.sh test
source scripts/env.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p sportdash-dashboard -p sportdash-review -p sportdash-embed -p sportdash-web --all-targets --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --workspace

step "open data: the Frictionless package and the data files' JSON Schemas"
rm -rf target/package
cargo sportdash package data target/package
"$tools_dir/venv/bin/frictionless" validate target/package/datapackage.json
"$tools_dir/venv/bin/python" scripts/check-schemas.py data

step "validator CLI and the independent quote check"
cargo sportdash validate data --reports ../shared/reports
python3 ../shared/tools/check-quotes data ../shared/reports

step "extraction: precision and recall against the hand-read answers"
cargo run --quiet -p sportdash-extract --example extract_score -- ../shared/reports
step "proposals: whole records on three reports the rules were not tuned to"
cargo run --quiet -p sportdash-extract --example propose_score -- crates/extract/tests/fixtures/unseen

step "component tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p sportdash-dashboard --target wasm32-unknown-unknown --test components

step "release build, as deployed (scripts/build.sh)"
bash scripts/build.sh
ls -l dist/*.wasm dist/*.js | awk '{print $5, $9}'
printf 'dashboard wasm gzip: %s bytes\n' "$(gzip -9 -c dist/dashboard-*_bg.wasm | wc -c)"
printf 'embed wasm gzip: %s bytes\n' "$(gzip -9 -c dist/embed-*_bg.wasm | wc -c)"

step "scripts/serve.sh: the development server builds the site and serves it"
# Its build differs from the release build only in Trunk's serve mode, where a failed build
# still serves the last dist: so the log is read, not only the page.
serve_log=target/serve.log
bash scripts/serve.sh --port 8091 > "$serve_log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 300); do
  grep -q "server listening" "$serve_log" && break
  kill -0 "$serve_pid" 2>/dev/null || break
  sleep 1
done
served=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8091/embed.html || true)
kill "$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true
if [ "$served" != 200 ] || ! grep -q "server listening" "$serve_log" || grep -q "ERROR" "$serve_log"; then
  cat "$serve_log"
  echo "scripts/serve.sh did not build and serve the site (HTTP $served)"
  exit 1
fi

step "synthetic national data set (about 3,200 places × 20 years × 12 indicators)"
cargo run --quiet -p sportdash-devtools --example national -- target/national | tail -1

step "end-to-end tests in Chromium"
(cd tests/e2e && DIST="$PWD/../../dist" NATIONAL="$PWD/../../target/national" node --test --test-concurrency=1)
step "benchmark (short run; figures only, no thresholds)"; bench/run.sh --quick --national target/national

step "done"
