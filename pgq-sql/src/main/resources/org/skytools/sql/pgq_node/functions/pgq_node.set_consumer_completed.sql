create or replace function pgq_node.set_consumer_completed(
    in i_queue_name text,
    in i_consumer_name text,
    in i_tick_id int8,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.set_consumer_completed(3)
--
--      Records the provider tick whose batch the consumer has applied to
--      the local node.  Call it in the transaction that applies the batch,
--      so that a batch is never applied twice.  Clears the stored error.
--
-- Parameters:
--      i_queue_name    - cascaded queue name
--      i_consumer_name - cascaded consumer name
--      i_tick_id       - tick id
--
-- Returns:
--      100 - Ok
--      404 - Unknown consumer
-- ----------------------------------------------------------------------
begin
    update pgq_node.local_state
       set last_tick_id = i_tick_id,
           cur_error = null
     where queue_name = i_queue_name
       and consumer_name = i_consumer_name;
    if found then
        select 100, 'Consumer ' || i_consumer_name || ' completed tick = ' || i_tick_id::text
          into ret_code, ret_note;
    else
        select 404, 'Consumer not known: ' || i_queue_name || '/' || i_consumer_name
          into ret_code, ret_note;
    end if;
    return;
end;
$$ language plpgsql security definer;
