# Sourced by the bench scripts: a throwaway PostgreSQL 15 cluster on a loopback port, in a temp folder,
# removed on exit whatever happens. Usage: start_postgres PORT [extra postgres -c settings...]
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
pg_dir="$(mktemp -d /tmp/timpora-bench-pg.XXXXXX)"

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
    as_postgres "$pgbin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap stop_postgres EXIT

start_postgres() {
    local port=$1; shift
    if [ "$(id -u)" = 0 ]; then chown postgres "$pg_dir"; fi
    as_postgres "$pgbin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$pgbin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 $*" start >/dev/null
}
