#!/bin/bash
# Cost of the capture triggers under pgbench's TPC-B-like load.
#
# Starts a throwaway PostgreSQL cluster, initialises pgbench at scale 10 and runs
# 8 clients for 60 s (default) with: no triggers, pgq.logutriga and pgq.jsontriga
# (the PL/pgSQL ones shipped in pgq-sql) on the four pgbench tables, and, when the
# Debian package postgresql-<major>-pgq3 is installed or installable, the original
# C logutriga as the yardstick, each in its own database.  Prints TPS and ratios.
#
# Usage: bench/trigger_cost.sh [-T seconds] [-c clients] [-s scale] [-p port] [-r rounds]
set -euo pipefail

DURATION=60
CLIENTS=8
SCALE=10
PORT=55470
ROUNDS=1
while getopts "T:c:s:p:r:" opt; do
    case $opt in
        T) DURATION=$OPTARG ;;
        c) CLIENTS=$OPTARG ;;
        s) SCALE=$OPTARG ;;
        p) PORT=$OPTARG ;;
        r) ROUNDS=$OPTARG ;;
        *) echo "usage: $0 [-T seconds] [-c clients] [-s scale] [-p port] [-r rounds]" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SQL=$ROOT/pgq-sql/src/main/resources/org/skytools/sql
BINDIR=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
MAJOR=$(basename "$(dirname "$BINDIR")")
WORK=$(mktemp -d /tmp/trigger_cost.XXXXXX)
RUN=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$WORK"
    RUN=(runuser -u postgres --)
fi
export PGHOST=$WORK PGPORT=$PORT PGUSER=postgres

cleanup() {
    "${RUN[@]}" "$BINDIR/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

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

"${RUN[@]}" "$BINDIR/initdb" -D "$WORK/data" -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
cat >> "$WORK/data/postgresql.conf" <<EOF
port = $PORT
listen_addresses = ''
unix_socket_directories = '$WORK'
shared_buffers = 256MB
max_connections = 50
EOF
"${RUN[@]}" "$BINDIR/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w start >/dev/null

psql_q() { "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

add_triggers() {   # db, function
    for t in accounts tellers branches history; do
        psql_q -d "$1" -c "create trigger capture after insert or update or delete on pgbench_$t
                           for each row execute procedure pgq.$2('bench')"
    done
}

prepare() {        # db, kind
    psql_q -d postgres -c "create database $1"
    "$BINDIR/pgbench" -i -q -s "$SCALE" "$1" >/dev/null 2>&1
    case $2 in
        none) ;;
        c_logutriga)
            psql_q -d "$1" -c "create extension pgq" -c "select pgq.create_queue('bench')" >/dev/null
            add_triggers "$1" logutriga ;;
        *)
            flatten "$SQL/pgq/install.sql" | psql_q -d "$1" >/dev/null
            psql_q -d "$1" -c "select pgq.create_queue('bench')" >/dev/null
            add_triggers "$1" "$2" ;;
    esac
    psql_q -d "$1" -c "checkpoint" -c "vacuum analyze"
}

KINDS=(none logutriga jsontriga)
if [ ! -f "/usr/share/postgresql/$MAJOR/extension/pgq.control" ] && [ "$(id -u)" = 0 ]; then
    apt-get install -y "postgresql-$MAJOR-pgq3" >/dev/null 2>&1 || true
fi
if [ -f "/usr/share/postgresql/$MAJOR/extension/pgq.control" ]; then
    KINDS+=(c_logutriga)
else
    echo "postgresql-$MAJOR-pgq3 not available: no C yardstick" >&2
fi

for kind in "${KINDS[@]}"; do
    prepare "b_$kind" "$kind"
done

declare -A TPS
for kind in "${KINDS[@]}"; do TPS[$kind]=0; done
for ((round = 1; round <= ROUNDS; round++)); do
    # alternate the databases so that machine noise hits all of them alike
    for kind in "${KINDS[@]}"; do
        tps=$("$BINDIR/pgbench" -c "$CLIENTS" -j 2 -T "$DURATION" "b_$kind" 2>/dev/null \
              | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
        echo "round $round  $kind  tps $tps"
        TPS[$kind]=$(echo "${TPS[$kind]} + $tps" | bc -l)
    done
done

echo
printf '%-14s %10s %8s\n' variant tps ratio
base=$(echo "${TPS[none]} / $ROUNDS" | bc -l)
for kind in "${KINDS[@]}"; do
    avg=$(echo "${TPS[$kind]} / $ROUNDS" | bc -l)
    printf '%-14s %10.1f %8.3f\n' "$kind" "$avg" "$(echo "$avg / $base" | bc -l)"
done
