#!/usr/bin/env bash
# Runs the screening benchmark with a throwaway PostgreSQL 15 cluster for the pg_trgm comparison.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${PGPORT_BENCH:-55439}"
source "$repo/bench/postgres-cluster.sh"

start_postgres "$port" -c shared_buffers=512MB -c maintenance_work_mem=512MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off
as_postgres "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE EXTENSION pg_trgm" >/dev/null

export TIMPORA_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false"
dotnet run -c Release --project "$repo/bench/Timpora.Bench" -- screening "$@"
