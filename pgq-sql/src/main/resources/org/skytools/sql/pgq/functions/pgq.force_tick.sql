create or replace function pgq.force_tick(i_queue_name text)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq.force_tick(1)
--
--      Makes the next pgq.ticker() run tick the queue, whatever its
--      thresholds: the event sequence jumps ahead as if many events had
--      arrived.  It does not tick itself, because two tickers must not run
--      at once.  Call it in a loop until the returned tick id changes.
--
-- Parameters:
--      i_queue_name    - queue name
--
-- Returns:
--      Id of the queue's last tick.
-- ----------------------------------------------------------------------
declare
    last_tick   bigint;
begin
    perform setval(queue_event_seq, nextval(queue_event_seq) + queue_ticker_max_count * 2 + 1000)
       from pgq.queue
      where queue_name = i_queue_name
        and not queue_external_ticker
        and not queue_ticker_paused;

    select t.tick_id into last_tick
      from pgq.tick t, pgq.queue q
     where t.tick_queue = q.queue_id
       and q.queue_name = i_queue_name
     order by t.tick_queue desc, t.tick_id desc
     limit 1;
    return last_tick;
end;
$$ language plpgsql security definer;
