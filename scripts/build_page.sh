#!/bin/sh
# Builds one of the site's other pages, crates/$1 (review: where a report becomes records;
# embed: one chart for an iframe), with its own Trunk build, and copies it into the site being
# built, $2, as $1.html beside the dashboard's index.html: Trunk builds one main wasm per page,
# and each build clears its dist. Called by post_build.sh. SPORTDASH_SKIP_REVIEW=1 leaves the
# review page out (a faster `trunk serve` while working on the dashboard).
set -eu
page=$1
staging=$2
[ "$page" = review ] && [ "${SPORTDASH_SKIP_REVIEW:-}" = 1 ] && exit 0
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/target/$page-dist"
release=""
[ "${TRUNK_PROFILE:-debug}" = release ] && release="--release"
# The outer build's TRUNK_* settings are not this build's.
for name in $(env | sed -n 's/^\(TRUNK_[A-Z_]*\)=.*/\1/p'); do unset "$name"; done
(cd "$root/crates/$page" && trunk build $release)
cp "$out/index.html" "$staging/$page.html"
for file in "$out"/*; do
  case "$(basename "$file")" in
    index.html) ;;
    *) cp -r "$file" "$staging/" ;;
  esac
done
