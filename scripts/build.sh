#!/usr/bin/env bash
# Builds the site into dist/ as it is deployed and tested: `trunk build --release`, with the wasm
# compiled for size (scripts/env.sh). Installs what is missing first. Extra arguments go to Trunk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh build
source scripts/env.sh
use_size_build
exec trunk build --release "$@"
