create or replace function pgq.get_batch_info(
    in x_batch_id       bigint,
    out queue_name      text,
    out consumer_name   text,
    out batch_start     timestamptz,
    out batch_end       timestamptz,
    out prev_tick_id    bigint,
    out tick_id         bigint,
    out lag             interval,
    out seq_start       bigint,
    out seq_end         bigint)
as $$
-- ----------------------------------------------------------------------
-- Function: pgq.get_batch_info(1)
--
--      Details of an open batch.
--
-- Parameters:
--      x_batch_id      - batch id
--
-- Returns:
--      queue_name      - queue of the batch
--      consumer_name   - consumer that holds it
--      batch_start     - time of the start tick
--      batch_end       - time of the end tick
--      prev_tick_id    - start tick id
--      tick_id         - end tick id
--      lag             - age of the end tick
--      seq_start       - event sequence value at the start tick
--      seq_end         - event sequence value at the end tick
-- ----------------------------------------------------------------------
begin
    select q.queue_name, c.co_name,
           prev.tick_time, cur.tick_time,
           s.sub_last_tick, s.sub_next_tick,
           now() - cur.tick_time,
           prev.tick_event_seq, cur.tick_event_seq
      into queue_name, consumer_name, batch_start, batch_end,
           prev_tick_id, tick_id, lag, seq_start, seq_end
      from pgq.subscription s, pgq.tick cur, pgq.tick prev, pgq.queue q, pgq.consumer c
     where s.sub_batch = x_batch_id
       and prev.tick_queue = s.sub_queue
       and prev.tick_id = s.sub_last_tick
       and cur.tick_queue = s.sub_queue
       and cur.tick_id = s.sub_next_tick
       and q.queue_id = s.sub_queue
       and c.co_id = s.sub_consumer;
    return;
end;
$$ language plpgsql security definer;
