#!/usr/bin/env bash
# The capture triggers of this pgq against the original C ones (Debian's postgresql-<major>-pgq3),
# on one throwaway cluster: two databases get the same tables, the same logutriga, sqltriga and
# jsontriga triggers (with and without options) and the same writes; the events of each queue,
# and every error message, must be the same byte for byte.
#
# Covers values of the common types (NULLs, empty and awkward strings, special floats and dates,
# arrays, bytea, json, composite and range values, char padding), quoted names, a dropped column,
# keys given by pkey=, ignore=, backup, when=, ev_type= and ev_extraN= expressions, _pgq_ev_*
# columns, BEFORE triggers with SKIP, deny, TRUNCATE, key updates, tables without a key and the
# replica and local replication roles, and the errors of bad trigger arguments.
#
# Needs pgq-sql/target/sql/pgq.sql (mvn -B -Dquick package) and the C PgQ of the server's major
# version. Exits non-zero with the differences when the events differ; KEEP=1 keeps the directory.
set -euo pipefail

home=$(cd "$(dirname "$0")/../../../.." && pwd)
ours=$home/pgq-sql/target/sql/pgq.sql
if [ ! -f "$ours" ]; then
    echo "build first: mvn -B -Dquick package (no $ours)" >&2
    exit 1
fi
pgbin=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
major=$("$pgbin/postgres" --version | sed -E 's/.* ([0-9]+)\..*/\1/')
if [ ! -e "/usr/share/postgresql/$major/extension/pgq.control" ]; then
    echo "the original C PgQ is missing: apt-get install postgresql-$major-pgq3" >&2
    exit 1
fi

work=$(mktemp -d /tmp/pgq-trigger-payloads.XXXXXX)
chmod 755 "$work"
port=$((40000 + RANDOM % 20000))
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$work"
psql_db() { "$pgbin/psql" -X -q -h "$work" -p "$port" -U postgres -d "$@"; }

