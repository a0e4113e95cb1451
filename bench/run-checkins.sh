#!/usr/bin/env bash
# Check-in throughput over HTTP on loopback, on SQLite and on a throwaway PostgreSQL 15 cluster (fsync on,
# as in production), each beside its own plain bulk-insert ceiling, plus a 100,000-row bulk file.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
port="${PGPORT_BENCH:-55440}"
dir="$(mktemp -d /tmp/timpora-bench-pg.XXXXXX)"

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    as_postgres "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT

dotnet build -c Release "$repo/src/Timpora.Web" -v q -nologo >/dev/null
dotnet build -c Release "$repo/bench/Timpora.Bench" -v q -nologo >/dev/null

echo "== SQLite"
dotnet run -c Release --no-build --project "$repo/bench/Timpora.Bench" -- checkins --provider sqlite "$@"

if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
as_postgres "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" start >/dev/null
as_postgres "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE timpora_bench" >/dev/null

echo "== PostgreSQL"
TIMPORA_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=timpora_bench" \
    dotnet run -c Release --no-build --project "$repo/bench/Timpora.Bench" -- checkins --provider postgresql "$@"
