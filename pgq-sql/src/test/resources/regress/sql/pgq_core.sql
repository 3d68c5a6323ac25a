\set VERBOSITY terse
set client_min_messages = warning;

-- an empty schema has nothing to maintain (autovacuum is on)
select * from pgq.maint_tables_to_vacuum();
select pgq.maint_retry_events();

-- create, register, unregister, drop
select pgq.create_queue('scratch');
select pgq.create_queue('scratch');
select pgq.register_consumer('scratch', 'reader');
select pgq.register_consumer('scratch', 'reader');
select pgq.drop_queue('scratch');
select pgq.unregister_consumer('scratch', 'reader');
select pgq.unregister_consumer('scratch', 'reader');
select count(*) from pgq.consumer;
select pgq.drop_queue('scratch');
select pgq.drop_queue('scratch');
select pgq.create_queue(null);

-- a queue with a consumer; tick on every call
select pgq.create_queue('events');
select pgq.register_consumer('events', 'reader');
select pgq.set_queue_config('events', 'ticker_max_lag', '0');
select pgq.set_queue_config('events', 'ticker_idle_period', '0');
select pgq.set_queue_config('events', 'no_such_param', '0');
select pgq.set_queue_config('nosuchqueue', 'ticker_max_lag', '0');
select pgq.next_batch('events', 'nobody');
select pgq.register_consumer('nosuchqueue', 'reader');

-- no batch before the next tick
select pgq.next_batch('events', 'reader');
select * from pgq.next_batch_info('events', 'reader');
select pgq.ticker();
select pgq.next_batch('events', 'reader');
-- the open batch is handed out again
select pgq.next_batch('events', 'reader');
select batch_id, cur_tick_id, prev_tick_id, cur_tick_event_seq, prev_tick_event_seq
  from pgq.next_batch_info('events', 'reader');
select queue_name, consumer_name, prev_tick_id, tick_id, lag < '1 minute' as recent,
       batch_start <= batch_end as ordered, seq_start, seq_end
  from pgq.get_batch_info(1);

select queue_name, queue_ntables, queue_cur_table, queue_rotation_period,
       queue_switch_time <= now() as switched_before,
       queue_external_ticker, queue_ticker_paused, queue_ticker_max_count,
       queue_ticker_max_lag, queue_ticker_idle_period,
       ticker_lag < '1 minute' as recent, ev_new, last_tick_id
  from pgq.get_queue_info();
select queue_name, last_tick_id from pgq.get_queue_info('events');
select count(*) from pgq.get_queue_info('nosuchqueue');

select queue_name, consumer_name, lag < '1 minute' as recent_lag,
       last_seen < '1 minute' as recent_seen, last_tick, current_batch, next_tick, pending_events
  from pgq.get_consumer_info();
select consumer_name, current_batch from pgq.get_consumer_info('events');
select consumer_name, current_batch from pgq.get_consumer_info('events', 'reader');
select count(*) from pgq.get_consumer_info('events', 'nobody');

select pgq.finish_batch(1);
select pgq.finish_batch(1);

-- an empty batch still has to be finished
select pgq.ticker();
select pgq.next_batch('events', 'reader');
select * from pgq.batch_event_tables(2);
select * from pgq.get_batch_events(2);
select pgq.finish_batch(2);

-- events
select pgq.insert_event('events', 'ev1', 'data1');
select pgq.insert_event('events', 'ev2', 'data2', 'ex1', 'ex2', 'ex3', 'ex4');
select pgq.insert_event('events', 'ev3', 'data3');
select pgq.insert_event('nosuchqueue', 'ev', 'data');
select pgq.insert_event_raw(null, null, null, null, null, 'ev', 'data', null, null, null, null);
select pgq.current_event_table('events');
select pgq.current_event_table('nosuchqueue');
select pgq.ticker();

-- custom batches: the tick is too recent, too small, too short
select * from pgq.next_batch_custom('events', 'reader', '1 hour', null, null);
select * from pgq.next_batch_custom('events', 'reader', null, 1000, null);
select * from pgq.next_batch_custom('events', 'reader', null, null, '1 hour');
select batch_id, cur_tick_id, prev_tick_id from pgq.next_batch_custom('events', 'reader', null, 1, null);
select ev_id, ev_retry, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4
  from pgq.get_batch_events(3);
