\set VERBOSITY terse
set client_min_messages = warning;

select pgq.create_queue('closed');
select pgq.insert_event('closed', 'test', 'before');

update pgq.queue set queue_disable_insert = true where queue_name = 'closed';
select pgq.insert_event('closed', 'test', 'while disabled');
select pgq.insert_event('closed', 'test', 'while disabled', 'x1', 'x2', 'x3', 'x4');
select pgq.current_event_table('closed');

-- the refused insert consumed an event id
update pgq.queue set queue_disable_insert = false where queue_name = 'closed';
select pgq.insert_event('closed', 'test', 'after');
select pgq.current_event_table('closed');

select ev_id, ev_data from pgq.event_1 order by ev_id;
select pgq.drop_queue('closed');
