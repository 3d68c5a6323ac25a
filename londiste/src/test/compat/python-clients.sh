#!/usr/bin/env bash
# The original Python clients against this product, on one throwaway cluster:
#   1. a Python londiste leaf (python3-londiste, with the original SQL it installs) replicating from
#      a root made by this londiste: create-leaf, add-table --create, worker, rows with awkward
#      values, then the Python admin's status, execute (DDL), add-seq, add-table with a trigger
#      argument and remove-table on the root, and its compare;
#   2. Python PgQ consumers (python3-pgq) on queues of this pgq: a plain one gets every event once
#      and retried events once more with ev_retry = 1; cooperative, remote (pgq_ext batches) and
#      serial (pgq_ext ticks) consumers each get every event once;
#   3. this londiste as a leaf of a Python londiste root (the original pgq, pgq_node and londiste
#      SQL), with this pgqd ticking both, and the Python admin's resync on that leaf;
#   4. branches mixed in a cascade under a root made here: a Python branch with a leaf of this
#      londiste under it, and a branch of this londiste with a Python leaf under it; then the
#      Python admin's takeover makes the branch made here the root;
#   5. the original C pgqd (Debian's pgqd) ticking a queue of this pgq and rotating its tables.
# Needs the distribution (mvn -B -Dquick package) and the Debian packages python3-londiste,
# python3-pgq, pgqd and the pgq-node and londiste-sql packages of the server's major version. Exits
# non-zero with the logs when a check fails; KEEP=1 keeps the directory.
set -euo pipefail

home=$(cd "$(dirname "$0")/../../../.." && pwd)
bin=$home/debian/target/skytools/bin
pylondiste=${PY_LONDISTE:-/usr/bin/londiste}
python=${PY_PYTHON:-/usr/bin/python3}
cpgqd=${C_PGQD:-/usr/bin/pgqd}
if [ ! -x "$bin/londiste" ]; then
    echo "build first: mvn -B -Dquick package" >&2
    exit 1
fi
pgbin=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ ! -x "$pylondiste" ] || ! "$python" -c 'import pgq, londiste, psycopg2' 2>/dev/null; then
    echo "the Python londiste and pgq are missing: apt-get install python3-londiste python3-pgq" >&2
    exit 1
fi
if [ ! -x "$cpgqd" ]; then
    echo "the original pgqd is missing: apt-get install pgqd" >&2
    exit 1
fi
major=$("$pgbin/postgres" --version | sed -E 's/.* ([0-9]+)\..*/\1/')
if [ ! -e "/usr/share/postgresql/$major/extension/londiste.control" ]; then
    echo "the original londiste SQL is missing: apt-get install postgresql-$major-londiste-sql" >&2
    exit 1
fi

work=$(mktemp -d /tmp/londiste-pyclients.XXXXXX)
chmod 755 "$work"
# a port below the kernel's ephemeral range (32768 and up), where no client socket can hold
# it, and that no server listens on
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((20000 + RANDOM % 9000))
while ! port_free "$port"; do port=$((20000 + RANDOM % 9000)); done
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$work"
connstr() { echo "host=127.0.0.1 port=$port user=postgres dbname=$1"; }
sql() { "$pgbin/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$@"; }

