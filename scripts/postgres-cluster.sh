#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests, on 127.0.0.1:55432 (or PORTAL_PG_PORT),
# trusting local logins. Usage: postgres-cluster.sh start DIR | stop DIR, and for the fault
# tests crash DIR (an immediate stop that keeps the data) | resume DIR. The system's own
# cluster is left alone.
set -euo pipefail
action=$1
dir=$2
bin=/usr/lib/postgresql/15/bin
port=${PORTAL_PG_PORT:-55432}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    [ -x "$bin/initdb" ] || "$(dirname "$0")/ensure-packages.sh" postgresql-15
    # A cluster left by an interrupted run is stopped and replaced.
    [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
    # A slow machine gets two tries of two minutes each; a failure shows the server's own log,
    # without which "could not start server" says nothing.
    for try in 1 2; do
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 120 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null; then
        echo "PostgreSQL 15 test cluster on 127.0.0.1:$port"
        exit 0
      fi
      echo "PostgreSQL did not start on 127.0.0.1:$port (try $try); its log:" >&2
      tail -n 30 "$dir/log" >&2 || true
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
      sleep 5
    done
    exit 1
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    rm -rf "$dir"
    echo "PostgreSQL test cluster stopped"
    ;;
  crash)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  resume)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop|crash|resume DIR" >&2
    exit 2
    ;;
esac
