#!/usr/bin/env bash
# PgQ end to end on a throwaway local cluster: qadmin installs PgQ and creates a queue, a capture
# trigger turns table changes into events, pgqd ticks, simple_consumer3 copies each change into a
# log table, and qadmin shows the queue and its consumer. Everything is removed at the end.
set -euo pipefail

home=$(cd "$(dirname "$0")/.." && pwd)
bin=$home/debian/target/skytools/bin
if [ ! -x "$bin/qadmin" ]; then
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

work=$(mktemp -d /tmp/skytools-demo.XXXXXX)
chmod 755 "$work"
# a port below the kernel's ephemeral range (32768 and up), where no client socket can hold
# it, and that no server listens on
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((20000 + RANDOM % 9000))
while ! port_free "$port"; do port=$((20000 + RANDOM % 9000)); done
as_server() {
    # PostgreSQL refuses to run as root
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres: "$work"

cleanup() {
    "$bin/simple_consumer3" -s "$work/consumer.ini" >/dev/null 2>&1 || true
    "$bin/pgqd" -s "$work/pgqd.ini" >/dev/null 2>&1 || true
    as_server "$pgbin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

step "throwaway cluster on port $port"
as_server "$pgbin/initdb" -D "$work/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
as_server "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null \
    || { echo "the server did not start on port $port:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
psql_demo() { psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d demo "$@"; }
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "create database demo"

step "qadmin: install pgq; create queue orders_q;"
"$bin/qadmin" -h 127.0.0.1 -p "$port" -U postgres -d demo -c "install pgq; create queue orders_q;"

step "a table whose changes go to the queue (pgq.logutriga), and a log table"
psql_demo <<'SQL'
create table orders (id serial primary key, item text not null, qty int not null);
create trigger orders_to_queue after insert or update or delete on orders
    for each row execute procedure pgq.logutriga('orders_q');
create table order_log (nr serial, op text, id int, item text, qty int);
SQL

cat > "$work/pgqd.ini" <<INI
[pgqd]
base_connstr = host=127.0.0.1 port=$port user=postgres
database_list = demo
ticker_period = 0.2
logfile = $work/pgqd.log
pidfile = $work/pgqd.pid
INI
cat > "$work/consumer.ini" <<INI
[simple_consumer3]
job_name = order_logger
src_db = host=127.0.0.1 port=$port user=postgres dbname=demo
dst_db = host=127.0.0.1 port=$port user=postgres dbname=demo
queue_name = orders_q
dst_query = insert into order_log (op, id, item, qty) values (%%(pgq.ev_type)s, %%(id)s, %%(item)s, %%(qty)s)
loop_delay = 0.2
logfile = $work/consumer.log
pidfile = $work/consumer.pid
INI
psql_demo -c "select pgq.set_queue_config('orders_q', 'ticker_max_lag', '0.5 seconds')" >/dev/null

step "pgqd -d (ticker) and simple_consumer3 --register, then -d"
"$bin/pgqd" -d "$work/pgqd.ini"
"$bin/simple_consumer3" --register "$work/consumer.ini"
"$bin/simple_consumer3" -d "$work/consumer.ini"

step "writes on the table"
psql_demo <<'SQL'
insert into orders (item, qty) values ('apples', 3), ('pears', 5), ('plums, "ripe" & sweet', 7);
update orders set qty = qty + 1 where item = 'pears';
delete from orders where item = 'apples';
SQL

printf 'waiting for the consumer'
for _ in $(seq 1 100); do
    n=$(psql_demo -A -t -c "select count(*) from order_log")
    [ "$n" -ge 5 ] && break
    printf '.'
    sleep 0.3
done
echo

step "order_log, filled by simple_consumer3 from the queue"
psql_demo -c "select nr, op, id, item, qty from order_log order by nr"

step "qadmin: show queue orders_q; show consumer;"
"$bin/qadmin" -h 127.0.0.1 -p "$port" -U postgres -d demo -c "show queue orders_q; show consumer;"

n=$(psql_demo -A -t -c "select count(*) from order_log")
if [ "$n" -ne 5 ]; then
    echo "expected 5 changes in order_log, found $n; logs:" >&2
    tail -20 "$work/pgqd.log" "$work/consumer.log" >&2 || true
    exit 1
fi
step "done: 5 changes went table -> trigger -> queue -> pgqd tick -> consumer -> order_log"
