create or replace function pgq.current_event_table(x_queue_name text)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq.current_event_table(1)
--
--      Name of the queue's active data table, for producers that load events
--      directly (COPY).  The name is valid only in the current transaction:
--      rotation may switch tables after it.
--
--      Raises when inserts into the queue are disabled, unless the session
--      runs with session_replication_role = replica.
--
-- Parameters:
--      x_queue_name    - queue name
--
-- Returns:
--      Table name, "pgq.event_<id>_<n>".
-- ----------------------------------------------------------------------
declare
    res         text;
    disabled    boolean;
begin
    select queue_data_pfx || '_' || queue_cur_table::text, queue_disable_insert
      into res, disabled
      from pgq.queue
     where queue_name = x_queue_name;
    if not found then
        raise exception 'Event queue not found';
    end if;
    if disabled and current_setting('session_replication_role') <> 'replica' then
        raise exception 'Writing to queue disabled';
    end if;
    return res;
end;
$$ language plpgsql;
