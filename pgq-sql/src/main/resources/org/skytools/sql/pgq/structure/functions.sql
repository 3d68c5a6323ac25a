-- Every function of the pgq schema.  All are "create or replace", so the same list serves
-- install and upgrade.

-- Schema upgrades
\i ../functions/pgq.upgrade_schema.sql

-- Utility
\i ../functions/pgq.quote_fqname.sql
\i ../functions/pgq.seq_getval.sql
\i ../functions/pgq.seq_setval.sql
\i ../functions/pgq.version.sql
\i ../functions/pgq.grant_perms.sql
\i ../functions/pgq._grant_perms_from.sql
\i ../functions/pgq.tune_storage.sql

-- Queue management
\i ../functions/pgq.create_queue.sql
\i ../functions/pgq.drop_queue.sql
\i ../functions/pgq.set_queue_config.sql

-- Producing
\i ../functions/pgq._insert_event_generate.sql
\i ../functions/pgq.insert_event_raw.sql
\i ../functions/pgq.insert_event.sql
\i ../functions/pgq.current_event_table.sql

-- Ticker
\i ../functions/pgq.ticker.sql
\i ../functions/pgq.force_tick.sql

-- Subscriptions
\i ../functions/pgq.register_consumer.sql
\i ../functions/pgq.register_consumer_at.sql
\i ../functions/pgq.unregister_consumer.sql

-- Batches
\i ../functions/pgq.find_tick_helper.sql
\i ../functions/pgq.next_batch_custom.sql
\i ../functions/pgq.next_batch_info.sql
\i ../functions/pgq.next_batch.sql
\i ../functions/pgq.batch_event_tables.sql
\i ../functions/pgq.batch_event_sql.sql
\i ../functions/pgq.get_batch_events.sql
\i ../functions/pgq.get_batch_cursor.sql
\i ../functions/pgq.event_retry.sql
\i ../functions/pgq.event_retry_raw.sql
\i ../functions/pgq.batch_retry.sql
\i ../functions/pgq.finish_batch.sql

-- Maintenance
\i ../functions/pgq.maint_retry_events.sql
\i ../functions/pgq.maint_rotate_tables_step1.sql
\i ../functions/pgq.maint_rotate_tables_step2.sql
\i ../functions/pgq.maint_tables_to_vacuum.sql
\i ../functions/pgq.maint_operations.sql

-- Information
\i ../functions/pgq.get_queue_info.sql
\i ../functions/pgq.get_consumer_info.sql
\i ../functions/pgq.get_batch_info.sql
