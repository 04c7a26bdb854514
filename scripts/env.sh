# Sourced by the other scripts: where the project's tools are.
tools_dir=${SPORTDASH_TOOLS:-$HOME/.cache/sportdash-tools}
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$tools_dir/node_modules/.bin:$PATH"

# The deployed wasm is compiled for size by a pinned nightly (docs/performance.md, "What was
# tried"): the standard library rebuilt for size, a panic a bare trap, no source locations in
# the binary. scripts/build.sh and scripts/serve.sh build with it; the tests, clippy and the
# command line use the machine's own toolchain.
size_toolchain=nightly-2026-10-01
use_size_build() {
  export RUSTUP_TOOLCHAIN=$size_toolchain
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
}
