#!/usr/bin/env bash
# The one command that runs every test: installs what a fresh Debian 12 machine lacks (PostgreSQL, Chromium,
# npm packages), checks formatting, runs the suite on SQLite and on a throwaway PostgreSQL server on loopback,
# runs the browser journeys in Chromium, and ends with one line of its own: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work=$(mktemp -d /tmp/timpora-test.XXXXXX)
pg_port=${TIMPORA_PG_PORT:-55432}
replica_port=${TIMPORA_PG_REPLICA_PORT:-$((pg_port + 1))}
pg_bin=/usr/lib/postgresql/15/bin

log() { printf '\n== %s\n' "$*"; }

stop_postgres() {
  for data in "$work/replica" "$work/pg"; do
    if [ -f "$data/postmaster.pid" ]; then
      runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$work"
}
trap stop_postgres EXIT

need=()
[ -x "$pg_bin/initdb" ] || need+=(postgresql postgresql-contrib)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null || { echo "apt-get install failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

log "restore and build"
if ! dotnet restore Timpora.slnx --locked-mode >"$work/restore.log" 2>&1; then
  cat "$work/restore.log"; echo "tests: 0 passed, 1 failed"; exit 1
fi
if ! dotnet build Timpora.slnx -c Release --no-restore -v q -nologo >"$work/build.log" 2>&1; then
  grep -E "error|Error" "$work/build.log" | sort -u | head -50; echo "tests: 0 passed, 1 failed"; exit 1
fi

log "dotnet format --verify-no-changes"
format_failed=0
if ! dotnet format Timpora.slnx --verify-no-changes --no-restore -v q >"$work/format.log" 2>&1; then
  cat "$work/format.log" | head -40; format_failed=1
fi

log "starting PostgreSQL on 127.0.0.1:$pg_port"
mkdir -p "$work/pg" && chown postgres "$work" "$work/pg"
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; echo "tests: 0 passed, 1 failed"; exit 1; }
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$work/pg.log"; echo "tests: 0 passed, 1 failed"; exit 1; }
export TIMPORA_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Pooling=true;Maximum Pool Size=50"

# A streaming replica of that cluster: the suite's reports and exports read from it (ADR 0027). initdb -A trust
# allows replication connections from 127.0.0.1. Once it streams, the primary names it synchronous, and the suite's
# connections commit with remote_apply, so what a test writes is on the replica before the test reads a list.
log "starting its streaming replica on 127.0.0.1:$replica_port"
runuser -u postgres -- "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$work/replica" -R -X stream -c fast >"$work/basebackup.log" 2>&1 \
  || { cat "$work/basebackup.log"; echo "tests: 0 passed, 1 failed"; exit 1; }
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/replica" -l "$work/replica.log" -w \
  -o "-p $replica_port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c hot_standby_feedback=on" start >/dev/null \
  || { cat "$work/replica.log"; echo "tests: 0 passed, 1 failed"; exit 1; }
streaming=0
for _ in $(seq 1 50); do
  streaming=$(runuser -u postgres -- "$pg_bin/psql" -h "$work" -p "$pg_port" -U postgres -Atc "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'" 2>/dev/null)
  [ "$streaming" = 1 ] && break
  sleep 0.2
done
[ "$streaming" = 1 ] || { echo "the replica does not stream"; cat "$work/replica.log"; echo "tests: 0 passed, 1 failed"; exit 1; }
runuser -u postgres -- "$pg_bin/psql" -h "$work" -p "$pg_port" -U postgres -qc "ALTER SYSTEM SET synchronous_standby_names = '*'" -c "SELECT pg_reload_conf()" >/dev/null \
  || { echo "tests: 0 passed, 1 failed"; exit 1; }
export TIMPORA_TEST_PG_REPLICA="Host=127.0.0.1;Port=$replica_port;Username=postgres;Pooling=true;Maximum Pool Size=50"

run_suite() { # name project provider
  local name=$1 project=$2 provider=$3
  log "$name"
  TIMPORA_TEST_PROVIDER=$provider dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$work/$name.trx" --results-directory "$work/results-$name" 2>&1 | tee "$work/$name.log" | grep -vE "^\s*$" | tail -25
}

run_suite sqlite tests/Timpora.Tests/Timpora.Tests.csproj sqlite
run_suite postgresql tests/Timpora.Tests/Timpora.Tests.csproj postgresql
run_suite browser tests/Timpora.BrowserTests/Timpora.BrowserTests.csproj sqlite

passed=0; failed=0; skipped=0
for name in sqlite postgresql browser; do
  line=$(grep -hoE "Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$work/$name.log" | tail -1)
  if [ -z "$line" ]; then
    echo "$name: the test run did not finish"; failed=$((failed + 1)); continue
  fi
  f=$(sed -E 's/Failed: +([0-9]+).*/\1/' <<<"$line"); p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line"); s=$(sed -E 's/.*Skipped: +([0-9]+)/\1/' <<<"$line")
  echo "$name: $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
if [ $format_failed -ne 0 ]; then
  echo "dotnet format found unformatted code (counted as one failure)"; failed=$((failed + 1))
fi

echo "skipped: $skipped (not counted as passed)"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
