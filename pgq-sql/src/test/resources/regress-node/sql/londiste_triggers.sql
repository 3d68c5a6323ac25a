set client_min_messages = 'warning';
\set VERBOSITY 'terse'
-- replication trigger set-up: londiste.create_trigger() through local_add_table()

select ret_code from pgq_node.register_location('rq1', 'n1', 'dbname=db', false);
select ret_code from pgq_node.create_node('rq1', 'root', 'n1', 'w1', null, null, null);
select ret_code from pgq_node.register_location('rq2', 'n1', 'dbname=db', false);
select ret_code from pgq_node.create_node('rq2', 'root', 'n1', 'w2', null, null, null);
select ret_code from pgq_node.register_location('rq3', 'n1', 'dbname=db', false);
select ret_code from pgq_node.create_node('rq3', 'root', 'n1', 'w3', null, null, null);

create table t1 (id int4 primary key, txt text);
create table t2 (id int4 primary key, txt text);
create table t3 (id int4 primary key, txt text);

create view trg as
select c.relname as tbl, t.tgname, pg_get_triggerdef(t.oid) as def
  from pg_trigger t join pg_class c on c.oid = t.tgrelid
 where not t.tgisinternal and c.relname in ('t1', 't2', 't3', 'src', 'dst')
 order by 1, 2;

-- tgflags: timing, events, function; other arguments go to the trigger
select * from londiste.local_add_table('rq1', 't1', array['tgflags=BIQ', 'ignore=txt', 'expect_sync']);
select * from trg;
select * from londiste.local_change_handler('rq1', 'public.t1', array['tgflags=UDJ', 'pkey=id'], 'handler=x');
select * from trg;
select * from londiste.local_change_handler('rq1', 'public.t1', array['tgflags=AL'], null);
select * from trg;

-- the same trigger again is kept, other arguments replace it
create temp table seen as select oid from pg_trigger where tgname = '_londiste_rq1';
select * from londiste.local_change_handler('rq1', 'public.t1', array['tgflags=AL'], null);
select count(*) as kept from pg_trigger t join seen s on s.oid = t.oid;
select * from londiste.local_change_handler('rq1', 'public.t1', array['tgflags=AL', 'backup'], null);
select count(*) as kept from pg_trigger t join seen s on s.oid = t.oid;
select * from trg;

-- no_triggers drops the row trigger
select * from londiste.local_change_handler('rq1', 'public.t1', array['no_triggers'], null);
select * from trg;
select * from londiste.local_change_handler('rq1', 'public.t1', null, null);
select * from londiste.local_change_handler('rq1', 'public.nope', null, null);
select * from londiste.local_change_handler('nq', 'public.t1', null, null);

-- SKIP triggers fire last among the BEFORE triggers
select * from londiste.local_remove_table('rq1', 't1');
select * from londiste.local_add_table('rq1', 't1', array['tgflags=BS']);
select * from trg;
insert into t1 values (1, 'skipped');
select count(*) from t1;
begin;
select * from londiste.local_add_table('rq2', 't1');
rollback;
select * from londiste.local_add_table('rq2', 't1', array['tgflags=B', 'skip']);
select * from trg;
create trigger myskip before insert on t1 for each row execute procedure pgq.logutriga('other', 'SKIP');
select * from londiste.local_add_table('rq3', 't1', array['tgflags=B', 'skip']);
drop trigger myskip on t1;

-- a single SKIP trigger of someone else is renamed to fire last
create trigger aaa_skip before insert on t2 for each row execute procedure pgq.logutriga('rq3', 'SKIP');
select * from londiste.local_add_table('rq1', 't2', array['tgflags=B', 'skip']);
select * from trg where tbl = 't2';
select ev_type, ev_data, ev_extra1 from pgq.event_template where ev_extra1 like '%t2%' order by ev_id;
insert into t2 values (1, 'x');
select count(*) from t2;
select q.queue_name, e.ev_type, e.ev_data, e.ev_extra1
  from pgq.event_template e, pgq.queue q
 where e.ev_extra1 like '%t2%' and e.tableoid::regclass::text like q.queue_data_pfx || '%'
 order by e.ev_id, 1;

-- an AFTER row trigger that fires before londiste's is reported
create or replace function audit() returns trigger as $$ begin return null; end; $$ language plpgsql;
create trigger _a_audit after insert on t3 for each row execute procedure audit();
select * from londiste.local_add_table('rq1', 't3');
select * from londiste.local_add_table('rq2', 't3', array['tgflags=B']);
select * from trg where tbl = 't3';

-- removal drops the triggers of one queue only
select * from londiste.local_remove_table('rq1', 't3');
select * from trg where tbl = 't3';
select * from londiste.drop_table_triggers('rq2', 'public.t3');
select * from trg where tbl = 't3';

-- L-43: a table replicated under another name
select ret_code from pgq_node.register_location('bq', 'b1', 'dbname=db', false);
select ret_code from pgq_node.register_location('bq', 'b2', 'dbname=db2', false);
select ret_code from pgq_node.create_node('bq', 'branch', 'b1', 'bw', 'b2', 1, null);
create table dst (id int4 primary key, txt text);
select * from londiste.global_add_table('bq', 'public.src');
select * from londiste.local_add_table('bq', 'public.src', null, null, 'public.nodst');
select * from londiste.local_add_table('bq', 'public.src', null, null, 'public.dst');
select table_name, local, merge_state, dest_table from londiste.get_table_list('bq');
select * from trg where tbl = 'dst';
-- branch tables refuse local changes outside the replay: the queue takes no inserts
insert into dst values (1, 'x');
set session_replication_role = 'replica';
insert into dst values (1, 'x');
reset session_replication_role;
select * from londiste.local_remove_table('bq', 'public.src');
select * from trg where tbl = 'dst';

-- a leaf without capture functions gets no triggers
begin;
alter function pgq.logutriga() rename to logutriga_away;
select * from londiste.create_trigger('rq1', 'public.t3', null, 'public.t3', 'leaf');
rollback;
select * from londiste.create_trigger('rq1', 'public.t3', null, 'public.t3', 'leaf');
select * from trg where tbl = 't3';
select * from londiste.create_trigger('rq1', 'public.nope', null, 'public.nope', 'root');
