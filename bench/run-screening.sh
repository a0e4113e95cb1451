#!/usr/bin/env bash
# Runs the screening benchmark with a throwaway PostgreSQL 15 cluster for the pg_trgm comparison:
# initdb in a temp dir, start on a loopback port, run, then stop and remove the cluster whatever happens.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
port="${PGPORT_BENCH:-55439}"
dir="$(mktemp -d /tmp/timpora-bench-pg.XXXXXX)"

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    as_postgres "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT

if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
as_postgres "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c maintenance_work_mem=512MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
as_postgres "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE EXTENSION pg_trgm" >/dev/null

export TIMPORA_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false"
dotnet run -c Release --project "$repo/bench/Timpora.Bench" -- screening "$@"
