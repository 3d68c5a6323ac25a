create or replace function pgq.next_batch(in i_queue_name text, in i_consumer_name text)
returns int8 as $$
-- ----------------------------------------------------------------------
-- Function: pgq.next_batch(2)
--
--      Opens the consumer's next batch, up to the next tick; see
--      pgq.next_batch_custom().
--
-- Returns:
--      Batch id, or NULL when there is no new tick yet.
-- ----------------------------------------------------------------------
declare
    res int8;
begin
    select batch_id into res from pgq.next_batch_info(i_queue_name, i_consumer_name);
    return res;
end;
$$ language plpgsql;
