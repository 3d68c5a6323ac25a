-- Privileges of the pgq schema, role based as in PgQ 3.4 and later:
--   public      reads the queue, consumer, subscription and tick tables and may call the
--               information functions;
--   pgq_reader  consumes: registers, reads batches, retries events;
--   pgq_writer  produces: inserts events, owns the capture triggers;
--   pgq_admin   member of both, manages queues and runs the ticker and maintenance.
-- Functions marked SECURITY DEFINER run as the schema owner, so the roles need no direct
-- privileges on the tables they change.  Applied on install and again on every upgrade.

grant usage on schema pgq to public;

revoke all on table pgq.consumer, pgq.queue, pgq.tick, pgq.subscription
    from public, pgq_reader, pgq_writer, pgq_admin cascade;
grant select, insert, update, delete on table pgq.consumer, pgq.queue, pgq.tick, pgq.subscription
    to pgq_admin;
grant select on table pgq.consumer, pgq.queue, pgq.tick, pgq.subscription to pgq_reader;
grant select on table pgq.consumer, pgq.queue, pgq.tick, pgq.subscription to public;

-- pgq.grant_perms() copies these to every queue's event tables
revoke all on table pgq.event_template from public, pgq_reader, pgq_writer, pgq_admin cascade;
grant select on table pgq.event_template to pgq_reader;
grant select, insert, truncate on table pgq.event_template to pgq_admin;

-- the capture triggers run as the writing role and read this counter (see pgq._trg_entry)
revoke all on sequence pgq.trigger_cache_gen from public, pgq_reader, pgq_writer, pgq_admin cascade;
grant select on sequence pgq.trigger_cache_gen to public;

revoke all on table pgq.retry_queue from public, pgq_reader, pgq_writer, pgq_admin cascade;
grant select, insert, update, delete on table pgq.retry_queue to pgq_admin;

-- Functions: each gets EXECUTE for exactly one grantee.  Functions that are not installed
-- (the trigger functions of a partial install) are skipped.
do $$
declare
    g record;
begin
    for g in
        select fn, grantee from (values
            -- information, for everybody
            ('pgq.seq_getval(text)', 'public'),
            ('pgq.get_queue_info()', 'public'),
            ('pgq.get_queue_info(text)', 'public'),
            ('pgq.get_consumer_info()', 'public'),
            ('pgq.get_consumer_info(text)', 'public'),
            ('pgq.get_consumer_info(text, text)', 'public'),
            ('pgq.quote_fqname(text)', 'public'),
            ('pgq.version()', 'public'),
            -- consumers
            ('pgq.batch_event_sql(bigint)', 'pgq_reader'),
            ('pgq.batch_event_tables(bigint)', 'pgq_reader'),
            ('pgq.find_tick_helper(int4, int8, timestamptz, int8, int8, interval)', 'pgq_reader'),
            ('pgq.register_consumer(text, text)', 'pgq_reader'),
            ('pgq.register_consumer_at(text, text, bigint)', 'pgq_reader'),
            ('pgq.unregister_consumer(text, text)', 'pgq_reader'),
            ('pgq.next_batch_info(text, text)', 'pgq_reader'),
            ('pgq.next_batch(text, text)', 'pgq_reader'),
            ('pgq.next_batch_custom(text, text, interval, int4, interval)', 'pgq_reader'),
            ('pgq.get_batch_events(bigint)', 'pgq_reader'),
            ('pgq.get_batch_info(bigint)', 'pgq_reader'),
            ('pgq.get_batch_cursor(bigint, text, int4, text)', 'pgq_reader'),
            ('pgq.get_batch_cursor(bigint, text, int4)', 'pgq_reader'),
            ('pgq.event_retry(bigint, bigint, timestamptz)', 'pgq_reader'),
            ('pgq.event_retry(bigint, bigint, integer)', 'pgq_reader'),
            ('pgq.batch_retry(bigint, integer)', 'pgq_reader'),
            ('pgq.force_tick(text)', 'pgq_reader'),
            ('pgq.finish_batch(bigint)', 'pgq_reader'),
            -- producers
            ('pgq.insert_event(text, text, text)', 'pgq_writer'),
            ('pgq.insert_event(text, text, text, text, text, text, text)', 'pgq_writer'),
            ('pgq.current_event_table(text)', 'pgq_writer'),
            ('pgq.sqltriga()', 'pgq_writer'),
            ('pgq.logutriga()', 'pgq_writer'),
            ('pgq.jsontriga()', 'pgq_writer'),
            -- administration
            ('pgq.ticker(text, bigint, timestamptz, bigint)', 'pgq_admin'),
            ('pgq.ticker(text)', 'pgq_admin'),
            ('pgq.ticker()', 'pgq_admin'),
            ('pgq.maint_retry_events()', 'pgq_admin'),
            ('pgq.maint_rotate_tables_step1(text)', 'pgq_admin'),
            ('pgq.maint_rotate_tables_step2()', 'pgq_admin'),
            ('pgq.maint_tables_to_vacuum()', 'pgq_admin'),
            ('pgq.maint_operations()', 'pgq_admin'),
            ('pgq.upgrade_schema()', 'pgq_admin'),
            ('pgq.grant_perms(text)', 'pgq_admin'),
            ('pgq._grant_perms_from(text, text, text, text)', 'pgq_admin'),
            ('pgq.tune_storage(text)', 'pgq_admin'),
            ('pgq.seq_setval(text, int8)', 'pgq_admin'),
            ('pgq.create_queue(text)', 'pgq_admin'),
            ('pgq.drop_queue(text, bool)', 'pgq_admin'),
            ('pgq.drop_queue(text)', 'pgq_admin'),
            ('pgq.set_queue_config(text, text, text)', 'pgq_admin'),
            ('pgq.insert_event_raw(text, bigint, timestamptz, integer, integer, text, text, text, text, text, text)', 'pgq_admin'),
            ('pgq._insert_event(text, bigint, timestamptz, integer, integer, text, text, text, text, text, text)', 'pgq_admin'),
            ('pgq._insert_event_generate()', 'pgq_admin'),
            ('pgq._insert_event_branch(int4[], text[])', 'pgq_admin'),
            ('pgq.event_retry_raw(text, text, timestamptz, bigint, timestamptz, integer, text, text, text, text, text, text)', 'pgq_admin')
        ) as grants (fn, grantee)
        where to_regprocedure(fn) is not null
    loop
        execute 'revoke all on function ' || to_regprocedure(g.fn)::text
             || ' from public, pgq_reader, pgq_writer, pgq_admin cascade';
        execute 'grant execute on function ' || to_regprocedure(g.fn)::text || ' to ' || g.grantee;
    end loop;
end;
$$;
