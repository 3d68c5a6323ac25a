create or replace function pgq_coop.finish_batch(
    i_batch_id bigint)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq_coop.finish_batch(1)
--
--      Closes a subconsumer's batch.  The group's position already moved
--      on the main consumer's row when the batch was handed out, so the
--      subconsumer's batch and tick fields are simply cleared.
--
-- Parameters:
--      i_batch_id  - batch to close
--
-- Returns:
--      1 when the batch was found, 0 (with a warning) otherwise.
-- ----------------------------------------------------------------------
begin
    update pgq.subscription
       set sub_active = now(),
           sub_last_tick = null,
           sub_next_tick = null,
           sub_batch = null
     where sub_batch = i_batch_id;
    if found then
        return 1;
    end if;
    raise warning 'coop_finish_batch: batch % not found', i_batch_id;
    return 0;
end;
$$ language plpgsql security definer;
