#!/usr/bin/env bash
# Refreshes the embedded dagre from the npm package pinned in
# .ci/node/package.json (installed by .ci/install-tools). Bump the version
# there first, then run this and update DagreVersion in lineagehtml.go.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
node_dir=${AIPROV_NODE_DIR:-${AIPROV_CACHE:-$HOME/.cache/aiprov}/node}
src=$node_dir/node_modules/@dagrejs/dagre
cp "$src/dist/dagre.min.js" "$here/dagre.min.js"
cp "$src/LICENSE" "$here/dagre.LICENSE"
grep '"version"' "$src/package.json"
