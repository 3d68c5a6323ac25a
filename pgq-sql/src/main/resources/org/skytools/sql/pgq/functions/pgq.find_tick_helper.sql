create or replace function pgq.find_tick_helper(
    in i_queue_id int4,
    in i_prev_tick_id int8,
    in i_prev_tick_time timestamptz,
    in i_prev_tick_seq int8,
    in i_min_count int8,
    in i_min_interval interval,
    out next_tick_id int8,
    out next_tick_time timestamptz,
    out next_tick_seq int8)
as $$
-- ----------------------------------------------------------------------
-- Function: pgq.find_tick_helper(6)
--
--      Finds the end tick of a batch for pgq.next_batch_custom().  The latest
--      tick is taken when it meets a threshold without overshooting it more
--      than twice; otherwise the first tick that meets a threshold.  Event
--      counts are estimated from the event sequence values of the ticks.
--
-- Returns:
--      The end tick, or NULLs when no tick meets the thresholds.
-- ----------------------------------------------------------------------
declare
    t           record;
    acceptable  boolean := false;
    overshoot   boolean := false;
begin
    select tick_id, tick_time, tick_event_seq into t
      from pgq.tick
     where tick_queue = i_queue_id
       and tick_id > i_prev_tick_id
     order by tick_queue desc, tick_id desc
     limit 1;
    if not found then
        return;
    end if;

    if i_min_count is not null then
        acceptable := acceptable or t.tick_event_seq - i_prev_tick_seq >= i_min_count;
        overshoot := overshoot or t.tick_event_seq - i_prev_tick_seq > i_min_count * 2;
    end if;
    if i_min_interval is not null then
        acceptable := acceptable or t.tick_time - i_prev_tick_time >= i_min_interval;
        overshoot := overshoot or t.tick_time - i_prev_tick_time > i_min_interval * 2;
    end if;

    if overshoot then
        -- the latest tick makes too big a batch: take the first one that is big enough
        select tick_id, tick_time, tick_event_seq into t
          from pgq.tick
         where tick_queue = i_queue_id
           and tick_id > i_prev_tick_id
           and ((i_min_count is not null and tick_event_seq - i_prev_tick_seq >= i_min_count)
                or (i_min_interval is not null and tick_time - i_prev_tick_time >= i_min_interval))
         order by tick_queue asc, tick_id asc
         limit 1;
        acceptable := true;
    end if;

    if acceptable then
        next_tick_id := t.tick_id;
        next_tick_time := t.tick_time;
        next_tick_seq := t.tick_event_seq;
    end if;
    return;
end;
$$ language plpgsql stable;
