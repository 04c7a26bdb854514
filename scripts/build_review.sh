#!/bin/sh
# Builds the review page (crates/review) with its own Trunk build and copies it into the site
# being built, $1, as review.html beside the dashboard's index.html. Called by post_build.sh;
# SPORTDASH_SKIP_REVIEW=1 leaves it out (a faster `trunk serve` while working on the dashboard).
set -eu
staging=$1
[ "${SPORTDASH_SKIP_REVIEW:-}" = 1 ] && exit 0
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/target/review-dist"
release=""
[ "${TRUNK_PROFILE:-debug}" = release ] && release="--release"
# The outer build's TRUNK_* settings are not this build's.
for name in $(env | sed -n 's/^\(TRUNK_[A-Z_]*\)=.*/\1/p'); do unset "$name"; done
(cd "$root/crates/review" && trunk build $release)
cp "$out/index.html" "$staging/review.html"
for file in "$out"/*; do
  case "$(basename "$file")" in
    index.html) ;;
    *) cp -r "$file" "$staging/" ;;
  esac
done
