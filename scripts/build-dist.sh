#!/usr/bin/env bash
# Builds the release dist/: the page, styles, fonts and demo data once, and one wasm bundle
# per backend (cargo feature), so a deployment downloads only the adapter it talks to.
# boot.js picks the bundle at load time (see public/boot.js).
#
#   BUNDLES="demo django_helpdesk" bash scripts/build-dist.sh   # only these (faster while iterating)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# One per wired adapter; a kind without a bundle loads the demo bundle, which says so.
ALL="demo django_helpdesk request_tracker"
BUNDLES="${BUNDLES:-$ALL}"

# The page itself, with the demo as the bundle for anything not built.
trunk build --release --no-default-features --features demo
rm -rf target/bundles && mkdir -p target/bundles/demo
cp dist/index.html dist/pishkhan-*.js dist/pishkhan-*_bg.wasm target/bundles/demo/
for kind in $BUNDLES; do
  [ "$kind" = demo ] && continue
  trunk build --release --no-default-features --features "${kind//_/-}" --dist "target/bundles/$kind"
done
node scripts/bundle-manifest.mjs dist target/bundles $BUNDLES
