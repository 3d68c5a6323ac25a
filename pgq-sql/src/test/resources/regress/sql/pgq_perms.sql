\set VERBOSITY terse
set client_min_messages = warning;

-- login roles in the three pgq groups
drop role if exists pgq_perm_admin;
drop role if exists pgq_perm_producer;
drop role if exists pgq_perm_consumer;
drop role if exists pgq_perm_nobody;
create role pgq_perm_admin login in role pgq_admin;
create role pgq_perm_producer login in role pgq_writer;
create role pgq_perm_consumer login in role pgq_reader;
create role pgq_perm_nobody login;

\c - pgq_perm_admin
\set VERBOSITY terse
select pgq.create_queue('pqueue');
select pgq.ticker('pqueue');
select count(*) from pgq.maint_operations();

\c - pgq_perm_producer
\set VERBOSITY terse
select pgq.create_queue('pqueue2');
select pgq.insert_event('pqueue', 'test', 'data');
select pgq.insert_event('pqueue', 'test', 'data', null, null, null, null);
select pgq.current_event_table('pqueue');
select pgq.register_consumer('pqueue', 'prod');
select pgq.insert_event_raw('pqueue', null, now(), null, null, 'raw', 'data', null, null, null, null);
select count(*) from pgq.event_1;

\c - pgq_perm_consumer
\set VERBOSITY terse
select pgq.create_queue('pqueue2');
select pgq.insert_event('pqueue', 'test', 'data');
select pgq.register_consumer('pqueue', 'cons');
select pgq.next_batch('pqueue', 'cons');
select pgq.ticker();
select pgq.force_tick('pqueue') > 0 as forced;
select count(*) from pgq.event_1;
delete from pgq.event_1;
select count(*) from pgq.retry_queue;

\c - pgq_perm_nobody
\set VERBOSITY terse
select queue_name from pgq.get_queue_info();
select queue_name, consumer_name from pgq.get_consumer_info();
select pgq.version() is not null as has_version;
select queue_name from pgq.queue;
select count(*) from pgq.event_1;
select pgq.next_batch('pqueue', 'cons');
select pgq.insert_event('pqueue', 'test', 'data');

-- producers read nothing from event tables; admins do
\c - pgq_perm_admin
\set VERBOSITY terse
select count(*) from pgq.event_1;
select pgq.unregister_consumer('pqueue', 'cons');
select pgq.drop_queue('pqueue');

\c - postgres
drop role pgq_perm_admin;
drop role pgq_perm_producer;
drop role pgq_perm_consumer;
drop role pgq_perm_nobody;
