set client_min_messages = 'warning';
\set VERBOSITY 'terse'

drop role if exists londiste_test_part1;
drop role if exists londiste_test_part2;
create group londiste_test_part1;
create group londiste_test_part2;

create table events (
    id int4 primary key,
    txt text not null,
    ctime timestamptz not null default now(),
    someval int4 check (someval > 0)
);
create index ctime_idx on events (ctime);

create rule ignore_dups AS
    on insert to events
    where (exists (select 1 from events
                   where (events.id = new.id)))
    do instead nothing;

create or replace function "NullTrigger"() returns trigger as $$
begin
    return null;
end; $$ language plpgsql;

create trigger "Fooza" after delete on events for each row execute procedure "NullTrigger"();
alter table events enable always trigger "Fooza";

grant select,delete on events to londiste_test_part1;
grant select,update,delete on events to londiste_test_part2 with grant option;
grant select,insert on events to public;

select londiste.create_partition('events', 'events_2011_01', 'id', 'ctime', '2011-01-01', 'month');
select londiste.create_partition('events', 'events_2011_01', 'id', 'ctime', '2011-01-01'::timestamptz, 'month');
select londiste.create_partition('events', 'events_2011_01', 'id', 'ctime', '2011-01-01'::timestamp, 'month');

select count(*) from pg_indexes where schemaname='public' and tablename = 'events_2011_01';
select count(*) from pg_constraint where conrelid = 'public.events_2011_01'::regclass;
select count(*) from pg_rules where schemaname = 'public' and tablename = 'events_2011_01';

select trigger_name, event_manipulation, action_statement
    from information_schema.triggers
    where event_object_schema = 'public' and event_object_table = 'events_2011_01';
select tgenabled, pg_get_triggerdef(oid) from pg_trigger where tgrelid = 'events_2011_01'::regclass::oid;

-- the period check, grants, rule and inheritance of the partition
select pg_get_constraintdef(oid) from pg_constraint
 where conrelid = 'public.events_2011_01'::regclass and contype = 'c' order by 1;
select grantee, privilege_type, is_grantable from information_schema.table_privileges
 where table_name = 'events_2011_01' and grantee <> current_user order by 1, 2;
select rulename, definition from pg_rules where tablename = 'events_2011_01';
select inhparent::regclass from pg_inherits where inhrelid = 'public.events_2011_01'::regclass;
insert into events values (1, 'a', '2011-01-05');
insert into events_2011_01 values (1, 'a', '2011-01-05');
insert into events_2011_01 values (1, 'b', '2011-01-06');
insert into events_2011_01 values (2, 'b', '2011-02-06');
select id, txt from events order by 1;

-- daily partitions, period names with -ly
select londiste.create_partition('public.events', 'public.events_2011_02_03', 'id', 'ctime', '2011-02-03 10:00', 'daily');
select pg_get_constraintdef(oid) from pg_constraint
 where conrelid = 'public.events_2011_02_03'::regclass and contype = 'c' and conname <> 'events_someval_check';

-- test weird quoting

create table "Bad "" table '.' name!" (
    id int4 primary key,
    txt text not null,
    ctime timestamptz not null default now(),
    someval int4 check (someval > 0)
);
create rule "Ignore Dups" AS
    on insert to "Bad "" table '.' name!"
    where (exists (select 1 from "Bad "" table '.' name!"
                   where ("Bad "" table '.' name!".id = new.id)))
    do instead nothing;
alter table "Bad "" table '.' name!" ENABLE ALWAYS RULE "Ignore Dups";
select londiste.create_partition('public.Bad " table ''.'' name!', 'public.Bad " table ''.'' part!', 'id', 'ctime', '2011-01-01', 'month');
select count(*) from pg_rules where schemaname = 'public' and tablename ilike 'bad%';
select ev_enabled from pg_rewrite where ev_class = 'public."Bad "" table ''.'' part!"'::regclass;

-- obsolete partitions
create table logs (id int4, ctime timestamptz);
create table logs_2001_01 () inherits (logs);
create table logs_2001_02 () inherits (logs);
create table logs_2999_01 () inherits (logs);
create table logs_other () inherits (logs);
select londiste.is_obsolete_partition('public.logs_2001_01', '1 month', 'month');
select londiste.is_obsolete_partition('public.logs_2999_01', '1 month', 'monthly');
select londiste.is_obsolete_partition('public.logs_other', '1 month', 'month');
select * from londiste.list_obsolete_partitions('public.logs', '1 month', 'month');
select * from londiste.list_obsolete_partitions('logs', '1 year', 'year');
select * from londiste.drop_obsolete_partitions('public.logs', '1 month', 'monthly');
select tablename from pg_tables where tablename like 'logs%' order by 1;
select * from londiste.list_obsolete_partitions('public.logs', '1 month', 'week');
