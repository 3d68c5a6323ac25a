create or replace function pgq.finish_batch(x_batch_id bigint)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.finish_batch(1)
--
--      Closes a batch: the consumer's position moves to the batch's end
--      tick.  Nothing may be done with the batch's events afterwards.
--
-- Parameters:
--      x_batch_id      - batch id
--
-- Returns:
--      1 - closed
--      0 - no such open batch (with a WARNING)
-- ----------------------------------------------------------------------
begin
    update pgq.subscription
       set sub_active = now(),
           sub_last_tick = sub_next_tick,
           sub_next_tick = null,
           sub_batch = null
     where sub_batch = x_batch_id;
    if not found then
        raise warning 'finish_batch: batch % not found', x_batch_id;
        return 0;
    end if;
    return 1;
end;
$$ language plpgsql security definer;
