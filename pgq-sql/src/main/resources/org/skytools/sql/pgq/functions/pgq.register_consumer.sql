create or replace function pgq.register_consumer(x_queue_name text, x_consumer_id text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.register_consumer(2)
--
--      Subscribes a consumer to a queue, starting at the queue's latest tick:
--      the consumer sees every event whose transaction that tick does not see.
--
-- Parameters:
--      x_queue_name    - queue name
--      x_consumer_id   - consumer name
--
-- Returns:
--      0 - already registered (the position is left alone)
--      1 - new registration
-- ----------------------------------------------------------------------
begin
    return pgq.register_consumer_at(x_queue_name, x_consumer_id, null);
end;
$$ language plpgsql security definer;
