#!/bin/sh
# Trunk's post-build step (Trunk.toml). Each part rewrites the built index.html, and Trunk runs
# the hooks of one stage at the same time, so they are one hook, run one after the other:
# - the wasm loader moved into a file of its own, for a strict CSP (external_loader.py);
# - the JS glue marked for compiling as it loads, its integrity hash written again
#   (compile_hint.py);
# - the dashboard's default view drawn from data/ into the page, for its first paint before the
#   wasm has loaded, and first-view.js beside it (`sportdash snapshot`: the app's components
#   rendered natively, src/first_view.rs);
# - embed.js, the host page's script for embedded charts, written from the message's constants
#   (`sportdash embed-js`, crates/core/src/embed.rs);
# - the whole dataset as a Frictionless Data Package in one zip, for 下载数据 / Download data
#   (`sportdash package`, docs/open-data.md);
# - the other pages, each its own binary and Trunk build (scripts/build_page.sh): embed.html,
#   one chart for another site's iframe (crates/embed), and review.html, where a report becomes
#   records (crates/review).
set -eu
python3 scripts/external_loader.py
python3 scripts/compile_hint.py
# The command line is native: built by the machine's own toolchain, not the wasm's size build.
(
  unset RUSTUP_TOOLCHAIN CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES
  cargo sportdash snapshot --data data --page "$TRUNK_STAGING_DIR/index.html"
  cargo sportdash embed-js > "$TRUNK_STAGING_DIR/embed.js"
  cargo sportdash package data target/package --zip "$TRUNK_STAGING_DIR/sportdash-data.zip" >/dev/null
)
sh scripts/build_page.sh embed "$TRUNK_STAGING_DIR"
sh scripts/build_page.sh review "$TRUNK_STAGING_DIR"
