#!/usr/bin/env bash
# Londiste against PostgreSQL's native logical replication, on two throwaway clusters of this
# machine (root/publisher and leaf/subscriber), with pgbench's TPC-B-like load. Every figure is
# printed beside its baseline measured in the same run:
#
#   1 replay     leaf worker stopped during pgbench -T, then the catch-up until the leaf has every
#                root tick (events/s), against a disabled subscription enabled after the same
#                load until the publisher's WAL position is replayed (row changes/s); native
#                twice: after the same pgbench -T (more transactions, as it slows the load less),
#                and after as many transactions as the londiste load made
#   2 live       pgbench TPS with the capture triggers and the leaf worker running, without any
#                replication, and with a native subscription applying; lag at the end and the
#                time to lag 0. Beside them, as yardsticks of the capture's own cost: the same
#                triggers without any subscriber, londiste's (PL/pgSQL) and the original C ones
#                of Debian's postgresql-NN-pgq3; and, when python3-londiste, pgqd and the original
#                SQL are installed, the original londiste (Python worker, C triggers and pgqd)
#                replicating the same tables between the same clusters
#   3 copy       add-table --all (root) + add-table --all --create (leaf) up to wait-sync, against
#                a raw "copy to stdout | copy from stdin" pipe of the same tables (and the native
#                subscription's initial sync); scale 10 (four tables), then pgbench_accounts at
#                scale 50; the hand-over (copy done -> ok) is read from the leaf log
#   3c threaded  (only with -P ...,3c) resync of pgbench_accounts at scale 50 loaded over -t
#                connections (threaded_copy_tables), against 3b's single-connection copy
#   4 compare    londiste compare of pgbench_accounts at scale 50, against the same aggregate
#                query run once on each side
#
# Root cluster: databases bench (londiste root), plain (no replication), nat (publisher), big
# (londiste root, scale 50); wal_level = logical for all of them. Leaf cluster: bench, big
# (londiste leaves), nat (subscriber), raw and bigraw (targets of the raw pipe).
#
# usage: bench/londiste_bench.sh [-T seconds (60)] [-c clients (8)] [-s scale (10)]
#                                [-S big scale (50)] [-p first port (56100)] [-P parts (1,2,3b,4)]
#                                [-r rounds of parts 1 and 2 (1)] [-t loading connections of 3c (2)] [-k]
# -r repeats parts 1 and 2 and prints the medians of their ratios (this machine's runs vary by a
# fifth and more);
# -k keeps the directory; -P runs only the listed parts (3a, the initial sync at scale -s, always runs:
# the other parts replicate its tables)
set -euo pipefail

DURATION=60
CLIENTS=8
SCALE=10
BIG=50
PORT=56100
KEEP=0
PARTS=1,2,3b,4
ROUNDS=1
POOL=2
while getopts "T:c:s:S:p:P:r:t:k" opt; do
    case $opt in
        T) DURATION=$OPTARG ;;
        c) CLIENTS=$OPTARG ;;
        s) SCALE=$OPTARG ;;
        S) BIG=$OPTARG ;;
        p) PORT=$OPTARG ;;
        P) PARTS=$OPTARG ;;
        r) ROUNDS=$OPTARG ;;
        t) POOL=$OPTARG ;;
        k) KEEP=1 ;;
        *) echo "usage: $0 [-T seconds] [-c clients] [-s scale] [-S big scale] [-p port] [-P parts] [-r rounds] [-t pool] [-k]" >&2; exit 2 ;;
    esac
done

HOME_DIR=$(cd "$(dirname "$0")/.." && pwd)
BIN=$HOME_DIR/debian/target/skytools/bin
if [ ! -x "$BIN/londiste" ]; then
    echo "build first: mvn -B -Dquick -DskipTests package" >&2
    exit 1
fi
PGBIN=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
MAJOR=$("$PGBIN/postgres" --version | sed -E 's/.* ([0-9]+)\..*/\1/')
# the original londiste and its parts, for the yardsticks of part 2
PY_LONDISTE=${PY_LONDISTE:-/usr/bin/londiste}
C_PGQD=${C_PGQD:-/usr/bin/pgqd}
# the ports lie in the ephemeral range: skip a pair that any local socket uses right now
port_busy() { ss -tanH 2>/dev/null | awk '{ print $4 }' | grep -qE ":$1\$"; }
ROOT_PORT=$PORT
while port_busy "$ROOT_PORT" || port_busy "$((ROOT_PORT + 1))"; do ROOT_PORT=$((ROOT_PORT + 2)); done
LEAF_PORT=$((ROOT_PORT + 1))
WORK=$(mktemp -d /tmp/lbench-run.XXXXXX)
chmod 755 "$WORK"
RUN=()
if [ "$(id -u)" = 0 ]; then
    chown postgres: "$WORK"
    RUN=(runuser -u postgres --)
fi
export PGUSER=postgres PGHOST=127.0.0.1

