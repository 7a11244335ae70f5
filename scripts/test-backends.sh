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
  scripts/postgres-cluster.sh start "$dir"
  trap 'scripts/postgres-cluster.sh stop "$dir"' EXIT
  export PORTAL_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:55432/postgres"
fi

echo "== Tests on PostgreSQL"
PORTAL_TEST_BACKEND=postgres cargo nextest run --workspace --no-fail-fast "$@"
