#!/bin/bash
# Speed of reading one big batch.
#
# Starts a throwaway PostgreSQL cluster with two databases:
#
#   c       the original C PgQ (Debian package postgresql-<major>-pgq3, `create extension pgq`)
#   ours    the pgq schema of this tree (pgq-sql resources), installed as psql would
#
# In each, one queue gets N events (100-byte payloads, inserted into the queue's current event
# table in one transaction), a consumer registered before them, and a tick after them, so that
# the consumer's next batch holds all N events.  Reading a batch does not finish it, so the
# same batch is read again in every round, in two ways, from psql with the rows discarded:
#
#   events  select * from pgq.get_batch_events(batch_id)
#   cursor  begin; select * from pgq.get_batch_cursor(batch_id, 'c', F);
#           fetch F from c, until a fetch returns nothing; commit
#
# Rounds alternate the variants, each round starting with another one, so that machine noise
# hits both alike.  Prints each round, then the median events/s and the ratios ours/C.
#
# Usage: bench/batch_read.sh [-n events] [-r rounds] [-f fetch size] [-p port]
#        (defaults: -n 1000000 -r 3 -f 1000; port: the first free one from 56200)
set -euo pipefail

EVENTS=1000000
ROUNDS=3
FETCH=1000
PORT=
while getopts "n:r:f:p:" opt; do
    case $opt in
        n) EVENTS=$OPTARG ;;
        r) ROUNDS=$OPTARG ;;
        f) FETCH=$OPTARG ;;
        p) PORT=$OPTARG ;;
        *) echo "usage: $0 [-n events] [-r rounds] [-f fetch size] [-p port]" >&2; exit 2 ;;
    esac
done

# shellcheck source=bench/lib/pgq_cluster.sh
. "$(dirname "$0")/lib/pgq_cluster.sh"
pgq_bench_init batch_read 56200
if ! have_c_pgq; then
    echo "postgresql-$MAJOR-pgq3 is not installed: no C yardstick" >&2
    exit 1
fi
pgq_bench_start <<EOF
shared_buffers = 512MB
work_mem = 64MB
max_wal_size = 4GB
max_connections = 20
synchronous_commit = off
EOF

psql_q -d postgres -c "create database c" -c "create database ours"
psql_q -d c -c "create extension pgq" >/dev/null
flatten "$SQL/pgq/install.sql" | psql_q -d ours >/dev/null

declare -A BATCH
for kind in c ours; do
    psql_q -d "$kind" -c "select pgq.create_queue('bench')" -c "select pgq.register_consumer('bench', 'reader')" >/dev/null
    psql_q -d "$kind" -c "insert into $(psql_q -d "$kind" -A -t -c "select pgq.current_event_table('bench')")
                              (ev_time, ev_type, ev_data)
                          select now(), 'bench', repeat('x', 100) from generate_series(1, $EVENTS)"
    psql_q -d "$kind" -c "select pgq.ticker('bench')" >/dev/null
    psql_q -d "$kind" -c "vacuum analyze" -c "checkpoint"
    BATCH[$kind]=$(psql_q -d "$kind" -A -t -c "select pgq.next_batch('bench', 'reader')")
    n=$(psql_q -d "$kind" -A -t -c "select count(*) from pgq.get_batch_events(${BATCH[$kind]})")
    if [ "$n" != "$EVENTS" ]; then
        echo "$kind: batch ${BATCH[$kind]} holds $n events, not $EVENTS" >&2
        exit 1
    fi
done

# the cursor script: enough fetches to see the end, each checked by the row count
for kind in c ours; do
    {
        echo "begin;"
        echo "select * from pgq.get_batch_cursor(${BATCH[$kind]}, 'c', $FETCH);"
        for ((i = 0; i <= EVENTS / FETCH; i++)); do
            echo "fetch $FETCH from c;"
        done
        echo "commit;"
    } > "$WORK/cursor.$kind.sql"
done

# seconds of one read, rows discarded; fails when the read did not return all events
read_batch() {     # kind, how
    local t0 t1 rows
    t0=$(date +%s.%N)
    if [ "$2" = events ]; then
        rows=$("$BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" \
                   -c "select * from pgq.get_batch_events(${BATCH[$1]})" | wc -l)
    else
        rows=$("$BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -f "$WORK/cursor.$1.sql" | wc -l)
    fi
    t1=$(date +%s.%N)
    if [ "$rows" != "$EVENTS" ]; then
        echo "$1 $2: read $rows rows, not $EVENTS" >&2
        exit 1
    fi
    echo "$t1 - $t0" | bc -l
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "PostgreSQL $MAJOR, $EVENTS events of 100 bytes in one batch, fetch $FETCH, $ROUNDS rounds, $(nproc) cores"
echo "load before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
declare -A EPS
for ((round = 1; round <= ROUNDS; round++)); do
    for how in events cursor; do
        line="round $round  $how  events/s:"
        kinds=(c ours)
        if ((round % 2 == 0)); then kinds=(ours c); fi
        for kind in "${kinds[@]}"; do
            secs=$(read_batch "$kind" "$how")
            eps=$(echo "$EVENTS / $secs" | bc -l)
            EPS[$kind.$how]+="$eps "
            line+=" $(printf '%s=%.0f' "$kind" "$eps")"
        done
        echo "$line  load=$(cut -d ' ' -f 1 /proc/loadavg)"
    done
done

echo
echo "median of $ROUNDS rounds"
printf '%-8s %12s %12s %8s\n' read c ours ours/c
for how in events cursor; do
    c=$(echo "${EPS[c.$how]}" | tr ' ' '\n' | grep . | median)
    o=$(echo "${EPS[ours.$how]}" | tr ' ' '\n' | grep . | median)
    printf '%-8s %12.0f %12.0f %8.3f\n' "$how" "$c" "$o" "$(echo "$o / $c" | bc -l)"
done
echo "load after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