select count(*) from pgq.get_batch_events(3) where ev_txid is not null and ev_time <= now();
select pgq.get_batch_events(333);

-- cursors; the rest of a cursor is read without the columns that change from run to run
create function pg_temp.fetch_rest(c text, out ev_id bigint, out ev_type text)
returns setof record as $$
declare
    r record;
begin
    for r in execute 'fetch all from ' || quote_ident(c) loop
        ev_id := r.ev_id;
        ev_type := r.ev_type;
        return next;
    end loop;
end;
$$ language plpgsql;
begin;
select ev_id, ev_type from pgq.get_batch_cursor(3, 'evcurs', 10);
close evcurs;
select ev_id, ev_type from pgq.get_batch_cursor(3, 'evcurs', 2);
select * from pg_temp.fetch_rest('evcurs');
close evcurs;
select ev_id, ev_type from pgq.get_batch_cursor(3, 'evcurs', 5, 'ev_type <> ''ev2''');
close evcurs;
select ev_id, ev_type from pgq.get_batch_cursor(3, 'Ev Curs', 0);
select * from pg_temp.fetch_rest('Ev Curs');
close "Ev Curs";
select count(*) from pgq.get_batch_cursor(3, null, 10);
select count(*) from pgq.get_batch_cursor(null, 'c', 10, null);
commit;

-- retry
select pgq.event_retry(3, 2, 0);
select pgq.event_retry(3, 2, 0);
select pgq.event_retry(3, 99, 0);
select pgq.batch_retry(3, 0);
select ev_id, ev_owner, ev_retry, ev_type, ev_txid is null as no_txid, ev_queue
  from pgq.retry_queue order by ev_id;
select pgq.finish_batch(3);
select pgq.event_retry_raw('events', 'reader', now(), 666, now(), 0, 'raw', 'rawdata', null, null, null, null);
select pgq.event_retry_raw('events', 'nobody', now(), 667, now(), 0, 'raw', 'rawdata', null, null, null, null);
select pgq.maint_retry_events();
select pgq.maint_retry_events();
select count(*) from pgq.retry_queue;
select pgq.ticker();
select pgq.next_batch('events', 'reader');
select ev_id, ev_retry, ev_type, ev_data from pgq.get_batch_events(4);
select pgq.finish_batch(4);

-- rotation
select pgq.set_queue_config('events', 'rotation_period', '0');
select queue_name, pgq.maint_rotate_tables_step1(queue_name) from pgq.queue;
select queue_cur_table, queue_switch_step2 is null as step2_pending from pgq.queue;
select * from pgq.maint_operations();
select pgq.maint_rotate_tables_step1('events');
select pgq.maint_rotate_tables_step2();
select queue_cur_table, queue_switch_step2 is null as step2_pending from pgq.queue;
select pgq.current_event_table('events');

-- force_tick
select nextval(queue_event_seq) from pgq.queue where queue_name = 'events';
select pgq.force_tick('events');
select nextval(queue_event_seq) from pgq.queue where queue_name = 'events';
select pgq.ticker('events');
-- with the default thresholds an idle queue does not tick again at once
select pgq.set_queue_config('events', 'ticker_max_lag', '3 seconds');
select pgq.set_queue_config('events', 'ticker_idle_period', '1 minute');
select pgq.ticker('events');
select pgq.ticker();
select pgq.force_tick('events');
select pgq.ticker();
select pgq.force_tick('events');

-- sequence functions
create sequence testseq;
select pgq.seq_getval('testseq');
select pgq.seq_setval('testseq', 10);
select pgq.seq_setval('testseq', 5);
select pgq.seq_setval('testseq', 15);
select pgq.seq_getval('public.testseq');
select pgq.quote_fqname('testseq'), pgq.quote_fqname('Some.Name.x'), pgq.quote_fqname('pgq.queue');

-- maintenance list, with extra per-queue functions
select * from pgq.maint_operations();
update pgq.queue set queue_extra_maint = array['baz', 'foo.bar'];
select * from pgq.maint_operations();
update pgq.queue set queue_extra_maint = '{}';
select * from pgq.maint_operations();

-- queues with consumers are dropped only by force
select pgq.drop_queue('events');
select pgq.drop_queue('events', true);
select count(*) from pgq.consumer;
select count(*) from pgq.tick;
select pgq.version() = pgq.version() as has_version;
