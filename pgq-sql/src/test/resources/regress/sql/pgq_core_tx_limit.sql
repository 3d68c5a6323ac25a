\set VERBOSITY terse
set client_min_messages = warning;

select pgq.create_queue('limited');
select pgq.create_queue('unlimited');

-- at most two events per transaction
update pgq.queue set queue_per_tx_limit = 2 where queue_name = 'limited';
begin;
select pgq.insert_event('limited', 'test', 'one');
select pgq.insert_event('unlimited', 'test', 'other queue');
select pgq.insert_event('limited', 'test', 'two');
select pgq.insert_event('limited', 'test', 'three');
rollback;

-- the count starts again in each transaction
begin;
select pgq.insert_event('limited', 'test', 'one');
select pgq.insert_event('limited', 'test', 'two');
commit;
select pgq.insert_event('limited', 'test', 'single');
select pgq.insert_event('limited', 'test', 'single');

-- zero refuses every insert
update pgq.queue set queue_per_tx_limit = 0 where queue_name = 'limited';
begin;
select pgq.insert_event('limited', 'test', 'one');
rollback;

-- NULL means no limit
update pgq.queue set queue_per_tx_limit = null where queue_name = 'limited';
begin;
select pgq.insert_event('limited', 'test', 'one');
select pgq.insert_event('limited', 'test', 'two');
select pgq.insert_event('limited', 'test', 'three');
commit;

select ev_data, count(*) from pgq.event_1 group by 1 order by 1;
