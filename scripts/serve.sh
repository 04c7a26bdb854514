#!/usr/bin/env bash
# Installs what is missing, builds the dashboard and serves it with the bundled data at
# http://127.0.0.1:8080 (Ctrl-C stops it), rebuilt on every change; as deployed (scripts/build.sh).
# Extra arguments go to Trunk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh build
source scripts/env.sh
use_size_build
# The address and port are Trunk.toml's (127.0.0.1:8080); `--port N` here takes another.
exec trunk serve --release "$@"
