#!/bin/bash
# CPU instructions of the capture triggers per pgbench transaction, counted by valgrind.
#
# The TPS of bench/trigger_cost.sh moves with the machine's load; an instruction count does
# not.  This script prepares one database per variant (no trigger, pgq.logutriga and
# pgq.jsontriga of this tree, and the original C logutriga when postgresql-<major>-pgq3 is
# there), runs TPC-B-like transactions in a single-user backend under cachegrind, and prints
# the instructions per transaction.  Each transaction fires the trigger on four tables, as
# pgbench does, so per-transaction set-up of the trigger is counted as pgbench pays it.
# Two runs of different lengths per variant cancel the start-up of the backend.
#
# With -b DIR, the triggers of another tree of this project run as base_logutriga and
# base_jsontriga, to measure a change against its base.
#
# Usage: bench/trigger_instructions.sh [-n transactions] [-p port] [-b base tree]
set -euo pipefail

TX=400
PORT=
BASE=
while getopts "n:p:b:" opt; do
    case $opt in
        n) TX=$OPTARG ;;
        p) PORT=$OPTARG ;;
        b) BASE=$OPTARG ;;
        *) echo "usage: $0 [-n transactions] [-p port] [-b base tree]" >&2; exit 2 ;;
    esac
done
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }

# shellcheck source=bench/lib/pgq_cluster.sh
. "$(dirname "$0")/lib/pgq_cluster.sh"
pgq_bench_init trigger_instructions 55490
pgq_bench_start <<EOF
shared_buffers = 64MB
EOF

prepare() {        # db, kind
    local fn t
    psql_q -d postgres -c "create database $1"
    "$BINDIR/pgbench" -i -q -s 1 "$1" >/dev/null 2>&1
    fn=$(install_trigger_variant "$1" "$2" "$BASE")
    [ -n "$fn" ] || return 0
    for t in pgbench_accounts pgbench_tellers pgbench_branches pgbench_history; do
        psql_q -d "$1" -c "create trigger capture after insert or update or delete on $t
                           for each row execute procedure pgq.$fn('bench')"
    done
}

trigger_variants "$BASE"
for kind in "${KINDS[@]}"; do
    prepare "b_$kind" "$kind"
done
psql_q -d postgres -c checkpoint
"${RUN[@]}" "$BINDIR/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null

declare -A PER_TX
printf '%-16s %16s %18s %14s\n' variant "instr/transaction" "trigger instr/tx" "per firing"
for kind in "${KINDS[@]}"; do
    PER_TX[$kind]=$(instructions_per_tx "b_$kind" "$TX")
    extra=$(( PER_TX[$kind] - PER_TX[none] ))
    printf '%-16s %16d %18d %14d\n' "$kind" "${PER_TX[$kind]}" "$extra" $((extra / 4))
done
if [ -n "${PER_TX[c_logutriga]:-}" ]; then
    c=$(( PER_TX[c_logutriga] - PER_TX[none] ))
    for kind in "${KINDS[@]}"; do
        case $kind in none | c_logutriga) continue ;; esac
        echo "$kind / c_logutriga trigger instructions: $(echo "scale=3; (${PER_TX[$kind]} - ${PER_TX[none]}) / $c" | bc)"
    done
fi
# the cluster was stopped above; the exit trap removes it
