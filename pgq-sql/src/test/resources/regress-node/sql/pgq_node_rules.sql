\set VERBOSITY 'terse'
-- return codes and events of pgq_node beyond the original suite (N-1 .. N-9)

select * from pgq_node.register_location('rq', 'r1', 'dbname=r1', false);
select * from pgq_node.register_location('rq', 'r2', 'dbname=r2', false);

-- N-1: create_node refuses arguments that do not fit the node type
select * from pgq_node.create_node('rq', 'root', 'r1', 'w1', 'r2', null, null);
select * from pgq_node.create_node('rq', 'root', 'r1', 'w1', null, 5, null);
select * from pgq_node.create_node('rq', 'branch', 'r1', 'w1', null, 5, null);
select * from pgq_node.create_node('rq', 'branch', 'r1', 'w1', 'r2', null, null);
select * from pgq_node.create_node('rq', 'leaf', 'r1', 'w1', 'r2', 5, 'no_such_queue');
select * from pgq_node.create_node('rq', 'middle', 'r1', 'w1', 'r2', 5, null);
select count(*) from pgq_node.node_info;
select * from pgq_node.create_node('rq', 'root', 'r1', 'w1', null, null, null);
select * from pgq_node.create_node('rq', 'root', 'r1', 'w1', null, null, null);

-- N-7: changes of the member map on the root are sent down the cascade
select * from pgq_node.register_location('rq', 'r3', 'dbname=r3', false);
select * from pgq_node.register_location('rq', 'r3', null, true);
select * from pgq_node.register_location('rq', 'r9', null, false);
select * from pgq_node.get_queue_locations('rq');
select * from pgq_node.unregister_location('rq', 'r3');
select ev_id, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3 from pgq.event_template order by ev_id;

-- N-6: own and provider locations stay
select * from pgq_node.unregister_location('rq', 'r1');

-- N-2: registering a subscriber creates its watermark and worker consumers
select * from pgq_node.register_subscriber('rq', 'r2', 'w2', null);
select consumer_name, last_tick from pgq.get_consumer_info('rq') order by 1;
select * from pgq_node.register_subscriber('rq', 'r2', 'w2', null);
select * from pgq_node.register_subscriber('nq', 'r2', 'w2', null);

-- N-3: subscriber watermarks only move forward
update pgq.queue set queue_ticker_max_lag = '0', queue_ticker_idle_period = '0';
select pgq.ticker('rq');
select pgq.ticker('rq');
select * from pgq_node.set_subscriber_watermark('rq', 'r2', 3);
select * from pgq_node.set_subscriber_watermark('rq', 'r2', 3);
select * from pgq_node.set_subscriber_watermark('rq', 'r2', 2);
select * from pgq_node.set_subscriber_watermark('rq', 'r7', 2);

-- the root publishes its local watermark as the global one
select * from pgq_node.set_global_watermark('rq', null);
select * from pgq_node.set_global_watermark('rq', 3);
select ev_type, ev_data, ev_extra1 from pgq.event_template where ev_type = 'pgq.global-watermark' order by ev_id;
select last_tick_id from pgq_node.local_state where queue_name = 'rq' and consumer_name = 'w1';

-- N-9: pausing a paused consumer
select * from pgq_node.set_consumer_paused('rq', 'w1', false);
select * from pgq_node.set_consumer_paused('rq', 'w1', true);
select * from pgq_node.set_consumer_paused('rq', 'w1', true);
select * from pgq_node.set_consumer_paused('rq', 'nobody', true);
select * from pgq_node.set_consumer_uptodate('rq', 'nobody', true);
select * from pgq_node.set_consumer_completed('rq', 'nobody', 5);
select * from pgq_node.set_consumer_error('rq', 'nobody', 'failed');
select * from pgq_node.register_consumer('rq', 'w1', 'r1', 3);
select * from pgq_node.register_consumer('nq', 'w1', 'r1', 3);
select * from pgq_node.unregister_consumer('nq', 'w1');
select * from pgq_node.change_consumer_provider('rq', 'w1', 'r8');
select * from pgq_node.change_consumer_provider('rq', 'nobody', 'r2');

-- N-4: root demotion steps in order only
select * from pgq_node.demote_root('rq', 2, 'r2');
select * from pgq_node.demote_root('rq', 3, 'r2');
select * from pgq_node.demote_root('rq', 4, 'r2');
select * from pgq_node.demote_root('nq', 1, 'r2');

-- N-5: only a branch can be promoted
select * from pgq_node.promote_branch('rq');
select * from pgq_node.promote_branch('nq');

-- a branch
select * from pgq_node.register_location('bq', 'b1', 'dbname=b1', false);
select * from pgq_node.register_location('bq', 'b2', 'dbname=b2', false);
select * from pgq_node.create_node('bq', 'branch', 'b2', 'bw', 'b1', 10, null);
select queue_external_ticker, queue_disable_insert from pgq.queue where queue_name = 'bq';
select tick_id from pgq.tick t join pgq.queue q on q.queue_id = t.tick_queue where q.queue_name = 'bq' order by 1;
select consumer_name, last_tick from pgq.get_consumer_info('bq') order by 1;

-- N-6: the provider's location stays
select * from pgq_node.unregister_location('bq', 'b1');
select * from pgq_node.drop_node('bq', 'b1');

-- N-8: a branch keeps its global watermark when the tick is not here
select * from pgq_node.set_global_watermark('bq', 12);
select * from pgq_node.set_global_watermark('bq', null);
select pgq.ticker('bq', 12, now(), 1);
select * from pgq_node.set_global_watermark('bq', 12);
select consumer_name, last_tick from pgq.get_consumer_info('bq') order by 1;

-- N-5: promotion continues the tick ids of the branch
select * from pgq_node.promote_branch('bq');
select node_type from pgq_node.node_info where queue_name = 'bq';
select queue_external_ticker, queue_disable_insert from pgq.queue where queue_name = 'bq';
select provider_node, last_tick_id, uptodate from pgq_node.local_state where queue_name = 'bq';
update pgq.queue set queue_ticker_max_lag = '0', queue_ticker_idle_period = '0' where queue_name = 'bq';
select pgq.ticker('bq');

-- a leaf, and a merge-leaf whose combined queue is a branch
select * from pgq_node.register_location('lq', 'l1', 'dbname=l1', false);
select * from pgq_node.register_location('lq', 'l2', 'dbname=l2', false);
select * from pgq_node.register_location('cq', 'l1', 'dbname=l1', false);
select * from pgq_node.register_location('cq', 'l2', 'dbname=l2', false);
select * from pgq_node.create_node('cq', 'branch', 'l2', 'cw', 'l1', 1, null);
select * from pgq_node.create_node('lq', 'leaf', 'l2', 'lw', 'l1', 7, 'cq');
select * from pgq_node.is_leaf_node('lq');
select * from pgq_node.is_leaf_node('cq');
select * from pgq_node.is_leaf_node('nq');
select * from pgq_node.register_subscriber('lq', 'l9', 'w9', null);
select * from pgq_node.set_global_watermark('lq', 5);
select * from pgq_node.set_partition_watermark('cq', 'lq', 9);
select last_tick_id from pgq_node.local_state where queue_name = 'lq';
select * from pgq_node.set_partition_watermark('rq', 'lq', 9);
select * from pgq_node.get_node_info('cq');
select * from pgq_node.set_node_attrs('nq', 'a=1');
