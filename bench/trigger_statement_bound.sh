#!/bin/bash
# How cheap could capture be with statement-level triggers?  A lower bound, counted by valgrind.
#
# A row trigger pays a PL/pgSQL call and the set-up of its expressions for every row.  An AFTER
# statement trigger with a transition table (REFERENCING NEW TABLE) pays them once per statement
# and can insert its events with one INSERT ... SELECT.  This script measures the best that way
# could do on the TPC-B-like transaction of bench/trigger_instructions.sh: one trigger function
# per pgbench table, written by hand for it (column template, key and event table inline, no
# trigger arguments, no cache lookup), making the same events as pgq.logutriga (checked).
# Variants: "stmt" reads the queue row as pgq.insert_event does; "stmt_nolookup" skips that read;
# "stmt_noencode" also inserts a constant instead of the urlencoded row.  Against no trigger,
# pgq.logutriga of this tree and the original C logutriga (postgresql-<major>-pgq3).
#
# Usage: bench/trigger_statement_bound.sh [-n transactions] [-p port]
set -euo pipefail

TX=300
PORT=
while getopts "n:p:" opt; do
    case $opt in
        n) TX=$OPTARG ;;
        p) PORT=$OPTARG ;;
        *) echo "usage: $0 [-n transactions] [-p port]" >&2; exit 2 ;;
    esac
done
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }

# shellcheck source=bench/lib/pgq_cluster.sh
. "$(dirname "$0")/lib/pgq_cluster.sh"
pgq_bench_init trigger_statement_bound 55590
echo "shared_buffers = 64MB" | pgq_bench_start

TABLES=(pgbench_accounts pgbench_tellers pgbench_branches pgbench_history)

# the urlencoding of pgq._logutriga_row, as one SQL expression over the row text of ROW
encode() {         # row, format template
    printf "replace(format('%s', variadic array_replace(string_to_array(" "$2"
    printf "replace(replace(replace(replace(replace(replace(replace(replace(%s::text, '+', '%%2b'), ':', '%%3a'), " "$1"
    printf "'(', ','), ')', ','), '\"', ''), '                ', '++++++++++++++++'), '    ', '++++'), ' ', '+'), ','), "
    printf "'', chr(2))), '=' || chr(2), '')"
}

statement_triggers() {   # db, variant
    local spec t op key fmt lookup data body i
    lookup="select queue_cur_table into cur from pgq.queue where queue_name = 'bench' and not queue_disable_insert;"
    [ "$2" = stmt ] || lookup="cur := 0;"
    for spec in "pgbench_accounts|UPDATE|U:aid|aid=%2\$s&bid=%3\$s&abalance=%4\$s&filler=%5\$s" \
                "pgbench_tellers|UPDATE|U:tid|tid=%2\$s&bid=%3\$s&tbalance=%4\$s&filler=%5\$s" \
                "pgbench_branches|UPDATE|U:bid|bid=%2\$s&bbalance=%3\$s&filler=%4\$s" \
                "pgbench_history|INSERT|I:|tid=%2\$s&bid=%3\$s&aid=%4\$s&delta=%5\$s&mtime=%6\$s&filler=%7\$s"; do
        IFS='|' read -r t op key fmt <<< "$spec"
        data=$(encode n "$fmt")
        [ "$2" = stmt_noencode ] && data="'x'"
        body="declare cur int4; begin $lookup"
        for i in 0 1 2; do
            body+=" $([ "$i" = 0 ] && echo if || echo elsif) cur = $i then"
            body+=" insert into pgq.event_1_$i (ev_id, ev_time, ev_type, ev_data, ev_extra1)"
            body+=" select nextval('pgq.event_1_id_seq'), now(), '$key', $data, 'public.$t' from capture_new n;"
        done
        body+=" end if; return null; end"
        psql_q -d "$1" -c "create function public.capture_$t() returns trigger language plpgsql as \$f\$ $body \$f\$" \
            -c "create trigger capture after $op on $t referencing new table as capture_new
                for each statement execute procedure public.capture_$t()"
    done
}

prepare() {        # db, variant
    local fn t
    psql_q -d postgres -c "create database $1"
    "$BINDIR/pgbench" -i -q -s 1 "$1" >/dev/null 2>&1
    case $2 in
        none) return ;;
        stmt*)
            install_trigger_variant "$1" logutriga "" >/dev/null
            statement_triggers "$1" "$2"
            return ;;
    esac
    fn=$(install_trigger_variant "$1" "$2" "")
    for t in "${TABLES[@]}"; do
        psql_q -d "$1" -c "create trigger capture after insert or update or delete on $t
                           for each row execute procedure pgq.$fn('bench')"
    done
}

events() {         # db: the events of one transaction, then none left
    psql_q -d "$1" -c "begin" \
        -c "update pgbench_accounts set abalance = abalance + 5 where aid = 7" \
        -c "update pgbench_branches set bbalance = 3 where bid = 1" \
        -c "insert into pgbench_history (tid, bid, aid, delta, mtime) values (1, 1, 7, 5, '2020-01-01 10:00')" \
        -c "commit"
    psql_q -At -d "$1" -c "select ev_type, ev_data, ev_extra1 from pgq.event_1 order by ev_id"
    psql_q -d "$1" -c "truncate pgq.event_1_0, pgq.event_1_1, pgq.event_1_2"
}

KINDS=(none logutriga stmt stmt_nolookup stmt_noencode)
if have_c_pgq; then
    KINDS+=(c_logutriga)
fi
for kind in "${KINDS[@]}"; do
    prepare "b_$kind" "$kind"
done
want=$(events b_logutriga)
if [ "$(events b_stmt)" != "$want" ] || [ -z "$want" ]; then
    echo "the statement triggers make other events than pgq.logutriga" >&2
    exit 1
fi
psql_q -d postgres -c checkpoint
"${RUN[@]}" "$BINDIR/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null

declare -A PER_TX
printf '%-16s %18s %12s %12s\n' variant "instr/transaction" "per firing" "TPS ratio*"
for kind in "${KINDS[@]}"; do
    PER_TX[$kind]=$(instructions_per_tx "b_$kind" "$TX")
    printf '%-16s %18d %12d %12s\n' "$kind" "${PER_TX[$kind]}" $(( (PER_TX[$kind] - PER_TX[none]) / 4 )) \
        "$(echo "scale=3; ${PER_TX[none]} / ${PER_TX[$kind]}" | bc)"
done
echo "* instructions without a trigger / with it: the TPS ratio of a CPU-bound run, as predicted"