cleanup() {
    for ini in root jleaf rootbq jbranch jleaf2; do
        "$bin/londiste" "$work/$ini.ini" worker -s >/dev/null 2>&1 || true
    done
    for ini in pyleaf pyroot pbranch pleaf2; do "$pylondiste" "$work/$ini.ini" worker -s >/dev/null 2>&1 || true; done
    "$python" "$work/consumer.py" "$work/consumer.ini" -s >/dev/null 2>&1 || true
    for k in coop:coop1 coop:coop2 remote:remote serial:serial; do
        "$python" "$work/kinds.py" "${k%%:*}" "$work/${k#*:}.ini" -s >/dev/null 2>&1 || true
    done
    "$bin/pgqd" -s "$work/pgqd.ini" >/dev/null 2>&1 || true
    [ -e "$work/cpgqd.pid" ] && kill "$(cat "$work/cpgqd.pid")" 2>/dev/null || true
    as_server "$pgbin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
fail() {
    echo "FAILED: $*" >&2
    for f in "$work"/*.log; do echo "--- $f" >&2; tail -20 "$f" >&2; done
    exit 1
}
step() { printf '\n== %s\n' "$*"; }
# waits up to 60 s for a query to return the expected value
wait_for() {   # db query expected what
    local i
    for i in $(seq 1 300); do
        [ "$(sql "$1" -c "$2" 2>/dev/null)" = "$3" ] && return 0
        sleep 0.2
    done
    fail "$4: \"$2\" on $1 did not return \"$3\""
}
# runs a command and checks that its output holds the text (read whole: the command must not
# see a closed pipe)
shows() {   # text what command...
    local text=$1 what=$2 out
    shift 2
    out=$("$@" 2>>"$work/cli.log") || fail "$what: exit code $?"
    grep -qF -- "$text" <<<"$out" || fail "$what: no \"$text\" in: $out"
}
same_rows() {   # table db1 db2
    local a b
    a=$(sql "$2" -c "select count(*) || ' ' || md5(coalesce(string_agg(t::text, ',' order by id), '')) from $1 t")
    b=$(sql "$3" -c "select count(*) || ' ' || md5(coalesce(string_agg(t::text, ',' order by id), '')) from $1 t")
    [ "$a" = "$b" ] || fail "$1 differs: $2 has $a, $3 has $b"
    echo "$1: the same $a on $2 and $3"
}
# the same node for the Python admin tool: the section name it reads, a log of its own
python_view() {   # name-of-an-ini-made-here new-name
    sed "s/^\[londiste3\]/[londiste]/; s/$1\.log/$2.log/" "$work/$1.ini" > "$work/$2.ini"
}
# lines in a consumer's output file (0 while it does not exist)
count_lines() { cat "$1" 2>/dev/null | wc -l; }
ini() {   # name section db queue
    cat > "$work/$1.ini" <<INI
[$2]
job_name = j_$1
db = $(connstr "$3")
queue_name = $4
loop_delay = 0.2
logfile = $work/$1.log
pidfile = $work/$1.pid
INI
}

step "cluster on port $port"
as_server "$pgbin/initdb" -D "$work/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
as_server "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null \
    || fail "the server did not start on port $port"
for db in root leaf proot jleaf; do sql postgres -c "create database $db"; done
pgqd_ini() {   # databases
    cat > "$work/pgqd.ini" <<INI
[pgqd]
base_connstr = host=127.0.0.1 port=$port user=postgres
database_list = $1
ticker_period = 0.2
logfile = $work/pgqd.log
pidfile = $work/pgqd.pid
INI
}

step "1. a Python londiste leaf of this londiste's root"
ini root londiste3 root rq
ini pyleaf londiste leaf rq
python_view root pyadmin
sql root -c "create table t1 (id int primary key, v text, ts timestamptz default now(), n numeric, arr int[])"
"$bin/londiste" "$work/root.ini" create-root rootnode "$(connstr root)" >/dev/null 2>>"$work/cli.log" || fail "create-root"
"$bin/londiste" "$work/root.ini" add-table public.t1 >/dev/null 2>>"$work/cli.log" || fail "add-table on the root"
"$bin/londiste" "$work/root.ini" worker -d >/dev/null 2>>"$work/cli.log" || fail "root worker"
pgqd_ini root
"$bin/pgqd" -d "$work/pgqd.ini" >/dev/null 2>>"$work/cli.log" || fail "pgqd"
"$pylondiste" "$work/pyleaf.ini" create-leaf leafnode "$(connstr leaf)" --provider="$(connstr root)" \
    >/dev/null 2>&1 || fail "Python create-leaf"
"$pylondiste" "$work/pyleaf.ini" add-table public.t1 --create >/dev/null 2>&1 || fail "Python add-table"
"$pylondiste" "$work/pyleaf.ini" worker -d || fail "Python worker"
sql root <<'SQL'
insert into t1 select g, 'v' || g || E' tab\t nl\n q''" \\ %+&=', now(), g / 3.0, array[g, null]
  from generate_series(1, 500) g;
update t1 set v = 'upd', n = null where id % 7 = 0;
delete from t1 where id % 11 = 0;
SQL
wait_for leaf "select merge_state from londiste.table_info where table_name = 'public.t1' and local" ok "copy of t1"
sql root <<'SQL'
insert into t1 (id, v) select g, E'x\\y ' || g from generate_series(1001, 1200) g;
update t1 set arr = '{1,NULL}' where id % 5 = 0;
SQL
sql root -c "insert into t1 (id, v) values (2000, 'last')"
wait_for leaf "select v from t1 where id = 2000" last "the last row on the Python leaf"
same_rows t1 root leaf
shows "leafnode (leaf)" "Python status on the root" "$pylondiste" "$work/pyadmin.ini" status
shows "leafnode (leaf)" "status on the root" "$bin/londiste" "$work/root.ini" status
"$pylondiste" "$work/pyleaf.ini" compare >"$work/pycompare.log" 2>&1 || fail "Python compare"
src=$(sed -n 's/.*srcdb: //p' "$work/pycompare.log")
dst=$(sed -n 's/.*dstdb: //p' "$work/pycompare.log")
[ -n "$src" ] && [ "$src" = "$dst" ] || fail "Python compare: root $src, leaf $dst"
echo "Python compare: $dst on both"
cat > "$work/ddl.sql" <<'SQL'
--*-- Local-Table: public.t1
alter table @public.t1@ add column extra text;
SQL
"$pylondiste" "$work/pyadmin.ini" execute "$work/ddl.sql" >/dev/null 2>&1 || fail "Python execute on the root"
sql root -c "insert into t1 (id, v, extra) values (5000, 'after ddl', 'e')"
sql root -c "create sequence s1; select nextval('s1')" >/dev/null
"$pylondiste" "$work/pyadmin.ini" add-seq public.s1 >/dev/null 2>&1 || fail "Python add-seq on the root"
"$pylondiste" "$work/pyleaf.ini" add-seq public.s1 --create >/dev/null 2>&1 || fail "Python add-seq on the leaf"
wait_for leaf "select extra from t1 where id = 5000" e "the row after the EXECUTE"
wait_for leaf "select last_value > 1 from s1" t "sequence s1 pushed to the leaf"
same_rows t1 root leaf
# the Python admin adds a table on the root made here, with a trigger argument, and removes it
sql root -c "create table t4 (id int primary key, v text, secret text)"
sql leaf -c "create table t4 (id int primary key, v text, secret text)"
"$pylondiste" "$work/pyadmin.ini" add-table public.t4 --trigger-arg=ignore=secret >/dev/null 2>&1 \
    || fail "Python add-table on the root"
"$pylondiste" "$work/pyleaf.ini" add-table public.t4 >/dev/null 2>&1 || fail "Python add-table of t4 on the leaf"
wait_for leaf "select merge_state from londiste.table_info where table_name = 'public.t4' and local" ok "copy of t4"
sql root -c "insert into t4 select g, 't' || g, 'hidden' from generate_series(1, 50) g"
sql root -c "update t4 set v = 'u' where id < 10"
wait_for leaf "select count(*) from t4 where v = 'u'" 9 "the changes of t4"
wait_for leaf "select count(*) || ' ' || count(secret) from t4" "50 0" "t4 without the ignored column"
"$pylondiste" "$work/pyleaf.ini" remove-table public.t4 >/dev/null 2>&1 || fail "Python remove-table on the leaf"
"$pylondiste" "$work/pyadmin.ini" remove-table public.t4 >/dev/null 2>&1 || fail "Python remove-table on the root"
[ "$(sql root -c "select count(*) from pg_trigger where tgrelid = 'public.t4'::regclass")" = 0 ] \
    || fail "triggers left on t4 after the Python remove-table"
echo "t4: added with ignore=secret and removed again by the Python admin on the root"

step "2. a Python PgQ consumer on a queue of this pgq"
cat > "$work/consumer.py" <<'PY'
import sys, pgq
class Collect(pgq.Consumer):
    """Writes each event to the output file; odd ids are retried once."""
    def process_event(self, db, ev):
        with open(self.cf.get('output'), 'a') as f:
            f.write("%s|%s|%s\n" % (ev.ev_id, ev.ev_retry or 0, ev.ev_data))
        if int(ev.ev_id) % 2 == 1 and not ev.ev_retry:
            ev.tag_retry(0)
        else:
            ev.tag_done()
if __name__ == '__main__':
    Collect('consumer', 'src_db', sys.argv[1:]).start()
PY
cat > "$work/consumer.ini" <<INI
[consumer]
job_name = pyconsumer
src_db = $(connstr root)
queue_name = pyq
output = $work/consumer.out
logfile = $work/consumer.log
pidfile = $work/consumer.pid
loop_delay = 0.2
pgq_lazy_fetch = 50
INI
"$bin/qadmin" -h 127.0.0.1 -p "$port" -U postgres -d root -c "create queue pyq;" >/dev/null 2>>"$work/cli.log" || fail "create queue"
"$python" "$work/consumer.py" "$work/consumer.ini" --register >/dev/null 2>&1 || fail "Python register"
sql root -c "select count(pgq.insert_event('pyq', 'ty', 'data ' || g)) from generate_series(1, 300) g" >/dev/null
"$python" "$work/consumer.py" "$work/consumer.ini" -d || fail "Python consumer"
for i in $(seq 1 300); do [ "$(count_lines "$work/consumer.out")" -ge 300 ] && break; sleep 0.2; done
# retried events go back into the queue at the ticker's maintenance; this does it at once
for i in $(seq 1 300); do
    sql root -c "select pgq.maint_retry_events()" >/dev/null
    [ "$(count_lines "$work/consumer.out")" -ge 450 ] && break
    sleep 0.2
done
"$python" "$work/consumer.py" "$work/consumer.ini" -s >/dev/null 2>&1 || true
got=$(sort -t'|' -k2,2n -k1,1n "$work/consumer.out" | md5sum)
want=$(sql root -c "select g || '|0|data ' || g from generate_series(1, 300) g
                    union all
                    select g || '|1|data ' || g from generate_series(1, 300, 2) g" | sort -t'|' -k2,2n -k1,1n | md5sum)
[ "$got" = "$want" ] \
    || fail "the Python consumer's events differ, $(count_lines "$work/consumer.out") lines: $(head -3 "$work/consumer.out")"
echo "pyq: 300 events once, the 150 retried ones once more with ev_retry 1"

# a cooperative consumer with two subconsumers (pgq_coop), and a remote and a serial consumer
# writing into another database where this installer put pgq_ext
cat > "$work/kinds.py" <<'PY'
import sys, pgq
def write(dst_db, table, ev_list):
    cur = dst_db.cursor()
    for ev in ev_list:
        cur.execute("insert into " + table + " values (%s, %s)", [ev.ev_id, ev.ev_data])
class Coop(pgq.CoopConsumer):
    def process_event(self, db, ev):
        with open(self.cf.get('output'), 'a') as f:
            f.write("%s|%s\n" % (ev.ev_id, ev.ev_data))
        ev.tag_done()
class Remote(pgq.RemoteConsumer):
    def process_remote_batch(self, db, batch_id, ev_list, dst_db):
        write(dst_db, 'got_remote', ev_list)
class Serial(pgq.SerialConsumer):
    def process_remote_batch(self, db, batch_id, ev_list, dst_db):
        write(dst_db, 'got_serial', ev_list)
if __name__ == '__main__':
    if sys.argv[1] == 'coop':
        Coop('consumer', 'src_db', sys.argv[2:]).start()
    else:
        {'remote': Remote, 'serial': Serial}[sys.argv[1]]('consumer', 'src_db', 'dst_db', sys.argv[2:]).start()
PY
sql postgres -c "create database target"
"$bin/qadmin" -h 127.0.0.1 -p "$port" -U postgres -d target -c "install pgq;" >/dev/null 2>>"$work/cli.log" \
    || fail "install pgq_ext in the target"
sql target -c "create table got_remote (id bigint primary key, d text); create table got_serial (like got_remote including all)"
"$bin/qadmin" -h 127.0.0.1 -p "$port" -U postgres -d root -c "install pgq; create queue kq;" >/dev/null \
    2>>"$work/cli.log" || fail "install pgq_coop, create queue kq"
kinds=(coop:coop1 coop:coop2 remote:remote serial:serial)
for k in "${kinds[@]}"; do
    kind=${k%%:*} name=${k#*:}
    cat > "$work/$name.ini" <<INI
[consumer]
job_name = py$name
consumer_name = py$kind
subconsumer_name = $name
src_db = $(connstr root)
dst_db = $(connstr target)
queue_name = kq
output = $work/coop.out
logfile = $work/$name.log
pidfile = $work/$name.pid
loop_delay = 0.2
INI
    "$python" "$work/kinds.py" "$kind" "$work/$name.ini" --register >/dev/null 2>&1 || fail "Python register of $name"
done
for i in 1 2 3 4; do
    sql root -c "select count(pgq.insert_event('kq', 'k', 'k' || g)) from generate_series($i * 1000 + 1, $i * 1000 + 100) g" \
        >/dev/null
    sql root -c "select pgq.force_tick('kq')" >/dev/null
done
for k in "${kinds[@]}"; do "$python" "$work/kinds.py" "${k%%:*}" "$work/${k#*:}.ini" -d || fail "Python ${k#*:}"; done
wait_for target "select count(*) from got_remote" 400 "the remote consumer's rows"
wait_for target "select count(*) from got_serial" 400 "the serial consumer's rows"
for i in $(seq 1 300); do [ "$(count_lines "$work/coop.out")" -ge 400 ] && break; sleep 0.2; done
for k in "${kinds[@]}"; do "$python" "$work/kinds.py" "${k%%:*}" "$work/${k#*:}.ini" -s >/dev/null 2>&1 || true; done
[ "$(cut -d'|' -f1 "$work/coop.out" | sort -u | wc -l)" = 400 ] && [ "$(wc -l < "$work/coop.out")" = 400 ] \
    || fail "the cooperative consumer's events: $(wc -l < "$work/coop.out") lines"
[ "$(sql target -c "select count(*) from pgq_ext.completed_batch where consumer_id = 'pyremote'")" = 1 ] \
    || fail "pgq_ext.completed_batch of the remote consumer"
[ "$(sql target -c "select count(*) from pgq_ext.completed_tick where consumer_id = 'pyserial'")" = 1 ] \
    || fail "pgq_ext.completed_tick of the serial consumer"
echo "kq: 400 events once each to a cooperative, a remote and a serial consumer"

step "3. this londiste as a leaf of a Python londiste root"
ini pyroot londiste proot pq
ini jleaf londiste3 jleaf pq
sql proot -c "create table t2 (id int primary key, v text, b bytea, j json, d date)"
"$pylondiste" "$work/pyroot.ini" create-root prootnode "$(connstr proot)" >/dev/null 2>&1 || fail "Python create-root"
"$pylondiste" "$work/pyroot.ini" add-table public.t2 >/dev/null 2>&1 || fail "Python add-table"
"$pylondiste" "$work/pyroot.ini" worker -d || fail "Python root worker"
pgqd_ini "root, proot"
"$bin/pgqd" -r "$work/pgqd.ini" >/dev/null 2>>"$work/cli.log" || fail "pgqd reload"
"$bin/londiste" "$work/jleaf.ini" create-leaf jleafnode "$(connstr jleaf)" --provider="$(connstr proot)" >/dev/null 2>>"$work/cli.log" \
    || fail "create-leaf under the Python root"
"$bin/londiste" "$work/jleaf.ini" add-table public.t2 --create >/dev/null 2>>"$work/cli.log" || fail "add-table on the leaf"
"$bin/londiste" "$work/jleaf.ini" worker -d >/dev/null 2>>"$work/cli.log" || fail "leaf worker"
sql proot <<'SQL'
insert into t2 select g, 'v' || g || E'\t\\x', decode(md5(g::text), 'hex'),
                      json_build_object('a', g, 's', E'x"y'), date '2020-01-01' + g
  from generate_series(1, 300) g;
update t2 set v = null where id % 3 = 0;
delete from t2 where id % 10 = 0;
SQL
wait_for jleaf "select merge_state from londiste.table_info where table_name = 'public.t2' and local" ok "copy of t2"
sql proot -c "update t2 set j = '[1, 2]' where id % 4 = 0"
sql proot -c "insert into t2 (id, v) values (1000, 'last')"
wait_for jleaf "select v from t2 where id = 1000" last "the last row on the leaf"
same_rows t2 proot jleaf
"$bin/londiste" "$work/jleaf.ini" compare >"$work/compare.log" 2>&1 || fail "compare under the Python root"
# the Python admin's resync on the leaf made here copies the table again
python_view jleaf pyjleaf
"$pylondiste" "$work/pyjleaf.ini" resync public.t2 >/dev/null 2>&1 || fail "Python resync on the leaf"
sql proot -c "insert into t2 (id, v) values (1001, 'after resync')"
wait_for jleaf "select v from t2 where id = 1001" "after resync" "the row after the resync"
wait_for jleaf "select merge_state from londiste.table_info where table_name = 'public.t2' and local" ok "t2 after the resync"
same_rows t2 proot jleaf
shows "jleafnode (leaf)" "status under the Python root" "$bin/londiste" "$work/jleaf.ini" status

step "4. mixed branches: root -> Python branch -> leaf here, root -> branch here -> Python leaf"
for db in pbranch jleaf2 jbranch pleaf2; do sql postgres -c "create database $db"; done
ini rootbq londiste3 root bq
ini pbranch londiste pbranch bq
ini jleaf2 londiste3 jleaf2 bq
ini jbranch londiste3 jbranch bq
ini pleaf2 londiste pleaf2 bq
python_view jbranch pyjbranch
sql root -c "create table t3 (id int primary key, v text, n int)"
"$bin/londiste" "$work/rootbq.ini" create-root rootbq "$(connstr root)" >/dev/null 2>>"$work/cli.log" \
    || fail "create-root of queue bq"
# idle ticks every second: the hand-over of a copied table waits for the provider's next tick
sql root -c "select pgq.set_queue_config('bq', 'ticker_idle_period', '1 second')" >/dev/null
"$bin/londiste" "$work/rootbq.ini" add-table public.t3 >/dev/null 2>>"$work/cli.log" || fail "add-table t3"
"$bin/londiste" "$work/rootbq.ini" worker -d >/dev/null 2>>"$work/cli.log" || fail "root worker of queue bq"
"$pylondiste" "$work/pbranch.ini" create-branch pbranchnode "$(connstr pbranch)" --provider="$(connstr root)" \
    >/dev/null 2>&1 || fail "Python create-branch"
"$pylondiste" "$work/pbranch.ini" add-table public.t3 --create >/dev/null 2>&1 || fail "Python add-table on the branch"
"$pylondiste" "$work/pbranch.ini" worker -d || fail "Python branch worker"
"$bin/londiste" "$work/jbranch.ini" create-branch jbranchnode "$(connstr jbranch)" --provider="$(connstr root)" \
    >/dev/null 2>>"$work/cli.log" || fail "create-branch"
"$bin/londiste" "$work/jbranch.ini" add-table public.t3 --create >/dev/null 2>>"$work/cli.log" \
    || fail "add-table on the branch"
"$bin/londiste" "$work/jbranch.ini" worker -d >/dev/null 2>>"$work/cli.log" || fail "branch worker"
pgqd_ini "root, proot, pbranch, jbranch"
"$bin/pgqd" -r "$work/pgqd.ini" >/dev/null 2>>"$work/cli.log" || fail "pgqd reload"
"$bin/londiste" "$work/jleaf2.ini" create-leaf jleaf2node "$(connstr jleaf2)" --provider="$(connstr pbranch)" \
    >/dev/null 2>>"$work/cli.log" || fail "create-leaf under the Python branch"
"$bin/londiste" "$work/jleaf2.ini" add-table public.t3 --create >/dev/null 2>>"$work/cli.log" \
    || fail "add-table under the Python branch"
"$bin/londiste" "$work/jleaf2.ini" worker -d >/dev/null 2>>"$work/cli.log" || fail "leaf worker under the Python branch"
"$pylondiste" "$work/pleaf2.ini" create-leaf pleaf2node "$(connstr pleaf2)" --provider="$(connstr jbranch)" \
    >/dev/null 2>&1 || fail "Python create-leaf under the branch"
"$pylondiste" "$work/pleaf2.ini" add-table public.t3 --create >/dev/null 2>&1 || fail "Python add-table under the branch"
"$pylondiste" "$work/pleaf2.ini" worker -d || fail "Python leaf worker under the branch"
sql root <<'SQL'
insert into t3 select g, 'r' || g, g from generate_series(1, 200) g;
update t3 set v = v || '+', n = null where id % 3 = 0;
delete from t3 where id % 17 = 0;
SQL
for db in pbranch jbranch jleaf2 pleaf2; do
    wait_for "$db" "select merge_state from londiste.table_info where queue_name = 'bq' and local" ok "copy of t3 on $db"
done
sql root -c "update t3 set n = -n where id % 5 = 0"
sql root -c "insert into t3 (id, v) values (1000, 'last')"
for db in pbranch jbranch jleaf2 pleaf2; do
    wait_for "$db" "select v from t3 where id = 1000" last "the last row on $db"
    same_rows t3 root "$db"
done
shows "jleaf2node (leaf)" "status of the mixed cascade" "$bin/londiste" "$work/jleaf2.ini" status
shows "pleaf2node (leaf)" "Python status of the mixed cascade" "$pylondiste" "$work/pleaf2.ini" status
# the Python admin's switchover: the branch made here takes over from the root made here
"$pylondiste" "$work/pyjbranch.ini" takeover rootbq >"$work/takeover.log" 2>&1 || fail "Python takeover"
shows "jbranchnode (root)" "the branch is not root after the takeover" "$bin/londiste" "$work/jbranch.ini" status
sql jbranch -c "insert into t3 (id, v) values (2000, 'on the new root')"
for db in root pbranch jleaf2 pleaf2; do
    wait_for "$db" "select v from t3 where id = 2000" "on the new root" "the new root's row on $db"
    same_rows t3 jbranch "$db"
done

step "5. the original C pgqd ticking and maintaining a queue of this pgq"
sql postgres -c "create database cticker"
"$bin/qadmin" -h 127.0.0.1 -p "$port" -U postgres -d cticker -c "install pgq; create queue cq;" >/dev/null \
    2>>"$work/cli.log" || fail "install pgq in cticker"
sql cticker >/dev/null <<'SQL'
select pgq.set_queue_config('cq', 'ticker_idle_period', '1 second');
select pgq.set_queue_config('cq', 'ticker_max_lag', '0.2 seconds');
select pgq.set_queue_config('cq', 'rotation_period', '1 second');
select pgq.register_consumer('cq', 'c');
SQL
cat > "$work/cpgqd.ini" <<INI
[pgqd]
base_connstr = host=127.0.0.1 port=$port user=postgres
database_list = cticker
ticker_period = 0.2
maint_period = 1
retry_period = 1
logfile = $work/cpgqd.log
pidfile = $work/cpgqd.pid
INI
"$cpgqd" -d "$work/cpgqd.ini" 2>>"$work/cli.log" || fail "the C pgqd"
# a consumer that reads every batch, so that rotation may switch and truncate the event tables
seen=0
for round in $(seq 1 150); do
    sql cticker -c "select pgq.insert_event('cq', 'x', 'round $round')" >/dev/null
    batch=$(sql cticker -c "select batch_id from pgq.next_batch_info('cq', 'c')")
    if [ -n "$batch" ]; then
        seen=$((seen + $(sql cticker -c "select count(*) from pgq.get_batch_events($batch)")))
        sql cticker -c "select pgq.finish_batch($batch)" >/dev/null
    fi
    [ "$(sql cticker -c "select queue_switch_time > now() - interval '1 hour' and queue_cur_table > 0 from pgq.queue")" = t ] \
        && [ "$seen" -ge 20 ] && break
    sleep 0.1
done
kill "$(cat "$work/cpgqd.pid")" 2>/dev/null || true
[ "$seen" -ge 20 ] || fail "the C pgqd: $seen events read in batches"
[ "$(sql cticker -c "select queue_cur_table from pgq.queue")" != 0 ] || fail "the C pgqd never rotated the queue"
if grep -E "ERROR|WARNING|FATAL" "$work/cpgqd.log"; then fail "the C pgqd logged errors"; fi
echo "cq: the C pgqd ticked $(sql cticker -c "select count(*) from pgq.tick") times and rotated the event tables; $seen events read"

step "all checks passed"
