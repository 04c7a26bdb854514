#!/usr/bin/env bash
# Installs what building, serving and testing the dashboard need, and skips what is already there.
# Usage: scripts/install-tools.sh [build|test]   (test also installs the browser and e2e packages)
# The versions and traps are those in ../shared/toolchain.md.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-build}
source scripts/env.sh   # tools_dir, the size build's toolchain
trunk_version="0.21.14"
binaryen_version="132"
frictionless_version="5.21.0"
jsonschema_version="4.26.0"
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '[install] %s\n' "$*"; }

have_apt_packages() {
  dpkg-query -W -f='${Status}\n' "$@" 2>/dev/null | grep -c "install ok installed" | grep -qx "$#"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! rustup component list --toolchain "$size_toolchain" --installed 2>/dev/null | grep -q '^rust-src'; then
  # The deployed wasm's size build (scripts/env.sh): its standard library is built from source.
  say "rust $size_toolchain with rust-src (about 30 seconds)"
  rustup toolchain install "$size_toolchain" --profile minimal --component rust-src
fi

# Trunk runs cargo offline, so the crates the build needs are fetched here: the project's, and
# those of the standard library that the size build compiles from source (a fresh machine's
# registry has neither). Quick when they are already there.
cargo fetch --quiet
cargo +"$size_toolchain" fetch --quiet \
  --manifest-path "$(rustc +"$size_toolchain" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

if ! trunk --version 2>/dev/null | grep -q "trunk $trunk_version"; then
  say "trunk $trunk_version (about 9 minutes on 2 cores)"
  cargo install --locked trunk --version "=$trunk_version"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $wasm_bindgen_version"; then
  # Not --locked: its lock file names a crate version the registry does not serve.
  say "wasm-bindgen-cli $wasm_bindgen_version"
  cargo install wasm-bindgen-cli --version "=$wasm_bindgen_version" --force
fi

if ! "$tools_dir/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $binaryen_version"; then
  # Debian's binaryen emits wasm that fails to load; the npm build is the one that works.
  say "binaryen $binaryen_version (wasm-opt) into $tools_dir"
  mkdir -p "$tools_dir"
  npm install --prefix "$tools_dir" --no-audit --no-fund --silent "binaryen@$binaryen_version"
fi

if [ "$what" = test ]; then
  if ! have_apt_packages chromium chromium-driver fonts-noto-cjk; then
    say "chromium, chromium-driver, fonts-noto-cjk (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  fi
  if ! twiggy --version 2>/dev/null | grep -q " 0.8.0$"; then
    # The benchmark's breakdown of the wasm by function and by crate (README, "Performance").
    say "twiggy 0.8.0 (about 2 minutes)"
    cargo install --locked twiggy --version "=0.8.0"
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/pym.js ]; then
    say "playwright-core, axe-core and pym.js for the end-to-end tests"
    npm ci --prefix tests/e2e --no-audit --no-fund --silent
  fi
  # The open data's checks (docs/open-data.md): `frictionless validate` on the package and
  # scripts/check-schemas.py (jsonschema) on the data files, in a venv of their own.
  venv="$tools_dir/venv"
  if ! "$venv/bin/python" - "$frictionless_version" "$jsonschema_version" 2>/dev/null <<'EOF'
import sys
from importlib.metadata import version
sys.exit(0 if [version("frictionless"), version("jsonschema")] == sys.argv[1:] else 1)
EOF
  then
    say "frictionless $frictionless_version, jsonschema $jsonschema_version (pip, into $venv)"
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq python3-venv >/dev/null
    fi
    python3 -m venv --clear "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
      "frictionless==$frictionless_version" "jsonschema==$jsonschema_version"
  fi
fi

say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $("$tools_dir/node_modules/.bin/wasm-opt" --version | awk '{print $3}')"
