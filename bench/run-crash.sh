#!/usr/bin/env bash
# Crash safety of the check-in API: the application is killed with SIGKILL during sustained check-ins (half the
# clients with an Idempotency-Key), restarted, and the database counted against the answers, N trials on SQLite
# and on a throwaway PostgreSQL 15 cluster (fsync on). Prints acknowledged / lost / duplicated per trial (ADR 0028).
# Then the same trials stopped with SIGTERM: the graceful drain answers every check-in it committed, so the
# column "no key: stored, unanswered" is 0 there and not under SIGKILL.
# Usage: bash bench/run-crash.sh [--trials 5] [--clients 16] [--seed 28]
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${PGPORT_BENCH:-55446}"
source "$repo/bench/postgres-cluster.sh"

dotnet build -c Release "$repo/src/Timpora.Web" -v q -nologo >/dev/null
dotnet build -c Release "$repo/bench/Timpora.Bench" -v q -nologo >/dev/null

status=0
for signal in kill term; do
    echo "== SQLite, SIG${signal^^}"
    dotnet run -c Release --no-build --project "$repo/bench/Timpora.Bench" -- crash --provider sqlite --signal "$signal" "$@" || status=1
done

start_postgres "$port"
for signal in kill term; do
    echo "== PostgreSQL, SIG${signal^^}"
    TIMPORA_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" \
        dotnet run -c Release --no-build --project "$repo/bench/Timpora.Bench" -- crash --provider postgresql --signal "$signal" "$@" || status=1
done
exit $status
