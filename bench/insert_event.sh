#!/bin/bash
# Throughput of pgq.insert_event.
#
# Starts a throwaway PostgreSQL cluster with three databases:
#
#   plain   a table shaped like a queue's event table (same columns, defaults, ev_txid index
#           and storage settings); each event is a plain INSERT of the row insert_event writes
#   c       the original C PgQ (Debian package postgresql-<major>-pgq3, `create extension pgq`)
#   ours    the pgq schema of this tree (pgq-sql resources), installed as psql would
#
# and runs pgbench against each with N clients, 100-byte payloads, 1 and 100 events per
# transaction (one statement per event, as a producer sends them), in rounds that alternate
# the variants, each round starting with another one, so that machine noise hits all of them
# alike.  Event tables are emptied before
# every run.  Prints each round, then the median events/s of the rounds and the ratios
# ours/C and ours/plain.
#
# synchronous_commit is off unless -S on: a WAL flush per commit costs all variants the same
# and, on a shared disk, mostly measures the disk.
#
# Usage: bench/insert_event.sh [-T seconds] [-c clients] [-r rounds] [-p port] [-s sizes] [-S on|off]
#        (defaults: -T 30 -c 2 -r 3 -s "1 100" -S off; port: the first free one from 55480)
set -euo pipefail

DURATION=30
CLIENTS=2
ROUNDS=3
PORT=
SIZES="1 100"
SYNC=off
while getopts "T:c:r:p:s:S:" opt; do
    case $opt in
        T) DURATION=$OPTARG ;;
        c) CLIENTS=$OPTARG ;;
        r) ROUNDS=$OPTARG ;;
        p) PORT=$OPTARG ;;
        s) SIZES=$OPTARG ;;
        S) SYNC=$OPTARG ;;
        *) echo "usage: $0 [-T seconds] [-c clients] [-r rounds] [-p port] [-s sizes] [-S on|off]" >&2; exit 2 ;;
    esac
done

# shellcheck source=bench/lib/pgq_cluster.sh
. "$(dirname "$0")/lib/pgq_cluster.sh"
pgq_bench_init insert_event 55480
if ! have_c_pgq; then
    echo "postgresql-$MAJOR-pgq3 is not installed: no C yardstick" >&2
    exit 1
fi
pgq_bench_start <<EOF
shared_buffers = 256MB
max_wal_size = 4GB
max_connections = 50
synchronous_commit = $SYNC
EOF

psql_q -d postgres -c "create database plain" -c "create database c" -c "create database ours"
psql_q -d plain <<'EOF'
create sequence plain_events_id_seq;
create table plain_events (
    ev_id       int8 not null default nextval('plain_events_id_seq'),
    ev_time     timestamptz not null,
    ev_txid     int8 not null default txid_current(),
    ev_owner    int4,
    ev_retry    int4,
    ev_type     text,
    ev_data     text,
    ev_extra1   text,
    ev_extra2   text,
    ev_extra3   text,
    ev_extra4   text
) with (fillfactor = 100, autovacuum_enabled = off, toast.autovacuum_enabled = off);
create index plain_events_txid_idx on plain_events (ev_txid);
EOF
psql_q -d c -c "create extension pgq" -c "select pgq.create_queue('bench')" >/dev/null
flatten "$SQL/pgq/install.sql" | psql_q -d ours >/dev/null
psql_q -d ours -c "select pgq.create_queue('bench')" >/dev/null

PAYLOAD=$(printf 'x%.0s' $(seq 1 100))
for n in $SIZES; do
    for kind in plain c ours; do
        f=$WORK/$kind.$n.sql
        if [ "$n" != 1 ]; then echo "begin;" > "$f"; else : > "$f"; fi
        for ((i = 0; i < n; i++)); do
            if [ "$kind" = plain ]; then
                echo "insert into plain_events (ev_time, ev_type, ev_data) values (now(), 'bench', '$PAYLOAD');" >> "$f"
            else
                echo "select pgq.insert_event('bench', 'bench', '$PAYLOAD');" >> "$f"
            fi
        done
        if [ "$n" != 1 ]; then echo "commit;" >> "$f"; fi
    done
done

empty() {          # kind
    if [ "$1" = plain ]; then
        psql_q -d plain -c "truncate plain_events"
    else
        # the queue's event tables inherit from it
        psql_q -d "$1" -c "truncate pgq.event_template"
    fi
    psql_q -d "$1" -c "checkpoint"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "PostgreSQL $MAJOR, $CLIENTS clients, ${DURATION}s per run, $ROUNDS rounds, 100-byte payloads," \
     "synchronous_commit=$SYNC, $(nproc) cores"
echo "load before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
declare -A EPS
for ((round = 1; round <= ROUNDS; round++)); do
    for n in $SIZES; do
        line="round $round  $n ev/tx  events/s:"
        # each round starts with another variant
        kinds=(plain c ours)
        kinds=("${kinds[@]:$(((round - 1) % 3))}" "${kinds[@]:0:$(((round - 1) % 3))}")
        for kind in "${kinds[@]}"; do
            empty "$kind"
            tps=$("$BINDIR/pgbench" -n -M prepared -c "$CLIENTS" -j "$CLIENTS" -T "$DURATION" \
                      -f "$WORK/$kind.$n.sql" "$kind" 2>/dev/null \
                  | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
            eps=$(echo "$tps * $n" | bc -l)
            EPS[$kind.$n]+="$eps "
            line+=" $(printf '%s=%.0f' "$kind" "$eps")"
        done
        echo "$line  load=$(cut -d ' ' -f 1 /proc/loadavg)"
    done
done

echo
echo "median of $ROUNDS rounds"
printf '%-6s %12s %12s %12s %10s %11s\n' ev/tx plain c ours ours/c ours/plain
for n in $SIZES; do
    p=$(echo "${EPS[plain.$n]}" | tr ' ' '\n' | grep . | median)
    c=$(echo "${EPS[c.$n]}" | tr ' ' '\n' | grep . | median)
    o=$(echo "${EPS[ours.$n]}" | tr ' ' '\n' | grep . | median)
    printf '%-6s %12.0f %12.0f %12.0f %10.3f %11.3f\n' "$n" "$p" "$c" "$o" \
        "$(echo "$o / $c" | bc -l)" "$(echo "$o / $p" | bc -l)"
done
echo "load after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
