#!/usr/bin/env bash
# The tip line on SQLite and on a throwaway PostgreSQL 15 cluster: the inbox's first page with filters over
# 200,000 tips (p50/p95 over HTTP as a signed-in officer) and the public form's posts per second on loopback.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${PGPORT_BENCH:-55441}"
source "$repo/bench/postgres-cluster.sh"

dotnet build -c Release "$repo/src/Timpora.Web" -v q -nologo >/dev/null
dotnet build -c Release "$repo/bench/Timpora.Bench" -v q -nologo >/dev/null

echo "== SQLite"
dotnet run -c Release --no-build --project "$repo/bench/Timpora.Bench" -- tips --provider sqlite "$@"

start_postgres "$port" -c shared_buffers=256MB
as_postgres "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE timpora_bench" >/dev/null

echo "== PostgreSQL"
TIMPORA_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=timpora_bench" TIMPORA_BENCH_PGDATA="$pg_dir/data" \
    dotnet run -c Release --no-build --project "$repo/bench/Timpora.Bench" -- tips --provider postgresql "$@"
