#!/usr/bin/env bash
# Londiste end to end on two throwaway local clusters: a root and a leaf node, pgqd ticking each
# cluster, a worker per node, tables added on the root and copied to the leaf while writes go on,
# then status, a row count on both sides and a clean compare. Everything is removed at the end.
set -euo pipefail

home=$(cd "$(dirname "$0")/.." && pwd)
bin=$home/debian/target/skytools/bin
if [ ! -x "$bin/londiste" ]; then
    echo "build first: mvn -B -Dquick package" >&2
    exit 1
fi
pgbin=${PG_BINDIR:-$(pg_config --bindir 2>/dev/null || true)}
if [ ! -x "$pgbin/initdb" ]; then
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
if [ ! -x "$pgbin/initdb" ]; then
    echo "PostgreSQL server binaries not found; set PG_BINDIR or install postgresql" >&2
    exit 1
fi
psql=$pgbin/psql
[ -x "$psql" ] || psql=psql

work=$(mktemp -d /tmp/londiste-demo.XXXXXX)
chmod 755 "$work"
# a port below the kernel's ephemeral range (32768 and up), where no client socket can hold
# it, and that no server listens on
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
base=$((20000 + RANDOM % 9000))
while ! port_free "$base" || ! port_free "$((base + 1))"; do base=$((20000 + RANDOM % 9000)); done
root_port=$base
leaf_port=$((base + 1))
as_server() {
    # PostgreSQL refuses to run as root
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres: "$work"

cleanup() {
    for ini in leaf root; do "$bin/londiste" "$work/$ini.ini" worker -s >/dev/null 2>&1 || true; done
    for n in root leaf; do "$bin/pgqd" -s "$work/pgqd-$n.ini" >/dev/null 2>&1 || true; done
    for n in root leaf; do as_server "$pgbin/pg_ctl" -D "$work/$n" -m fast -w stop >/dev/null 2>&1 || true; done
    if [ "${keep:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
fail() {
    echo "FAILED: $*" >&2
    for f in "$work"/*.log; do echo "--- $f" >&2; tail -15 "$f" >&2; done
    exit 1
}

step() { printf '\n== %s\n' "$*"; }

step "two throwaway clusters: root on port $root_port, leaf on port $leaf_port"
for n in root leaf; do
    port=$root_port
    [ $n = leaf ] && port=$leaf_port
    as_server "$pgbin/initdb" -D "$work/$n" -A trust -U postgres -E UTF8 --no-locale >/dev/null
    as_server "$pgbin/pg_ctl" -D "$work/$n" -l "$work/server-$n.log" -w \
        -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null \
        || fail "the $n server did not start on port $port"
    "$psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "create database shop"
done
root_db="host=127.0.0.1 port=$root_port user=postgres dbname=shop"
leaf_db="host=127.0.0.1 port=$leaf_port user=postgres dbname=shop"
on_root() { "$psql" -X -q -h 127.0.0.1 -p "$root_port" -U postgres -d shop "$@"; }
on_leaf() { "$psql" -X -q -h 127.0.0.1 -p "$leaf_port" -U postgres -d shop "$@"; }

step "tables with data on the root"
on_root <<'SQL'
create table customers (id int primary key, name text not null, email text);
create table orders (id bigserial primary key, customer_id int not null references customers,
                     item text not null, qty int not null, created timestamptz default now());
insert into customers select i, 'customer ' || i, 'c' || i || '@example.com' from generate_series(1, 1000) i;
insert into orders (customer_id, item, qty)
    select 1 + i % 1000, 'item ' || i, 1 + i % 7 from generate_series(1, 20000) i;
SQL

for n in root leaf; do
    port=$root_port
    [ $n = leaf ] && port=$leaf_port
    cat > "$work/pgqd-$n.ini" <<INI
[pgqd]
base_connstr = host=127.0.0.1 port=$port user=postgres
database_list = shop
ticker_period = 0.2
logfile = $work/pgqd-$n.log
pidfile = $work/pgqd-$n.pid
INI
    db=$root_db
    [ $n = leaf ] && db=$leaf_db
    cat > "$work/$n.ini" <<INI
[londiste3]
job_name = shop_$n
db = $db
queue_name = shop_q
loop_delay = 0.2
logfile = $work/londiste-$n.log
pidfile = $work/londiste-$n.pid
INI
done

step "londiste root.ini create-root; londiste leaf.ini create-leaf --provider=<root>"
"$bin/londiste" "$work/root.ini" create-root root "$root_db"
"$bin/londiste" "$work/leaf.ini" create-leaf leaf "$leaf_db" --provider="$root_db"
# tick at least every 0.5 s while events come, every 1 s when idle (defaults: 3 s and 60 s)
on_root -c "select pgq.set_queue_config('shop_q', 'ticker_max_lag', '0.5 seconds'),
                   pgq.set_queue_config('shop_q', 'ticker_idle_period', '1 second')" >/dev/null

step "pgqd -d on each cluster; londiste worker -d on each node"
"$bin/pgqd" -d "$work/pgqd-root.ini"
"$bin/pgqd" -d "$work/pgqd-leaf.ini"
"$bin/londiste" "$work/root.ini" worker -d
"$bin/londiste" "$work/leaf.ini" worker -d

step "londiste root.ini add-table customers orders; londiste leaf.ini add-table --all --create"
"$bin/londiste" "$work/root.ini" add-table public.customers public.orders
"$bin/londiste" "$work/leaf.ini" add-table --all --create

step "writes on the root while the leaf copies"
on_root <<'SQL'
insert into orders (customer_id, item, qty) select 1 + i % 1000, 'late item ' || i, 2 from generate_series(1, 500) i;
update customers set email = upper(email) where id % 10 = 0;
delete from orders where id % 100 = 0;
SQL

step "londiste leaf.ini wait-sync"
timeout 120 "$bin/londiste" "$work/leaf.ini" wait-sync || fail "tables did not reach ok"

step "more writes, then wait until the leaf has every tick of the root"
on_root -c "update orders set qty = qty + 1 where id % 7 = 0"
timeout 60 "$bin/londiste" "$work/leaf.ini" wait-root || fail "leaf did not catch up"

step "londiste leaf.ini status"
"$bin/londiste" "$work/leaf.ini" status
"$bin/londiste" "$work/leaf.ini" status --compact

step "londiste leaf.ini tables"
"$bin/londiste" "$work/leaf.ini" tables

step "rows on each side"
for t in customers orders; do
    r=$(on_root -A -t -c "select count(*) from $t")
    l=$(on_leaf -A -t -c "select count(*) from $t")
    printf '%-10s root %6s  leaf %6s\n' "$t" "$r" "$l"
done

step "londiste leaf.ini compare"
"$bin/londiste" "$work/leaf.ini" compare || fail "compare found differences"

step "done: root -> queue -> pgqd ticks -> leaf worker, copied and replayed, compare clean"
