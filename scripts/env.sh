# Sourced by the other scripts: where the project's tools are.
tools_dir=${SPORTDASH_TOOLS:-$HOME/.cache/sportdash-tools}
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$tools_dir/node_modules/.bin:$PATH"