cleanup() {
    as_server "$pgbin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
    if [ "${KEEP:-}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

as_server "$pgbin/initdb" -D "$work/data" -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
printf "port = %s\nlisten_addresses = ''\nunix_socket_directories = '%s'\nfsync = off\n" \
    "$port" "$work" >> "$work/data/postgresql.conf"
as_server "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w start >/dev/null \
    || { echo "the server did not start:" >&2; tail -20 "$work/server.log" >&2; exit 1; }

psql_db postgres -v ON_ERROR_STOP=1 -c "create database c" -c "create database ours"
for db in c ours; do
    psql_db postgres -v ON_ERROR_STOP=1 \
        -c "alter database $db set timezone = 'Europe/Tallinn'" \
        -c "alter database $db set datestyle = 'ISO, MDY'" \
        -c "alter database $db set lc_monetary = 'C'"
done
psql_db c -v ON_ERROR_STOP=1 -c "create extension pgq" >/dev/null
psql_db ours -v ON_ERROR_STOP=1 -f "$ours" >/dev/null

# Tables and triggers: each table gets the three trigger kinds with the same arguments, into the
# queues l_<table>, s_<table> and j_<table>.
cat > "$work/schema.sql" <<'EOF'
\set ON_ERROR_STOP 1
create type mood as enum ('sad', 'ok', 'happy');
create type pair as (x int4, y text);
create schema "Other Schema";

create table types (
    id serial primary key,
    i2 int2, i4 int4, i8 int8, n numeric, f4 real, f8 double precision, b bool,
    t text, vc varchar(12), ch char(5), by bytea,
    d date, ts timestamp, tz timestamptz, iv interval, tm time, ttz timetz,
    u uuid, js json, jb jsonb, ia int4[], ta text[], ia2 int4[][],
    en mood, ip inet, cid cidr, mac macaddr, pt point, rng int4range, cmp pair,
    mo money, bits varbit, tsv tsvector, oid_ oid
);
create table simple (id int4 primary key, name text, amount numeric, at timestamptz, day date,
                     code char(6), note varchar(20), ok bool);
create table opt_ignore (id int4 primary key, a text, b text);
create table opt_pkey (a text not null, b int4 not null, c text);
create table opt_backup (id int4 primary key, a text, b int4);
create table opt_when (id int4 primary key, a int4, b text);
create table opt_expr (id int4 primary key, a text, b int4);
create table extra_cols (
    id int4 primary key, a text,
    _pgq_ev_type text default 'my_type', _pgq_ev_extra1 text default 'e1',
    _pgq_ev_extra2 text default 'e2', _pgq_ev_extra3 text default 'e3',
    _pgq_ev_extra4 text default 'e4'
);
create domain short_text as varchar(8) check (value <> 'bad');
create table dropped (id int4 primary key, gone text, a text);
alter table dropped drop column gone;
alter table dropped add column "late col" text;
alter table dropped add column twice int4 generated always as (id * 2) stored;
alter table dropped add column dom short_text;
create table "Other Schema"."Mixed Case" ("Id" int4, "the value" text, "select" text,
                                          "we&ird=name" text, primary key ("Id", "the value"));
create table opt_pkey_over (id int4 primary key, a text not null, b text);
create table nokey (a text, b int4);
create table skipped (id int4 primary key, a text);
create table denied (id int4 primary key, a text);
create table truncated (id int4 primary key, a text);

create function pg_temp.capture(tbl text, args text) returns void as $$
declare
    kind text;
    qname text;
begin
    for kind in select unnest(array['l', 's', 'j']) loop
        qname := kind || '_' || lower(regexp_replace(tbl, '[^a-zA-Z]', '', 'g'));
        perform pgq.create_queue(qname);
        execute format('create trigger %I after insert or update or delete on %s for each row '
                       'execute procedure pgq.%s(%L%s)', 'cap_' || kind, tbl,
                       case kind when 'l' then 'logutriga' when 's' then 'sqltriga' else 'jsontriga' end,
                       qname, args);
    end loop;
end;
$$ language plpgsql;

select pg_temp.capture('types', '');
select pg_temp.capture('simple', '');
select pg_temp.capture('opt_ignore', ', ''ignore=b''');
select pg_temp.capture('opt_pkey', ', ''pkey=a,b''');
select pg_temp.capture('opt_pkey_over', ', ''pkey=a'', ''ignore=b''');
select pg_temp.capture('opt_backup', ', ''backup''');
select pg_temp.capture('opt_when', ', ''when=a > 1 or b is null''');
select pg_temp.capture('opt_expr', ', ''ev_type=''''t:'''' || a'', ''ev_extra1=b::text'', ''ev_extra3=id * 2''');
select pg_temp.capture('extra_cols', '');
select pg_temp.capture('dropped', '');
select pg_temp.capture('"Other Schema"."Mixed Case"', '');
select pg_temp.capture('nokey', '');
select pg_temp.capture('truncated', '');
create trigger cap_t after truncate on truncated for each statement execute procedure pgq.logutriga('l_truncated');
create trigger cap_ts after truncate on truncated for each statement execute procedure pgq.sqltriga('s_truncated');
create trigger cap_tj after truncate on truncated for each statement execute procedure pgq.jsontriga('j_truncated');
select pgq.create_queue('l_skipped');
create trigger cap_skip before insert or update or delete on skipped for each row
    execute procedure pgq.logutriga('l_skipped', 'SKIP');
create trigger cap_deny after insert or update or delete on denied for each row
    execute procedure pgq.logutriga('l_denied', 'deny');

-- bad arguments: one table per trigger kind, so that each kind's own error shows
select pgq.create_queue('q_bad');
create function pg_temp.bad(name text, args text) returns void as $$
declare
    kind text;
begin
    foreach kind in array array['logutriga', 'sqltriga', 'jsontriga'] loop
        execute format('create table %I (id int4 primary key, a text)', name || '_' || kind);
        execute format('create trigger t after insert or update or delete on %I for each row '
                       'execute procedure pgq.%s(%s)', name || '_' || kind, kind, args);
    end loop;
end;
$$ language plpgsql;
select pg_temp.bad('bad_pkey', '''q_bad'', ''pkey=nosuch''');
select pg_temp.bad('bad_ignore', '''q_bad'', ''ignore=nosuch''');
select pg_temp.bad('bad_when', '''q_bad'', ''when=nosuch > 1''');
select pg_temp.bad('bad_expr', '''q_bad'', ''ev_extra1=nosuch''');
select pg_temp.bad('bad_option', '''q_bad'', ''foo=bar''');
select pg_temp.bad('no_args', '');
select pg_temp.bad('no_queue', '''nosuchqueue''');
select pg_temp.bad('skip_after', '''q_bad'', ''SKIP''');
EOF
for name in bad_pkey bad_ignore bad_when bad_expr bad_option no_args no_queue skip_after; do
    for kind in logutriga sqltriga jsontriga; do
        printf "insert into %s values (1, 'a');\nupdate %s set a = 'b';\ndelete from %s;\n" \
            "${name}_$kind" "${name}_$kind" "${name}_$kind"
    done
done > "$work/bad.sql"

# The writes, one statement per line so that each error is reported with its statement.
cat > "$work/writes.sql" <<'EOF'
\set VERBOSITY terse
insert into types (i2, i4, i8, n, f4, f8, b, t, vc, ch, by, d, ts, tz, iv, tm, ttz, u, js, jb, ia, ta, ia2, en, ip, cid, mac, pt, rng, cmp, mo, bits, tsv, oid_) values (1, 2, 3, 4.5, 1.25, 2.5, true, 'plain', 'short', 'ab', '\x0001ff', '2024-02-29', '2024-02-29 13:14:15.123456', '2024-02-29 13:14:15+02', '1 day 2 hours', '13:14:15', '13:14:15+03', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2], "b": null}', '{"b": {"c": "d"}, "a": 1}', '{1,2,3}', '{one,two}', '{{1,2},{3,4}}', 'happy', '10.0.0.1/8', '10.0.0.0/8', '08:00:2b:01:02:03', '(1.5,2)', '[1,5)', '(7,"seven")', 12.34, B'1011', 'a fat cat', 42);
insert into types (id) values (100);
insert into types (i2, i4, i8, n, f4, f8, b, t, vc, ch, by, d, ts, tz, iv, ia, ta, js, jb) values (-32768, -2147483648, -9223372036854775808, 'NaN', 'NaN', '-Infinity', false, E'a&b=c+d%e f/g?h#i\\j''k"l\tm\nn\ro', 'a,b', '  x', '\x5c27223d26', 'infinity', '-infinity', 'infinity', '-1 mons', '{NULL,-1}', '{"a,b",NULL,"c\"d","",NULL," "}', '"just a string"', '[1, "two", true, null, 1.50]');
insert into types (n, f4, f8, t, vc, ch, by, ts, tz, ia, ta) values (1e100, 'Infinity', 1.5e-300, 'õäöü € ✓ 日本', 'ünï', 'õ', '', '0001-01-01 00:00:00 BC', '2000-01-01 00:00:00.5+00', '{}', '{}');
insert into types (t, vc, ch) values ('', '', '');
insert into types (t, ta) values ('(1,2)', '{"(x,y)", "{z}"}');
insert into types (f8, f4, n) values ('-0', '-0', '-0.000');
insert into types (t) values (repeat('long value ', 200));
update types set t = 'changed', i4 = null where id = 1;
update types set t = t where id = 2;
update types set by = '\x00', b = null, jb = '{}' where id = 3;
update types set id = id + 1000 where id = 4;
delete from types where id = 5;
delete from types where id = 100;
insert into simple values (1, 'John Smith', 12.50, '2024-01-01 10:00:00.25+02', '2024-01-01', 'AB', 'a+b:c  d', true);
insert into simple values (2, 'x_y.z', -1, null, null, null, '', false);
insert into simple values (3, null, 0, '1999-12-31 23:59:59-05', 'infinity', 'ABCDEF', ' lead', null);
insert into simple values (4, 'O''Brien', 1e-5, null, null, 'a b', 'comma, inside', true);
insert into simple values (5, '"quoted"', 3, null, null, '', '', true);
update simple set amount = amount + 1, note = 'p+q';
update simple set name = null where id = 1;
delete from simple where id in (2, 4);
insert into opt_ignore values (1, 'a', 'b');
update opt_ignore set b = 'b2';
update opt_ignore set a = 'a2', b = 'b3';
delete from opt_ignore;
insert into opt_pkey values ('k', 1, 'v');
update opt_pkey set c = 'v2';
update opt_pkey set a = 'k2';
delete from opt_pkey;
insert into opt_backup values (1, 'x', 1);
update opt_backup set a = 'y & z', b = 2;
delete from opt_backup;
insert into opt_when values (1, 1, 'x');
insert into opt_when values (2, 2, 'y');
insert into opt_when values (3, 0, null);
update opt_when set a = a + 1;
delete from opt_when;
insert into opt_expr values (1, 'x', 10);
insert into opt_expr values (2, null, null);
update opt_expr set b = 11 where id = 1;
delete from opt_expr;
insert into extra_cols (id, a) values (1, 'x');
insert into extra_cols values (2, 'y', null, null, 'only2', null, '');
update extra_cols set a = 'z', _pgq_ev_type = 'other';
delete from extra_cols;
insert into dropped values (1, 'a', 'late', default, 'dom');
update dropped set "late col" = null, dom = null;
delete from dropped;
insert into "Other Schema"."Mixed Case" values (1, 'v 1', 'sel', 'w=1&2');
update "Other Schema"."Mixed Case" set "select" = 'x';
update "Other Schema"."Mixed Case" set "the value" = 'v 2';
delete from "Other Schema"."Mixed Case";
insert into opt_pkey_over values (1, 'k', 'x');
update opt_pkey_over set b = 'y';
update opt_pkey_over set id = 2;
delete from opt_pkey_over;
insert into nokey values ('a', 1);
update nokey set b = 2;
delete from nokey;
insert into skipped values (1, 'x');
select count(*) from skipped;
insert into denied values (1, 'x');
insert into truncated values (1, 'x');
truncate truncated;
set session_replication_role = replica;
insert into opt_ignore values (10, 'replica', 'b');
set session_replication_role = local;
insert into opt_ignore values (11, 'local', 'b');
reset session_replication_role;
insert into opt_ignore values (12, 'origin', 'b');
begin;
insert into opt_ignore values (13, 'rolled back', 'b');
rollback;
begin;
insert into opt_ignore values (14, 'savepoint', 'b');
savepoint s1;
insert into opt_ignore values (15, 'released', 'b');
rollback to savepoint s1;
update opt_ignore set a = 'kept' where id = 14;
commit;
insert into opt_ignore select g, 'row ' || g, 'b' from generate_series(100, 140) g;
update opt_ignore set a = a || '+' where id between 100 and 140;
begin;
insert into opt_backup values (5, 'tx', 5);
insert into opt_when values (5, 5, 'tx');
update opt_backup set b = 6 where id = 5;
insert into types (t, ch) values ('in a transaction', 'x');
update opt_when set b = 'tx2' where id = 5;
delete from opt_ignore where id between 100 and 140;
delete from opt_backup;
commit;
\i bad.sql
EOF

# Every event of every queue, in queue name and event order, as psql prints it.
cat > "$work/events.sql" <<'EOF'
\pset format unaligned
\pset tuples_only on
\pset null <NULL>
select format('select %L as queue, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4 '
              'from %s order by ev_id', queue_name, queue_data_pfx)
  from pgq.queue order by queue_name
\gexec
EOF

for db in c ours; do
    if ! psql_db "$db" -f "$work/schema.sql" > "$work/schema.$db.out" 2>&1; then
        echo "the tables and triggers could not be made in database $db:" >&2
        cat "$work/schema.$db.out" >&2
        exit 1
    fi
    (cd "$work" && psql_db "$db" -a -f writes.sql > "writes.$db.out" 2>&1)
    psql_db "$db" -f "$work/events.sql" > "$work/events.$db.out" 2>&1
done

status=0
for part in writes events; do
    if ! diff -u "$work/$part.c.out" "$work/$part.ours.out" > "$work/$part.diff"; then
        echo "the $part differ from the original's (- original, + this pgq):"
        cat "$work/$part.diff"
        status=1
    fi
done
# the events of all queues, counted in the database
count_sql=$(psql_db ours -At -c "select 'select ' || string_agg(format('(select count(*) from %s)', queue_data_pfx), ' + ')
                                 from pgq.queue")
events=$(psql_db ours -At -c "$count_sql")
if [ "$events" -lt 100 ]; then
    echo "only $events events: the writes did not run as planned" >&2
    cat "$work/schema.ours.out" "$work/writes.ours.out" >&2
    status=1
fi
[ $status = 0 ] && echo "trigger payloads: $events events, the same as the original's"
exit $status
