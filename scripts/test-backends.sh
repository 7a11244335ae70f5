#!/usr/bin/env bash
# Runs every unit and integration test twice: on SQLite, then on PostgreSQL. PostgreSQL is the
# server PORTAL_TEST_POSTGRES_URL names when it is set, else a throw-away PostgreSQL 15 cluster
# started here and stopped on exit. Arguments go to nextest (`just soak` picks the fault tests).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Tests on SQLite"
PORTAL_TEST_BACKEND=sqlite cargo nextest run --workspace --no-fail-fast "$@"

if [ -z "${PORTAL_TEST_POSTGRES_URL:-}" ]; then
  # Under /tmp: the postgres user must be able to reach it, which a home directory may forbid.
  dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
  # 55432 unless something holds it (a cluster left by another run, or a process of the SQLite
  # run that took it as an ephemeral port): then any free port.
  port=${PORTAL_PG_PORT:-55432}
  if ! python3 -c 'import socket, sys; socket.socket().bind(("127.0.0.1", int(sys.argv[1])))' "$port" 2>/dev/null; then
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "port ${PORTAL_PG_PORT:-55432} is taken: the test cluster listens on $port"
  fi
  if ! PORTAL_PG_PORT=$port scripts/postgres-cluster.sh start "$dir"; then
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "trying once more, on port $port"
    PORTAL_PG_PORT=$port scripts/postgres-cluster.sh start "$dir"
  fi
  trap 'PORTAL_PG_PORT=$port scripts/postgres-cluster.sh stop "$dir"' EXIT
  export PORTAL_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
fi

echo "== Tests on PostgreSQL"
PORTAL_TEST_BACKEND=postgres cargo nextest run --workspace --no-fail-fast "$@"
