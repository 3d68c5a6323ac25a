-- exactly-once tracking of batches, events and ticks
\set VERBOSITY terse
set client_min_messages = warning;

-- batches: only the last one done is remembered
select pgq_ext.is_batch_done('c', 1);
select pgq_ext.set_batch_done('c', 1);
select pgq_ext.is_batch_done('c', 1);
select pgq_ext.set_batch_done('c', 1);
select pgq_ext.set_batch_done('c', 2);
select pgq_ext.is_batch_done('c', 1);
select pgq_ext.is_batch_done('c', 2);
select pgq_ext.set_batch_done('c', 'sub', 2);
select pgq_ext.is_batch_done('c', 'sub', 2);
select pgq_ext.set_batch_done('c', 0);
select * from pgq_ext.completed_batch order by 1, 2;

-- events: rows of the previous batch go when a new batch starts
select pgq_ext.is_event_done('c', 3, 101);
select pgq_ext.set_event_done('c', 3, 101);
select pgq_ext.is_event_done('c', 3, 101);
select pgq_ext.set_event_done('c', 3, 101);
select pgq_ext.set_event_done('c', 3, 102);
select * from pgq_ext.completed_event order by 1, 2, 3, 4;
select pgq_ext.set_event_done('c', 4, 201);
select * from pgq_ext.completed_event order by 1, 2, 3, 4;
select * from pgq_ext.partial_batch order by 1, 2;

-- ticks: NULL forgets
select pgq_ext.get_last_tick('c');
select pgq_ext.set_last_tick('c', 5);
select pgq_ext.set_last_tick('c', 6);
select pgq_ext.get_last_tick('c');
select pgq_ext.set_last_tick('c', 'sub', 7);
select pgq_ext.get_last_tick('c', 'sub');
select pgq_ext.set_last_tick('c', null);
select pgq_ext.get_last_tick('c');
select * from pgq_ext.completed_tick order by 1, 2;

-- upgrade of tables from before subconsumers
select pgq_ext.upgrade_schema();
drop table pgq_ext.completed_tick;
create table pgq_ext.completed_tick (consumer_id text primary key, last_tick_id bigint not null);
insert into pgq_ext.completed_tick values ('old', 9);
alter table pgq_ext.completed_batch alter column subconsumer_id drop default;
select pgq_ext.upgrade_schema();
select * from pgq_ext.completed_tick;
select pgq_ext.get_last_tick('old');
select pgq_ext.upgrade_schema();
select pgq_ext.version();