cleanup() {
    for ini in "$WORK"/*.ini; do
        case $ini in */pgqd-*) "$BIN/pgqd" -s "$ini" >/dev/null 2>&1 || true ;;
                     */cpgqd-*) kill "$(cat "${ini%.ini}.pid" 2>/dev/null)" >/dev/null 2>&1 || true ;;
                     */orig-*) "$PY_LONDISTE" "$ini" worker -s >/dev/null 2>&1 || true ;;
                     *) "$BIN/londiste" "$ini" worker -s >/dev/null 2>&1 || true ;; esac
    done
    for n in root leaf; do "${RUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/$n" -m fast -w stop >/dev/null 2>&1 || true; done
    if [ "$KEEP" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

on_root() { local db=$1; shift; "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -p "$ROOT_PORT" -d "$db" "$@"; }
on_leaf() { local db=$1; shift; "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -p "$LEAF_PORT" -d "$db" "$@"; }
val_root() { on_root "$1" -A -t -c "$2"; }
val_leaf() { on_leaf "$1" -A -t -c "$2"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.2f'; }
div() { echo "($1) / ($2)" | bc -l | xargs printf '%.2f'; }
add() { echo "$1 + $2" | bc -l | xargs printf '%.2f'; }
load() { cut -d ' ' -f 1-3 /proc/loadavg; }
want() { case ",$PARTS," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
# CPU time, in clock ticks, of a cluster's server processes (alive, plus those already reaped)
cpu_cluster() {
    local pm t=0 p
    pm=$(head -1 "$WORK/$1/postmaster.pid")
    for p in $(pgrep -P "$pm"); do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done
    echo $((t + $(awk '{ print $16 + $17 }' "/proc/$pm/stat")))
}
cpu_pidfile() { awk '{ print $14 + $15 }' "/proc/$(cat "$1")/stat" 2>/dev/null || echo 0; }
# the processes that run beside the catch-up: the root's worker and both tickers
cpu_others() {
    echo $(( $(cpu_pidfile "$WORK/londiste-bench-root.pid") + $(cpu_pidfile "$WORK/pgqd-root.pid") \
        + $(cpu_pidfile "$WORK/pgqd-leaf.pid") ))
}
cpu_secs() { echo "$1 / $(getconf CLK_TCK)" | bc -l | xargs printf '%.2f'; }
# a JVM's CPU seconds per group of threads; the batch cursor's fetch thread ends with its batch, so
# its time shows only in the process total, as "ended threads"
cpu_jvm_threads() {
    local pid=$1 task name ticks main=0 apply=0 fetch jit=0 vm=0 other=0 total
    total=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    for task in /proc/"$pid"/task/*; do
        name=$(cat "$task/comm" 2>/dev/null) || continue
        ticks=$(sed 's/^.*) //' "$task/stat" 2>/dev/null | awk '{ print $12 + $13 }')
        [ -n "$ticks" ] || continue
        case $name in
            main | java) main=$((main + ticks)) ;; # the launcher names the main thread after the program
            replay-apply) apply=$((apply + ticks)) ;;
            pgq-fetch*) ;; # counted below, with the fetch threads of earlier batches
            C1\ * | C2\ *) jit=$((jit + ticks)) ;;
            VM\ * | GC\ * | G1\ *) vm=$((vm + ticks)) ;;
            *) other=$((other + ticks)) ;;
        esac
    done
    fetch=$((total - main - apply - jit - vm - other))
    echo "main $(cpu_secs $main), replay-apply $(cpu_secs $apply), batch fetch (incl. ended threads) $(cpu_secs $fetch)," \
        "JIT $(cpu_secs $jit), GC+VM $(cpu_secs $vm), other $(cpu_secs $other)"
}
say() { printf '\n== %s   (load %s, %s)\n' "$*" "$(load)" "$(date -u +%T)"; }
fail() {
    echo "FAILED: $*" >&2
    for f in "$WORK"/*.log; do echo "--- $f" >&2; tail -20 "$f" >&2; done
    exit 1
}
TABLES="pgbench_accounts pgbench_branches pgbench_tellers pgbench_history"
# pgqd_ini NAME PORT DATABASES: a ticker's ini, $WORK/NAME.ini, with its log and pidfile beside it
# (the same keys for this pgqd and the original C one)
pgqd_ini() {
    cat > "$WORK/$1.ini" <<INI
[pgqd]
base_connstr = host=127.0.0.1 port=$2 user=postgres
database_list = $3
ticker_period = 0.2
logfile = $WORK/$1.log
pidfile = $WORK/$1.pid
INI
}

say "clusters: root (publisher) on $ROOT_PORT, leaf (subscriber) on $LEAF_PORT, under $WORK"
for n in root leaf; do
    port=$ROOT_PORT
    [ $n = leaf ] && port=$LEAF_PORT
    "${RUN[@]}" "$PGBIN/initdb" -D "$WORK/$n" -A trust -U postgres -E UTF8 --no-locale >/dev/null
    cat >> "$WORK/$n/postgresql.conf" <<EOF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
shared_buffers = 512MB
max_connections = 100
max_wal_size = 8GB
wal_level = logical
max_replication_slots = 20
max_wal_senders = 20
max_logical_replication_workers = 8
max_sync_workers_per_subscription = 4
log_line_prefix = '%m [%p] %a '
EOF
    "${RUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/$n" -l "$WORK/server-$n.log" -w start >/dev/null
done
for db in bench plain nat big; do on_root postgres -c "create database $db"; done
for db in bench nat raw big bigraw; do on_leaf postgres -c "create database $db"; done

say "pgbench -i -s $SCALE on root bench, plain, nat; pgbench_accounts at scale $BIG on root big"
for db in bench plain nat; do
    "$PGBIN/pgbench" -i -q -s "$SCALE" -p "$ROOT_PORT" "$db" >/dev/null 2>&1
    on_root "$db" -c "alter table pgbench_history add column hid bigserial primary key"
done
"$PGBIN/pgbench" -i -q -s "$BIG" -I dtgvp -p "$ROOT_PORT" big >/dev/null 2>&1
on_root big -c "drop table pgbench_branches, pgbench_tellers, pgbench_history"
# subscriber side of the native replication and the raw pipe targets: tables without data, the
# raw ones without keys (londiste's copy also loads without them and builds them after)
"$PGBIN/pgbench" -i -q -s "$SCALE" -I dtp -p "$LEAF_PORT" nat >/dev/null 2>&1
on_leaf nat -c "alter table pgbench_history add column hid bigserial primary key"
"$PGBIN/pgbench" -i -q -s "$SCALE" -I dt -p "$LEAF_PORT" raw >/dev/null 2>&1
on_leaf raw -c "alter table pgbench_history add column hid bigint not null"
"$PGBIN/pgbench" -i -q -s "$BIG" -I dt -p "$LEAF_PORT" bigraw >/dev/null 2>&1
on_root postgres -c checkpoint
on_leaf postgres -c checkpoint

for n in root leaf; do
    port=$ROOT_PORT
    [ $n = leaf ] && port=$LEAF_PORT
    pgqd_ini pgqd-$n "$port" "bench, big"
    for db in bench big; do
        cat > "$WORK/$db-$n.ini" <<INI
[londiste3]
job_name = ${db}_$n
db = host=127.0.0.1 port=$port user=postgres dbname=$db
queue_name = ${db}_q
loop_delay = 1
parallel_copies = 4
logfile = $WORK/londiste-$db-$n.log
pidfile = $WORK/londiste-$db-$n.pid
INI
    done
done
for db in bench big; do
    "$BIN/londiste" "$WORK/$db-root.ini" create-root "${db}_root" "host=127.0.0.1 port=$ROOT_PORT user=postgres dbname=$db" >/dev/null
    "$BIN/londiste" "$WORK/$db-leaf.ini" create-leaf "${db}_leaf" "host=127.0.0.1 port=$LEAF_PORT user=postgres dbname=$db" \
        --provider="host=127.0.0.1 port=$ROOT_PORT user=postgres dbname=$db" >/dev/null
    # ticks every second when idle (default 60 s), every 0.5 s while events come (default 3 s)
    on_root "$db" -c "select pgq.set_queue_config('${db}_q', 'ticker_idle_period', '1 second'),
                             pgq.set_queue_config('${db}_q', 'ticker_max_lag', '0.5 seconds')" >/dev/null
done
"$BIN/pgqd" -d "$WORK/pgqd-root.ini"
"$BIN/pgqd" -d "$WORK/pgqd-leaf.ini"
for n in root leaf; do "$BIN/londiste" "$WORK/bench-$n.ini" worker -d; done

# lines of the leaf log about copies, with seconds since $1 (epoch)
copy_timeline() {   # start-epoch logfile [pattern]
    grep -E "${3:-starting full copy|copied [0-9]+ rows|status changed to}" "$2" | while IFS= read -r line; do
        ts=$(echo "$line" | grep -oE '^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9:]{8}([.,][0-9]+)?' | tr ',' '.')
        if [ -n "$ts" ] && [ "$(echo "$(date -u -d "$ts" +%s.%N) >= $1" | bc)" = 1 ]; then
            printf '  +%7.2fs  %s\n' "$(echo "$(date -u -d "$ts" +%s.%N 2>/dev/null || date -d "$ts" +%s.%N) - $1" | bc -l)" \
                "$(echo "$line" | sed -E 's/^[0-9-]+[ T][0-9:,.]+ [0-9]+ [A-Z]+ [^ ]+ //')"
        fi
    done
}

declare -A R
mark() { printf '  +%7.2fs  %s\n' "$(echo "$(now) - $1" | bc -l)" "$2"; }
leaf_all_ok() {   # db queue; polls the leaf until every local table is ok
    while [ "$(val_leaf "$1" "select count(*) from londiste.table_info where queue_name = '$2' and local
                                and merge_state is distinct from 'ok'")" != 0 ]; do sleep 0.1; done
}
root_tick() {   # db queue; waits for the root's next tick (made after every commit so far), prints its id
    local q="select max(tick_id) from pgq.tick where tick_queue = (select queue_id from pgq.queue where queue_name = '$2')"
    local last next
    last=$(val_root "$1" "$q")
    next=$last
    while [ "$next" = "$last" ]; do sleep 0.05; next=$(val_root "$1" "$q"); done
    echo "$next"
}
leaf_wait_tick() {   # db queue tick; polls the leaf until its worker applied that root tick
    while [ "$(val_leaf "$1" "select coalesce((select last_tick_id >= $3 from pgq_node.local_state
                               where queue_name = '$2' and consumer_name = '${1}_leaf'), false)")" != t ]; do
        sleep 0.1
    done
}

######## 3a: initial sync at scale SCALE
say "3a. initial sync, four pgbench tables at scale $SCALE: add-table --all (root), add-table --all --create (leaf), wait-sync"
t=$(now)
"$BIN/londiste" "$WORK/bench-root.ini" add-table --all >/dev/null
mark "$t" "add-table --all on the root returned"
"$BIN/londiste" "$WORK/bench-leaf.ini" add-table --all --create >/dev/null
mark "$t" "add-table --all --create on the leaf returned"
timeout 1200 bash -c "$(declare -f val_leaf on_leaf leaf_all_ok); PGBIN=$PGBIN LEAF_PORT=$LEAF_PORT leaf_all_ok bench bench_q" \
    || fail "tables did not reach ok"
R[sync_l]=$(since "$t")
mark "$t" "every table ok on the leaf (psql poll)"
timeout 1200 "$BIN/londiste" "$WORK/bench-leaf.ini" wait-sync >/dev/null || fail "tables did not reach ok"
R[sync_lw]=$(since "$t")
mark "$t" "wait-sync returned"
echo "leaf log:"
copy_timeline "$t" "$WORK/londiste-bench-leaf.log"

raw_pipe() {   # srcdb dstdb tables...; prints seconds
    local src=$1 dst=$2 t0
    shift 2
    t0=$(now)
    for tb in "$@"; do
        "$PGBIN/psql" -X -q -p "$ROOT_PORT" -d "$src" -c "copy $tb to stdout" \
            | "$PGBIN/psql" -X -q -p "$LEAF_PORT" -d "$dst" -c "copy $tb from stdin"
    done
    since "$t0"
}
raw_pipe_parallel() {   # srcdb dstdb tables...; all tables at once
    local src=$1 dst=$2 t0
    shift 2
    t0=$(now)
    for tb in "$@"; do
        ("$PGBIN/psql" -X -q -p "$ROOT_PORT" -d "$src" -c "copy $tb to stdout" \
            | "$PGBIN/psql" -X -q -p "$LEAF_PORT" -d "$dst" -c "copy $tb from stdin") &
    done
    wait
    since "$t0"
}
add_keys() {   # db tables...; primary keys as pgbench makes them; prints seconds
    local db=$1 t0
    shift
    t0=$(now)
    for tb in "$@"; do
        case $tb in
            pgbench_accounts) k=aid ;; pgbench_branches) k=bid ;; pgbench_tellers) k=tid ;; pgbench_history) k=hid ;;
        esac
        on_leaf "$db" -c "alter table $tb add primary key ($k)"
    done
    since "$t0"
}
# shellcheck disable=SC2086
R[raw_seq]=$(raw_pipe bench raw $TABLES)
R[raw_keys]=$(add_keys raw $TABLES)
on_leaf raw -c "truncate $(echo $TABLES | tr ' ' ',')" -c "alter table pgbench_accounts drop constraint pgbench_accounts_pkey" \
    -c "alter table pgbench_branches drop constraint pgbench_branches_pkey" \
    -c "alter table pgbench_tellers drop constraint pgbench_tellers_pkey" \
    -c "alter table pgbench_history drop constraint pgbench_history_pkey"
# shellcheck disable=SC2086
R[raw_par]=$(raw_pipe_parallel bench raw $TABLES)

say "3a'. native initial sync of the same tables (publication on root nat, subscription copy_data on leaf nat)"
on_root nat -c "create publication bench_pub for table $(echo $TABLES | tr ' ' ',')"
t=$(now)
on_leaf nat -c "create subscription bench_sub connection 'host=127.0.0.1 port=$ROOT_PORT user=postgres dbname=nat'
                publication bench_pub with (copy_data = true)"
while [ "$(val_leaf nat "select count(*) from pg_subscription_rel where srsubstate <> 'r'")" != 0 ]; do sleep 0.1; done
R[sync_n]=$(since "$t")
printf '%-58s %8s s\n' "londiste add-table + add-table --create + all ok" "${R[sync_l]}"
printf '%-58s %8s s\n' "  the same up to the return of wait-sync" "${R[sync_lw]}"
printf '%-58s %8s s   londiste/this %s\n' "raw pipe, one table after the other" "${R[raw_seq]}" "$(div "${R[sync_l]}" "${R[raw_seq]}")"
printf '%-58s %8s s   londiste/this %s\n' "raw pipe, one table after the other, + primary keys" \
    "$(add "${R[raw_seq]}" "${R[raw_keys]}")" "$(div "${R[sync_l]}" "${R[raw_seq]} + ${R[raw_keys]}")"
printf '%-58s %8s s   londiste/this %s\n' "raw pipe, four tables at once (no keys)" "${R[raw_par]}" "$(div "${R[sync_l]}" "${R[raw_par]}")"
printf '%-58s %8s s   londiste/this %s\n' "native subscription initial sync (copy_data)" "${R[sync_n]}" "$(div "${R[sync_l]}" "${R[sync_n]}")"

run_pgbench() {   # db label [transactions per client]; sets PGB_TPS and PGB_XACTS
    local out length=(-T "$DURATION")
    [ -n "${3:-}" ] && length=(-t "$3")
    out=$("$PGBIN/pgbench" -c "$CLIENTS" -j 2 "${length[@]}" -p "$ROOT_PORT" "$1" 2>&1)
    PGB_TPS=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
    PGB_XACTS=$(echo "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
    echo "  pgbench $1 ($2): $PGB_XACTS transactions, $PGB_TPS tps, load $(load)"
}
leaf_pending() {   # pending events and lag of the leaf worker, read on the root
    val_root bench "select coalesce(pending_events, 0) || ' events pending, lag ' || lag
                    from pgq.get_consumer_info('bench_q', 'bench_leaf')"
}
native_gap() {   # bytes the subscriber's replay is behind the publisher's current WAL position
    val_root postgres "select coalesce((select pg_current_wal_lsn() - replay_lsn from pg_stat_replication
                       where application_name = 'bench_sub'), -1)::bigint"
}
native_wait() {   # target lsn; waits until the subscription replayed up to it
    while [ "$(val_root postgres "select coalesce((select replay_lsn >= '$1'::pg_lsn from pg_stat_replication
                                  where application_name = 'bench_sub'), false)")" != t ]; do
        sleep 0.1
    done
}

# native_catch_up KEY [transactions per client]: pgbench on root nat (-T, or that many transactions)
# with the subscription disabled, then enabled until it replayed the publisher's WAL position; sets
# R[KEY_ev] (row changes), R[KEY_cu] (seconds), R[KEY_rate] and R[KEY_cpu] (both servers' CPU)
native_catch_up() {
    on_leaf nat -c "alter subscription bench_sub disable"
    while [ "$(val_root postgres "select count(*) from pg_stat_replication where application_name = 'bench_sub'")" != 0 ]; do sleep 0.1; done
    run_pgbench nat "publication, subscription disabled" "${2:-}"
    R[${1}_ev]=$((PGB_XACTS * 4))
    local target c_root c_leaf t
    target=$(val_root postgres "select pg_current_wal_lsn()")
    c_root=$(cpu_cluster root); c_leaf=$(cpu_cluster leaf)
    t=$(now)
    on_leaf nat -c "alter subscription bench_sub enable"
    native_wait "$target"
    R[${1}_cu]=$(since "$t")
    R[${1}_cpu]="CPU s: root server $(cpu_secs $(( $(cpu_cluster root) - c_root ))), leaf server $(cpu_secs $(( $(cpu_cluster leaf) - c_leaf )))"
    R[${1}_rate]=$(div "${R[${1}_ev]}" "${R[${1}_cu]}")
}

# the median of the arguments
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if want 1; then
######## 1: replay throughput
ratios_t=()
ratios_x=()
for round in $(seq "$ROUNDS"); do
[ "$ROUNDS" -gt 1 ] && say "round $round of $ROUNDS"
say "1. replay throughput: leaf worker stopped, pgbench -c $CLIENTS -j 2 -T $DURATION on root bench, then catch-up"
timeout 120 "$BIN/londiste" "$WORK/bench-leaf.ini" wait-root >/dev/null || fail "leaf not caught up before the load"
"$BIN/londiste" "$WORK/bench-leaf.ini" worker -s
run_pgbench bench "londiste triggers, leaf worker stopped"
R[l_ev]=$((PGB_XACTS * 4))
target=$(root_tick bench bench_q)
echo "  before catch-up: $(leaf_pending); root tick $target"
c_root=$(cpu_cluster root); c_leaf=$(cpu_cluster leaf)
c_other=$(cpu_others)
t=$(now)
"$BIN/londiste" "$WORK/bench-leaf.ini" worker -d >/dev/null
mark "$t" "worker -d returned"
timeout 3600 bash -c "$(declare -f val_leaf on_leaf leaf_wait_tick); PGBIN=$PGBIN LEAF_PORT=$LEAF_PORT leaf_wait_tick bench bench_q $target" \
    || fail "leaf did not catch up"
R[l_cu]=$(since "$t")
mark "$t" "leaf has root tick $target"
R[l_rate]=$(div "${R[l_ev]}" "${R[l_cu]}")
c_root=$(( $(cpu_cluster root) - c_root )); c_leaf=$(( $(cpu_cluster leaf) - c_leaf ))
c_other=$(( $(cpu_others) - c_other ))
c_worker=$(cpu_pidfile "$WORK/londiste-bench-leaf.pid")
R[l_cpu]="CPU s: root server $(cpu_secs $c_root), leaf server $(cpu_secs $c_leaf), leaf worker JVM $(cpu_secs $c_worker), pgqd + root worker $(cpu_secs $c_other)"
R[l_cpu_jvm]=$(cpu_jvm_threads "$(cat "$WORK/londiste-bench-leaf.pid")")
# the worker's own time: from its "started" line to the end of the batch with the target tick
started=$(grep -E ' INFO bench_leaf started$' "$WORK/londiste-bench-leaf.log" | tail -1 | cut -c1-23 | tr ',' '.')
R[l_cu_w]=$(echo "$(now) - $(date -u -d "$started" +%s.%N)" | bc -l | xargs printf '%.2f')
timeout 3600 "$BIN/londiste" "$WORK/bench-leaf.ini" wait-root >/dev/null || fail "leaf did not catch up"
mark "$t" "wait-root returned"

say "1'. native: subscription disabled, the same pgbench on root nat, enabled, until replay_lsn reaches the publisher"
native_catch_up n

say "1''. native again, on as many transactions as the londiste load made (the same changes to apply)"
native_catch_up n2 $((R[l_ev] / 4 / CLIENTS))
printf '%-46s %9s changes in %8s s = %9s /s\n' "londiste catch-up (worker -d to last tick)" "${R[l_ev]}" "${R[l_cu]}" "${R[l_rate]}"
printf '%-46s %9s changes in %8s s = %9s /s\n' "  from the worker's 'started' log line" "${R[l_ev]}" "${R[l_cu_w]}" "$(div "${R[l_ev]}" "${R[l_cu_w]}")"
printf '%-46s %9s changes in %8s s = %9s /s\n' "native catch-up (replay_lsn)" "${R[n_ev]}" "${R[n_cu]}" "${R[n_rate]}"
echo "  londiste ${R[l_cpu]}"
echo "    leaf worker JVM threads, CPU s: ${R[l_cpu_jvm]}"
echo "  native   ${R[n_cpu]}"
printf '%-46s %9s changes in %8s s = %9s /s\n' "native catch-up, as many transactions" "${R[n2_ev]}" "${R[n2_cu]}" "${R[n2_rate]}"
ratios_t+=("$(div "${R[l_rate]}" "${R[n_rate]}")")
ratios_x+=("$(div "${R[l_rate]}" "${R[n2_rate]}")")
echo "londiste/native events per second: ${ratios_t[-1]} (the same pgbench -T); ${ratios_x[-1]} (as many transactions)"
done
if [ "$ROUNDS" -gt 1 ]; then
    echo "londiste/native over $ROUNDS rounds: the same pgbench -T ${ratios_t[*]} (median $(median "${ratios_t[@]}")); as many transactions ${ratios_x[*]} (median $(median "${ratios_x[@]}"))"
fi

fi

if want 2; then
######## 2: live
# Yardsticks of the capture's own cost, made before the rounds: the triggers of the londiste root
# bench copied onto databases without any subscriber, londiste's own (trig, a root alone) and the
# original C ones (ctrig); and the original londiste between the same two clusters (orig).
say "2 (setup). the triggers without subscribers; the original londiste, when installed"
for db in trig ctrig; do
    on_root postgres -c "create database $db"
    "$PGBIN/pgbench" -i -q -s "$SCALE" -p "$ROOT_PORT" "$db" >/dev/null 2>&1
    on_root "$db" -c "alter table pgbench_history add column hid bigserial primary key"
done
sed "s/^job_name = .*/job_name = trig_root/; s/dbname=bench/dbname=trig/; s/londiste-bench-root/londiste-trig-root/" \
    "$WORK/bench-root.ini" > "$WORK/trig-root.ini"
"$BIN/londiste" "$WORK/trig-root.ini" create-root trig_root "host=127.0.0.1 port=$ROOT_PORT user=postgres dbname=trig" \
    >>"$WORK/trig-admin.log" 2>&1 || fail "create-root on trig"
"$BIN/londiste" "$WORK/trig-root.ini" add-table --all >>"$WORK/trig-admin.log" 2>&1 || fail "add-table on trig"
TRIGGERS="select string_agg(pg_get_triggerdef(t.oid), E';\n' order by t.tgname, t.tgrelid::regclass::text) || ';'
            from pg_trigger t where not t.tgisinternal and t.tgrelid::regclass::text like 'pgbench_%'"
[ "$(val_root trig "$TRIGGERS")" = "$(val_root bench "$TRIGGERS")" ] || fail "the triggers of trig differ from those of bench"
YARD="live_trig"
YARD_DBS="trig"
if [ -f "/usr/share/postgresql/$MAJOR/extension/pgq.control" ]; then
    on_root ctrig -c "create extension pgq" -c "select pgq.create_queue('bench_q')" >/dev/null
    val_root bench "$TRIGGERS" | on_root ctrig >/dev/null
    YARD="$YARD live_ctrig"
    YARD_DBS="$YARD_DBS ctrig"
else
    echo "postgresql-$MAJOR-pgq3 is not installed: no C trigger yardstick"
fi
for db in $YARD_DBS; do
    on_root "$db" -c "select pgq.set_queue_config('bench_q', 'ticker_idle_period', '1 second'),
                             pgq.set_queue_config('bench_q', 'ticker_max_lag', '0.5 seconds')" >/dev/null
done
sed -i "s/^database_list = .*/database_list = bench, big, ${YARD_DBS// /, }/" "$WORK/pgqd-root.ini"
"$BIN/pgqd" -r "$WORK/pgqd-root.ini" >>"$WORK/trig-admin.log" 2>&1 || fail "pgqd reload"

if [ -x "$PY_LONDISTE" ] && [ -x "$C_PGQD" ] && /usr/bin/python3 -c 'import londiste, pgq, psycopg2' 2>/dev/null \
        && [ -f "/usr/share/postgresql/$MAJOR/extension/londiste.control" ]; then
    # the leaf's tables made as for the native subscriber: the original's --create would copy the
    # default of pgbench_history.hid, a sequence the leaf does not have
    on_root postgres -c "create database orig"
    on_leaf postgres -c "create database orig"
    "$PGBIN/pgbench" -i -q -s "$SCALE" -p "$ROOT_PORT" orig >/dev/null 2>&1
    on_root orig -c "alter table pgbench_history add column hid bigserial primary key"
    "$PGBIN/pgbench" -i -q -s "$SCALE" -I dtp -p "$LEAF_PORT" orig >/dev/null 2>&1
    on_leaf orig -c "alter table pgbench_history add column hid bigint primary key"
    for n in root leaf; do
        port=$ROOT_PORT
        [ $n = leaf ] && port=$LEAF_PORT
        sed "s/^\[londiste3\]/[londiste]/; s/^job_name = .*/job_name = orig_$n/; s/dbname=bench/dbname=orig/;
             s/^queue_name = .*/queue_name = orig_q/; s/londiste-bench-$n/londiste-orig-$n/g" \
            "$WORK/bench-$n.ini" > "$WORK/orig-$n.ini"
        pgqd_ini cpgqd-$n "$port" orig
    done
    "$PY_LONDISTE" "$WORK/orig-root.ini" create-root orig_root "host=127.0.0.1 port=$ROOT_PORT user=postgres dbname=orig" \
        >>"$WORK/orig-admin.log" 2>&1 || fail "the original create-root"
    on_root orig -c "select pgq.set_queue_config('orig_q', 'ticker_idle_period', '1 second'),
                            pgq.set_queue_config('orig_q', 'ticker_max_lag', '0.5 seconds')" >/dev/null
    "$PY_LONDISTE" "$WORK/orig-leaf.ini" create-leaf orig_leaf "host=127.0.0.1 port=$LEAF_PORT user=postgres dbname=orig" \
        --provider="host=127.0.0.1 port=$ROOT_PORT user=postgres dbname=orig" >>"$WORK/orig-admin.log" 2>&1 \
        || fail "the original create-leaf"
    for n in root leaf; do
        "$C_PGQD" -d "$WORK/cpgqd-$n.ini" || fail "the original pgqd"
        "$PY_LONDISTE" "$WORK/orig-$n.ini" worker -d || fail "the original worker"
    done
    t=$(now)
    "$PY_LONDISTE" "$WORK/orig-root.ini" add-table --all >>"$WORK/orig-admin.log" 2>&1 || fail "the original add-table (root)"
    "$PY_LONDISTE" "$WORK/orig-leaf.ini" add-table --all >>"$WORK/orig-admin.log" 2>&1 || fail "the original add-table (leaf)"
    timeout 1200 bash -c "$(declare -f val_leaf on_leaf leaf_all_ok); PGBIN=$PGBIN LEAF_PORT=$LEAF_PORT leaf_all_ok orig orig_q" \
        || fail "the original londiste's tables did not reach ok"
    echo "the original londiste: add-table --all on root and leaf to every table ok in $(since "$t") s (this londiste: ${R[sync_l]} s in 3a)"
    YARD="$YARD live_orig"
else
    echo "python3-londiste, pgqd or postgresql-$MAJOR-londiste-sql is not installed: no original londiste yardstick"
fi
on_root postgres -c checkpoint
on_leaf postgres -c checkpoint

# live_run KEY DB LABEL [PENDING WAIT]: pgbench on DB; with PENDING and WAIT, the lag when it
# ends (PENDING prints it) and the time until WAIT returns, that is until the subscriber has it all
live_run() {
    run_pgbench "$2" "$3"
    R[tps_$1]=$PGB_TPS
    [ $# -gt 3 ] || return 0
    local t
    t=$(now)
    R[lag_$1]=$("$4")
    # shellcheck disable=SC2086 # a function and its arguments
    $5
    R[tail_$1]=$(since "$t")
}
leaf_has_root_tick() {   # db queue
    timeout 3600 bash -c "$(declare -f val_leaf on_leaf leaf_wait_tick); PGBIN=$PGBIN LEAF_PORT=$LEAF_PORT leaf_wait_tick $1 $2 $(root_tick "$1" "$2")" \
        || fail "leaf $1 did not catch up"
}
orig_pending() {
    val_root orig "select coalesce(pending_events, 0) || ' events pending, lag ' || lag
                   from pgq.get_consumer_info('orig_q', 'orig_leaf')"
}
native_has_root_wal() {
    native_wait "$(val_root postgres "select pg_current_wal_lsn()")"
}
live_londiste() { live_run l bench "londiste triggers, leaf worker running" leaf_pending "leaf_has_root_tick bench bench_q"; }
live_plain() { live_run p plain "no replication"; }
live_native() { live_run n nat "native subscription applying" native_gap native_has_root_wal; }
live_trig() { live_run t trig "londiste triggers, no subscriber"; }
live_ctrig() { live_run c ctrig "original C triggers, no subscriber"; }
live_orig() { live_run o orig "original londiste, its leaf worker running" orig_pending "leaf_has_root_tick orig orig_q"; }
# ratio_line KEY LABEL [TAIL]: prints a variant's TPS and its ratio to no replication, and keeps the
# ratio for the medians
declare -A RATIOS
ratio_line() {
    local r
    r=$(div "${R[tps_$1]}" "${R[tps_p]}")
    RATIOS[$1]="${RATIOS[$1]:-} $r"
    printf '%-40s %9s tps  ratio to none %s%s\n' "$2" "${R[tps_$1]}" "$r" "${3:-}"
}
order=(live_londiste live_plain live_native $YARD)
for round in $(seq "$ROUNDS"); do
say "2. live: pgbench -c $CLIENTS -j 2 -T $DURATION with replication running$([ "$ROUNDS" -gt 1 ] && echo ", round $round of $ROUNDS")"
# each round starts with another variant, so that the machine's drift during a round falls on
# each of them in turn
for i in "${!order[@]}"; do
    "${order[$(( (i + round - 1) % ${#order[@]} ))]}"
done
printf '%-40s %9s tps  ratio to none %s\n' "no replication" "${R[tps_p]}" 1.00
ratio_line l "londiste (triggers, worker live)" "   at end: ${R[lag_l]}; lag 0 after ${R[tail_l]} s"
ratio_line n "native logical replication" "   at end: ${R[lag_n]} bytes behind; lag 0 after ${R[tail_n]} s"
case " $YARD " in *" live_trig "*) ratio_line t "  londiste triggers, no subscriber" ;; esac
case " $YARD " in *" live_ctrig "*) ratio_line c "  original C triggers, no subscriber" ;; esac
case " $YARD " in *" live_orig "*) ratio_line o "original londiste (Python, C triggers)" "   at end: ${R[lag_o]}; lag 0 after ${R[tail_o]} s" ;; esac
echo "londiste/native tps: $(div "${R[tps_l]}" "${R[tps_n]}")"
done
if [ "$ROUNDS" -gt 1 ]; then
    echo "live over $ROUNDS rounds, ratios to no replication (median):"
    declare -A NAMES=([l]=londiste [n]=native [t]="londiste triggers alone" [c]="C triggers alone" [o]="original londiste")
    for k in l n t c o; do
        [ -n "${RATIOS[$k]:-}" ] || continue
        # shellcheck disable=SC2086
        printf '  %-24s %s (median %s)\n' "${NAMES[$k]}" "${RATIOS[$k]# }" "$(median ${RATIOS[$k]})"
    done
fi

fi

if want 3b || want 3c || want 4; then
######## 3b: initial sync of pgbench_accounts at scale BIG
say "3b. initial sync, pgbench_accounts at scale $BIG: add-table (root), add-table --create (leaf), wait-sync"
for n in root leaf; do "$BIN/londiste" "$WORK/big-$n.ini" worker -d; done
timeout 120 "$BIN/londiste" "$WORK/big-leaf.ini" wait-root >/dev/null || fail "big leaf not caught up"
t=$(now)
"$BIN/londiste" "$WORK/big-root.ini" add-table public.pgbench_accounts >/dev/null
mark "$t" "add-table on the root returned"
"$BIN/londiste" "$WORK/big-leaf.ini" add-table public.pgbench_accounts --create >/dev/null
mark "$t" "add-table --create on the leaf returned"
timeout 3600 bash -c "$(declare -f val_leaf on_leaf leaf_all_ok); PGBIN=$PGBIN LEAF_PORT=$LEAF_PORT leaf_all_ok big big_q" \
    || fail "pgbench_accounts did not reach ok"
R[bsync_l]=$(since "$t")
mark "$t" "ok on the leaf (psql poll)"
timeout 3600 "$BIN/londiste" "$WORK/big-leaf.ini" wait-sync >/dev/null || fail "pgbench_accounts did not reach ok"
R[bsync_lw]=$(since "$t")
mark "$t" "wait-sync returned"
echo "leaf log:"
copy_timeline "$t" "$WORK/londiste-big-leaf.log"
R[braw]=$(raw_pipe big bigraw pgbench_accounts)
R[braw_keys]=$(add_keys bigraw pgbench_accounts)
printf '%-52s %8s s\n' "londiste add-table + add-table --create + ok" "${R[bsync_l]}"
printf '%-52s %8s s\n' "  the same up to the return of wait-sync" "${R[bsync_lw]}"
printf '%-52s %8s s   londiste/this %s\n' "raw pipe" "${R[braw]}" "$(div "${R[bsync_l]}" "${R[braw]}")"
printf '%-52s %8s s   londiste/this %s\n' "raw pipe + primary key" "$(add "${R[braw]}" "${R[braw_keys]}")" \
    "$(div "${R[bsync_l]}" "${R[braw]} + ${R[braw_keys]}")"

fi

if want 3c; then
######## 3c: the same table again, loaded over several connections (threaded_copy_tables)
say "3c. resync of pgbench_accounts at scale $BIG with threaded_copy_pool_size = $POOL, against 3b"
"$BIN/londiste" "$WORK/big-leaf.ini" worker -s >/dev/null 2>&1 || true
printf 'threaded_copy_tables = public.pgbench_accounts\nthreaded_copy_pool_size = %s\n' "$POOL" >> "$WORK/big-leaf.ini"
"$BIN/londiste" "$WORK/big-leaf.ini" resync public.pgbench_accounts >/dev/null
t=$(now)
"$BIN/londiste" "$WORK/big-leaf.ini" worker -d
timeout 3600 bash -c "$(declare -f val_leaf on_leaf leaf_all_ok); PGBIN=$PGBIN LEAF_PORT=$LEAF_PORT leaf_all_ok big big_q" \
    || fail "pgbench_accounts did not reach ok after its resync"
R[tsync]=$(since "$t")
echo "leaf log:"
copy_timeline "$t" "$WORK/londiste-big-leaf.log"
printf '%-52s %8s s\n' "worker start to ok, $POOL loading connections" "${R[tsync]}"
printf '%-52s %8s s   threaded/plain %s\n' "3b: add-table to ok, one connection" "${R[bsync_l]}" "$(div "${R[tsync]}" "${R[bsync_l]}")"

fi

if want 4; then
######## 4: compare
say "4. londiste compare pgbench_accounts at scale $BIG"
t=$(now)
"$BIN/londiste" "$WORK/big-leaf.ini" compare public.pgbench_accounts || fail "compare found differences"
R[cmp]=$(since "$t")
echo "leaf log:"
copy_timeline "$t" "$WORK/londiste-big-leaf.log" ' [0-9]+ INFO big_leaf [^{]'
Q="select count(1), sum(hashtext(t::text)::bigint) from pgbench_accounts t"
t=$(now)
r=$(val_root big "$Q")
R[q_root]=$(since "$t")
t=$(now)
l=$(val_leaf big "$Q")
R[q_leaf]=$(since "$t")
[ "$r" = "$l" ] || echo "the aggregates differ: root $r, leaf $l"
printf '%-40s %8s s\n' "londiste compare" "${R[cmp]}"
printf '%-40s %8s s\n' "aggregate query on the root" "${R[q_root]}"
printf '%-40s %8s s\n' "aggregate query on the leaf" "${R[q_leaf]}"
echo "compare / (root query + leaf query): $(div "${R[cmp]}" "${R[q_root]} + ${R[q_leaf]}")"
echo "compare / slower of the two queries:  $(div "${R[cmp]}" "$(echo "if (${R[q_root]} > ${R[q_leaf]}) ${R[q_root]} else ${R[q_leaf]}" | bc -l)")"

fi

say "done"
