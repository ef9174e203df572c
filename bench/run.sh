#!/usr/bin/env bash
# Runs every benchmark at full size and prints each figure with its baseline
# and ratio. Usage: bench/run.sh [--objects N]   (default N = 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh tansiq import_bench taxii_bench store_bench ingest_bench >/dev/null
echo "== import: ATT&CK Enterprise vs simdjson + SQLite floor =="
build/bench/import_bench
echo
echo "== TAXII over loopback =="
build/bench/taxii_bench --binary build/src/cli/tansiq "$@"
echo
echo "== ingestion end to end (tansiq ingest's path) vs normalisation alone =="
build/bench/ingest_bench
echo
echo "== PostgreSQL store vs SQLite (a throw-away local cluster) =="
build/bench/store_bench
