#!/bin/bash
# Cost of the capture triggers.
#
# Starts a throwaway PostgreSQL cluster with one database per variant: no triggers,
# pgq.logutriga and pgq.jsontriga (the PL/pgSQL ones shipped in pgq-sql), and, when the
# Debian package postgresql-<major>-pgq3 is installed or installable, the original C
# logutriga as the yardstick.  Then, in rounds that alternate the variants so that machine
# noise hits all of them alike:
#
#   micro    one transaction of N single-row UPDATEs of a pgbench_accounts-like table with
#            the trigger on it; the backend's CPU time per statement (from
#            /proc/self/schedstat, or wall time where that is not readable), minus that of
#            the variant without trigger, is the cost of one firing
#   pgbench  TPC-B-like load (scale 10, 8 clients) with the trigger on the four pgbench
#            tables; TPS and the ratio to the TPS without triggers
#
# With -b DIR, the triggers of another tree of this project (a checkout or export holding
# pgq-sql/src/main/resources) run in the same rounds as base_logutriga and base_jsontriga,
# so that a change is measured against its base under the same machine load.
#
# Prints each round and the median of the rounds.
#
# Usage: bench/trigger_cost.sh [-T seconds] [-c clients] [-s scale] [-p port] [-r rounds]
#                              [-n updates] [-b base tree]
set -euo pipefail

DURATION=20
CLIENTS=8
SCALE=10
PORT=
ROUNDS=5
UPDATES=20000
BASE=
while getopts "T:c:s:p:r:n:b:" opt; do
    case $opt in
        T) DURATION=$OPTARG ;;
        c) CLIENTS=$OPTARG ;;
        s) SCALE=$OPTARG ;;
        p) PORT=$OPTARG ;;
        r) ROUNDS=$OPTARG ;;
        n) UPDATES=$OPTARG ;;
        b) BASE=$OPTARG ;;
        *) echo "usage: $0 [-T seconds] [-c clients] [-s scale] [-p port] [-r rounds] [-n updates] [-b base tree]" >&2; exit 2 ;;
    esac
done

# shellcheck source=bench/lib/pgq_cluster.sh
. "$(dirname "$0")/lib/pgq_cluster.sh"
pgq_bench_init trigger_cost 55470
pgq_bench_start <<EOF
shared_buffers = 256MB
max_connections = 50
EOF

add_trigger() {    # db, table, function
    psql_q -d "$1" -c "create trigger capture after insert or update or delete on $2
                       for each row execute procedure pgq.$3('bench')"
}

prepare() {        # db, kind
    local fn t
    psql_q -d postgres -c "create database $1"
    "$BINDIR/pgbench" -i -q -s "$SCALE" "$1" >/dev/null 2>&1
    psql_q -d "$1" -c "create table micro (aid int4 primary key, bid int4, abalance int4, filler char(84))" \
                   -c "insert into micro select i, 1, 0, '' from generate_series(1, $UPDATES) i"
    fn=$(install_trigger_variant "$1" "$2" "$BASE")
    [ -n "$fn" ] || return 0
    for t in micro pgbench_accounts pgbench_tellers pgbench_branches pgbench_history; do
        add_trigger "$1" "$t" "$fn"
    done
    psql_q -d "$1" -c "checkpoint" -c "vacuum analyze"
}

# µs of backend time per UPDATE in one transaction
micro() {          # db
    local out
    out=$({
        echo "begin;"
        echo "select 'T', split_part(pg_read_file('/proc/self/schedstat'), ' ', 1), extract(epoch from clock_timestamp());"
        for ((i = 1; i <= UPDATES; i++)); do
            echo "update micro set abalance = abalance + 1 where aid = $i;"
        done
        echo "select 'T', split_part(pg_read_file('/proc/self/schedstat'), ' ', 1), extract(epoch from clock_timestamp());"
        echo "commit;"
    } | "$BINDIR/psql" -X -q -A -t -F ' ' -d "$1" 2>/dev/null | grep '^T ' || true)
    psql_q -d "$1" -c "vacuum micro"
    if [ "$(echo "$out" | wc -l)" = 2 ] && [ -n "$(echo "$out" | awk 'NR == 1 { print $2 }')" ]; then
        echo "$out" | awk -v n="$UPDATES" 'NR == 1 { a = $2 } NR == 2 { printf "%.1f", ($2 - a) / n / 1000 }'
    else
        # no /proc/self/schedstat: wall time
        echo "$out" | awk -v n="$UPDATES" 'NR == 1 { a = $3 } NR == 2 { printf "%.1f", ($3 - a) / n * 1e6 }'
    fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

trigger_variants "$BASE"

for kind in "${KINDS[@]}"; do
    prepare "b_$kind" "$kind"
done

echo "load before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
declare -A MICRO TPS
for ((round = 1; round <= ROUNDS; round++)); do
    line="round $round  µs/UPDATE:"
    for kind in "${KINDS[@]}"; do
        us=$(micro "b_$kind")
        MICRO[$kind]+="$us "
        line+=" $kind=$us"
    done
    line+="  tps:"
    for kind in "${KINDS[@]}"; do
        tps=$("$BINDIR/pgbench" -c "$CLIENTS" -j 2 -T "$DURATION" "b_$kind" 2>/dev/null \
              | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
        TPS[$kind]+="$tps "
        line+=" $kind=$tps"
    done
    echo "$line  load=$(cut -d ' ' -f 1 /proc/loadavg)"
done

echo
echo "median of $ROUNDS rounds; µs per firing = µs/UPDATE minus that without trigger"
printf '%-14s %12s %14s %10s %8s\n' variant µs/UPDATE "µs per firing" tps ratio
base_us=$(echo "${MICRO[none]}" | tr ' ' '\n' | grep . | median)
base_tps=$(echo "${TPS[none]}" | tr ' ' '\n' | grep . | median)
for kind in "${KINDS[@]}"; do
    us=$(echo "${MICRO[$kind]}" | tr ' ' '\n' | grep . | median)
    tps=$(echo "${TPS[$kind]}" | tr ' ' '\n' | grep . | median)
    printf '%-14s %12.1f %14.1f %10.1f %8.3f\n' "$kind" "$us" "$(echo "$us - $base_us" | bc -l)" \
        "$tps" "$(echo "$tps / $base_tps" | bc -l)"
done
echo "load after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
