#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests and benchmarks.
#   pg_cluster.sh start STATE   creates and starts one in a new temp directory;
#                               writes its conninfo (line 1) and directory (line 2) to STATE
#   pg_cluster.sh stop STATE    stops it and removes the directory and STATE
# The server listens only on a Unix socket in that directory (no TCP port), with
# fsync and synchronous commit on, as in production. initdb refuses to run as
# root: as root the cluster runs as the `postgres` user, in a directory it owns.
set -euo pipefail

usage() { echo "usage: $0 start|stop STATE_FILE" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1 state=$2

find_bin() {
  if [ -n "${TANSIQ_PG_BIN:-}" ]; then echo "$TANSIQ_PG_BIN"; return 0; fi
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return 0
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then echo "$newest"; return 0; fi
  echo "pg_cluster: no PostgreSQL server binaries (initdb) found: install the Debian package" \
    "postgresql (scripts/install-deps.sh does), or set TANSIQ_PG_BIN" >&2
  exit 1
}

as_server=()
if [ "$(id -u)" -eq 0 ]; then as_server=(runuser -u postgres --); fi

stop_cluster() {
  local dir=$1 bin
  bin=$(find_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

stop_recorded() {
  [ -f "$state" ] || return 0
  local dir
  dir=$(sed -n 2p "$state")
  case $dir in /tmp/tansiq-pg-*) stop_cluster "$dir" ;; esac
  rm -f "$state"
}

case $action in
start)
  stop_recorded # a cluster left by an interrupted run of the same build
  bin=$(find_bin)
  dir=$(mktemp -d /tmp/tansiq-pg-XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "pg_cluster: running as root but there is no 'postgres' user to run the server as" >&2
      rm -rf "$dir"; exit 1
    fi
    chown postgres: "$dir"
  fi
  # On any failure from here on: show why, and leave nothing behind.
  trap 'status=$?; if [ $status -ne 0 ]; then
          echo "pg_cluster: cannot start PostgreSQL (see the logs below)" >&2
          cat "$dir"/*.log >&2 2>/dev/null || true; stop_cluster "$dir"; fi' EXIT
  "${as_server[@]}" "$bin/initdb" -D "$dir/data" -U tansiq -A trust -E UTF8 --locale=C \
    --no-sync >"$dir/initdb.log" 2>&1
  "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -p 5432 -c fsync=on -c synchronous_commit=on \
        -c max_connections=300" start >"$dir/pg_ctl.log" 2>&1
  printf 'host=%s port=5432 user=tansiq dbname=postgres\n%s\n' "$dir" "$dir" >"$state"
  ;;
stop)
  stop_recorded
  ;;
*) usage ;;
esac
