# Shared by the PgQ benchmarks: one throwaway cluster from the local PostgreSQL binaries, the
# schemas of this tree installed as psql would, and the C PgQ of Debian's packages as yardstick.
# Sourced by bash scripts that run with set -euo pipefail.

# pgq_bench_init NAME FIRST_PORT: sets ROOT, SQL, BINDIR, MAJOR, PORT (kept when the caller set
# it, else the first free one from FIRST_PORT), WORK, RUN and the libpq environment, and removes
# the cluster on exit.
pgq_bench_init() {
    ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    SQL=$ROOT/pgq-sql/src/main/resources/org/skytools/sql
    BINDIR=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
    MAJOR=$(basename "$(dirname "$BINDIR")")
    if [ -z "${PORT:-}" ]; then
        PORT=$2
        while (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || [ -e "/tmp/.s.PGSQL.$PORT" ]; do
            PORT=$((PORT + 1))
        done
    fi
    WORK=$(mktemp -d "/tmp/$1.XXXXXX")
    RUN=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$WORK"
        RUN=(runuser -u postgres --)
    fi
    export PGHOST=$WORK PGPORT=$PORT PGUSER=postgres
    trap pgq_bench_cleanup EXIT
}

pgq_bench_cleanup() {
    "${RUN[@]}" "$BINDIR/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}

# pgq_bench_start: initdb and start, with the settings read from stdin after port and sockets.
pgq_bench_start() {
    "${RUN[@]}" "$BINDIR/initdb" -D "$WORK/data" -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null 2>&1
    {
        printf "port = %s\nlisten_addresses = ''\nunix_socket_directories = '%s'\n" "$PORT" "$WORK"
        cat
    } >> "$WORK/data/postgresql.conf"
    "${RUN[@]}" "$BINDIR/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w start >/dev/null
}

psql_q() { "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

# Inline '\i file' lines, each resolved relative to the including file.
flatten() {
    local file=$1 dir line
    dir=$(dirname "$file")
    while IFS= read -r line || [ -n "$line" ]; do
        if [[ $line =~ ^\\i[[:space:]]+([^[:space:]]+)[[:space:]]*$ ]]; then
            flatten "$dir/${BASH_REMATCH[1]}"
        else
            printf '%s\n' "$line"
        fi
    done < "$file"
}

# have_c_pgq: installs postgresql-MAJOR-pgq3 when running as root and it is missing; true when
# the C PgQ extension is there.
have_c_pgq() {
    if [ ! -f "/usr/share/postgresql/$MAJOR/extension/pgq.control" ] && [ "$(id -u)" = 0 ]; then
        apt-get install -y "postgresql-$MAJOR-pgq3" >/dev/null 2>&1 || true
    fi
    [ -f "/usr/share/postgresql/$MAJOR/extension/pgq.control" ]
}

# trigger_variants BASE: sets KINDS, the capture trigger variants to measure: none, logutriga and
# jsontriga of this tree, base_logutriga and base_jsontriga of the tree BASE when one is given, and
# c_logutriga (the original) when the C PgQ is available.
trigger_variants() {
    KINDS=(none logutriga jsontriga)
    if [ -n "$1" ]; then
        KINDS+=(base_logutriga base_jsontriga)
    fi
    if have_c_pgq; then
        KINDS+=(c_logutriga)
    else
        echo "postgresql-$MAJOR-pgq3 not available: no C yardstick" >&2
    fi
}

# install_trigger_variant DB KIND BASE: installs the PgQ that variant KIND needs into DB, with the
# queue "bench", and prints the name of its trigger function in schema pgq (nothing for none).
install_trigger_variant() {
    local tree=$ROOT
    case $2 in
        none) return ;;
        c_*)
            psql_q -d "$1" -c "create extension pgq" -c "select pgq.create_queue('bench')" >/dev/null || return 1
            echo "${2#c_}"
            return ;;
        base_*) tree=$3 ;;
    esac
    # a command substitution does not inherit set -e: each step returns on failure itself
    flatten "$tree/pgq-sql/src/main/resources/org/skytools/sql/pgq/install.sql" | psql_q -d "$1" >/dev/null || return 1
    psql_q -d "$1" -c "select pgq.create_queue('bench')" >/dev/null || return 1
    echo "${2#base_}"
}

# tpcb_transactions COUNT: TPC-B-like transactions, one statement per line as a single-user backend
# reads them; the four pgbench tables are written in each, as pgbench does.
tpcb_transactions() {
    local i aid tid
    for ((i = 1; i <= $1; i++)); do
        aid=$((i * 37 % 100000 + 1))
        tid=$((i % 10 + 1))
        echo "begin"
        echo "update pgbench_accounts set abalance = abalance + $i where aid = $aid"
        echo "select abalance from pgbench_accounts where aid = $aid"
        echo "update pgbench_tellers set tbalance = tbalance + $i where tid = $tid"
        echo "update pgbench_branches set bbalance = bbalance + $i where bid = 1"
        echo "insert into pgbench_history (tid, bid, aid, delta, mtime) values ($tid, 1, $aid, $i, current_timestamp)"
        echo "commit"
    done
}

# backend_instructions DB COUNT: the instructions (valgrind) of a single-user backend on DB running
# COUNT transactions of tpcb_transactions; the cluster must be stopped.
backend_instructions() {
    local out=$WORK/cg.$1.$2
    tpcb_transactions "$2" > "$WORK/script.sql"
    "${RUN[@]}" valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        "$BINDIR/postgres" --single -D "$WORK/data" "$1" < "$WORK/script.sql" > /dev/null 2> "$out"
    sed -n 's/^==[0-9]*== I *refs: *//p' "$out" | tr -d ','
}

# instructions_per_tx DB TX: instructions per transaction; two runs of different lengths cancel
# the start-up of the backend.
instructions_per_tx() {
    local short long
    short=$(backend_instructions "$1" 20)
    long=$(backend_instructions "$1" $(($2 + 20)))
    echo $(( (long - short) / $2 ))
}
