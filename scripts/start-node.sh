#!/usr/bin/env bash
# The one command to get a working node: installs what is missing (Debian
# packages), builds, creates a node with the embedded SQLite store in
# ./tansiq-node (first run only; the admin token is printed then), imports the
# demo data shipped in data/demo/, and serves TAXII 2.1 until Ctrl-C.
#   TANSIQ_DIR   node directory (default: tansiq-node)
#   TANSIQ_PORT  TCP port (default: 7373; 0 picks a free one)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh tansiq
node_dir=${TANSIQ_DIR:-tansiq-node}
tansiq=build/src/cli/tansiq
if [ ! -f "$node_dir/tansiq.toml" ]; then
  "$tansiq" init "$node_dir" --name "Tansiq demo node"
  "$tansiq" --dir "$node_dir" import data/demo
fi
exec "$tansiq" --dir "$node_dir" serve --port "${TANSIQ_PORT:-7373}"
