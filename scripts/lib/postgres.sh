# Shared by scripts/test and scripts/bench: a free loopback port and a throwaway PostgreSQL
# cluster under $PG_DIR (set PG_DIR before sourcing; the caller defines info and warn).

# A free TCP port on 127.0.0.1 (tiny race window between closing and reuse; fine here).
free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# ---------------------------------------------------------------------------
# PostgreSQL (throwaway cluster under $WORK/pg)
# ---------------------------------------------------------------------------
PG_DIR="${PG_DIR:?set PG_DIR before sourcing}"  # owned by the postgres user when we are root
PG_DATA="$PG_DIR/data"
PG_BIN=""
PG_PORT=""
PG_URL=""

pg_find_bin() {
    local d
    PG_BIN=""
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        [[ -x "$d/initdb" ]] && PG_BIN="$d"
    done
    [[ -n "$PG_BIN" ]]
}

# Run a command as the postgres OS user (PostgreSQL refuses to run as root).
as_pg() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    pg_find_bin || { warn "initdb not found under /usr/lib/postgresql/*/bin"; return 1; }
    PG_PORT="$(free_port)"
    mkdir -p "$PG_DIR"
    chmod 700 "$PG_DIR"
    if [[ $EUID -eq 0 ]]; then
        chown postgres:postgres "$PG_DIR"
    fi

    info "initdb ($PG_BIN) in $PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C \
        --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 || {
        cat "$PG_DIR/initdb.log" >&2
        return 1
    }

    info "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    # fsync & co. off: throwaway data, faster tests. Every test has its own application and
    # connection pool, and they run in parallel: room for 400 connections.
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
        start >/dev/null; then
        warn "PostgreSQL did not start; its log:"
        cat "$PG_DIR/postgres.log" >&2 || true
        return 1
    fi

    info "creating role treem (superuser) and database treem_test"
    as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres \
        -c "CREATE ROLE treem LOGIN SUPERUSER PASSWORD 'treem'" \
        -c "CREATE DATABASE treem_test OWNER treem ENCODING 'UTF8'" || return 1

    PG_URL="postgres://treem:treem@127.0.0.1:$PG_PORT/treem_test"
    # Check the exact URL the tests get (TCP + password auth).
    PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$PG_URL" \
        -c 'SELECT 1' >/dev/null || { warn "cannot connect with $PG_URL"; return 1; }
    info "PostgreSQL ready: postgres://treem:***@127.0.0.1:$PG_PORT/treem_test"
}

# Idempotent: stops the cluster if it is running, whoever started it.
pg_stop() {
    if [[ -f "$PG_DATA/postmaster.pid" ]]; then
        [[ -n "$PG_BIN" ]] || pg_find_bin || true
        info "stopping PostgreSQL"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || {
            # Last resort: kill the postmaster by its recorded pid.
            local pid
            pid="$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
            [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
        }
    fi
}
