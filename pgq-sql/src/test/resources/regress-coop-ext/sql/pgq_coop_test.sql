-- cooperative consumers: a main consumer and its subconsumers
\set VERBOSITY terse
set client_min_messages = warning;
select pgq.create_queue('coopq');
update pgq.queue set queue_ticker_max_count = 1 where queue_name = 'coopq';

-- registration: 1 for new, 0 for known subconsumers
select pgq_coop.register_subconsumer('coopq', 'grp', 'w1');
select pgq_coop.register_subconsumer('coopq', 'grp', 'w1');
select pgq_coop.register_subconsumer('coopq', 'grp', 'w2');
select c.co_name, s.sub_id = m.sub_id as shares_sub_id, s.sub_last_tick is null as no_position
  from pgq.subscription s join pgq.consumer c on c.co_id = s.sub_consumer,
       pgq.subscription m join pgq.consumer mc on mc.co_id = m.sub_consumer
 where mc.co_name = 'grp' and m.sub_queue = s.sub_queue
 order by 1;

-- no tick yet: nothing to do
select pgq_coop.next_batch('coopq', 'grp', 'w1');
select pgq.insert_event('coopq', 'ev', 'one');
select pgq.insert_event('coopq', 'ev', 'two');
select pgq.ticker();

-- w1 gets a batch, and the same batch again while it is open
select pgq_coop.next_batch('coopq', 'grp', 'w1');
select pgq_coop.next_batch('coopq', 'grp', 'w1');
select ev_type, ev_data from pgq.get_batch_events(1) order by ev_id;
-- the group moved on already: w2 sees no new batch yet
select pgq_coop.next_batch('coopq', 'grp', 'w2');
select pgq.insert_event('coopq', 'ev', 'three');
select pgq.ticker();
select pgq_coop.next_batch('coopq', 'grp', 'w2');
select ev_type, ev_data from pgq.get_batch_events(2) order by ev_id;
select pgq_coop.finish_batch(2);
select pgq_coop.finish_batch(2);

-- takeover: w1 has been silent for too long, w2 adopts its batch
select pgq_coop.next_batch('coopq', 'grp', 'w2', '1 hour');
update pgq.subscription set sub_active = now() - interval '2 hours' where sub_batch = 1;
select pgq.insert_event('coopq', 'ev', 'four');
select pgq.ticker();
select pgq_coop.next_batch('coopq', 'grp', 'w2', '1 hour');
select co_name from pgq.consumer c join pgq.subscription s on s.sub_consumer = c.co_id order by 1;
select pgq_coop.finish_batch(1);

-- unregistering with an open batch
select pgq_coop.next_batch('coopq', 'grp', 'w2');
select pgq_coop.unregister_subconsumer('coopq', 'grp', 'w2', 0);
select pgq_coop.unregister_subconsumer('coopq', 'grp', 'w2', 1);
select pgq_coop.unregister_subconsumer('coopq', 'grp', 'w2', 0);

-- main consumer and subconsumers are registered on first use
select pgq_coop.next_batch('coopq', 'auto', 's1');
select pgq_coop.next_batch('coopq', 'auto', 's2');
select consumer_name, last_tick from pgq.get_consumer_info('coopq') order by 1;

-- unregistering the main consumer removes its subconsumers
select pgq.unregister_consumer('coopq', 'auto');
select consumer_name from pgq.get_consumer_info('coopq') order by 1;
select pgq_coop.version();
