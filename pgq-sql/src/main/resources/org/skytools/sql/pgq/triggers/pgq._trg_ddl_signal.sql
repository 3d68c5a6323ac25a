create or replace function pgq._trg_ddl_signal()
returns event_trigger as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_ddl_signal()
--
--      Event trigger function run at the end of every DDL command: tells
--      the capture triggers of all sessions that their cached table
--      information may be stale, by advancing sequence
--      pgq.trigger_cache_gen (see pgq._trg_entry).  Sequences are not
--      transactional, so the signal is seen at once, also when the DDL
--      rolls back later; to tell that the change is not yet committed the
--      transaction also holds a shared advisory lock until it ends.  The
--      lock is taken first, so that whoever sees the new sequence value
--      also sees the lock.
-- ----------------------------------------------------------------------
begin
    perform pg_catalog.pg_advisory_xact_lock_shared(1885827328, 1953654528);
    perform pg_catalog.nextval('pgq.trigger_cache_gen');
end;
$$ language plpgsql security definer set search_path = pg_catalog, pg_temp;
