create or replace function pgq.get_consumer_info(
    out queue_name      text,
    out consumer_name   text,
    out lag             interval,
    out last_seen       interval,
    out last_tick       bigint,
    out current_batch   bigint,
    out next_tick       bigint,
    out pending_events  bigint)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq.get_consumer_info(0)
--
--      Every consumer on every queue; see pgq.get_consumer_info(2).
-- ----------------------------------------------------------------------
begin
    return query select * from pgq.get_consumer_info(null, null);
end;
$$ language plpgsql security definer;

create or replace function pgq.get_consumer_info(
    in i_queue_name     text,
    out queue_name      text,
    out consumer_name   text,
    out lag             interval,
    out last_seen       interval,
    out last_tick       bigint,
    out current_batch   bigint,
    out next_tick       bigint,
    out pending_events  bigint)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq.get_consumer_info(1)
--
--      Every consumer on a queue; see pgq.get_consumer_info(2).
-- ----------------------------------------------------------------------
begin
    return query select * from pgq.get_consumer_info(i_queue_name, null);
end;
$$ language plpgsql security definer;

create or replace function pgq.get_consumer_info(
    in i_queue_name     text,
    in i_consumer_name  text,
    out queue_name      text,
    out consumer_name   text,
    out lag             interval,
    out last_seen       interval,
    out last_tick       bigint,
    out current_batch   bigint,
    out next_tick       bigint,
    out pending_events  bigint)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq.get_consumer_info(2)
--
--      State of consumers, ordered by queue and consumer name.
--
-- Parameters:
--      i_queue_name    - queue name; NULL for every queue
--      i_consumer_name - consumer name; NULL for every consumer
--
-- Returns:
--      queue_name      - queue name
--      consumer_name   - consumer name
--      lag             - age of the consumer's position (its last tick)
--      last_seen       - time since the consumer's last batch activity
--      last_tick       - tick id of the position
--      current_batch   - id of the open batch, or NULL
--      next_tick       - end tick of the open batch, or NULL
--      pending_events  - events after the position up to the last tick (estimate)
-- ----------------------------------------------------------------------
declare
    qid         integer;
    pos_seq     bigint;
begin
    for queue_name, consumer_name, lag, last_seen, last_tick, current_batch, next_tick,
        pos_seq, qid
    in
        select q.queue_name, c.co_name,
               now() - t.tick_time,
               now() - s.sub_active,
               s.sub_last_tick, s.sub_batch, s.sub_next_tick,
               t.tick_event_seq, q.queue_id
          from pgq.queue q,
               pgq.consumer c,
               pgq.subscription s
               left join pgq.tick t
                      on (t.tick_queue = s.sub_queue and t.tick_id = s.sub_last_tick)
         where q.queue_id = s.sub_queue
           and c.co_id = s.sub_consumer
           and (i_queue_name is null or q.queue_name = i_queue_name)
           and (i_consumer_name is null or c.co_name = i_consumer_name)
         order by 1, 2
    loop
        select t.tick_event_seq - pos_seq into pending_events
          from pgq.tick t
         where t.tick_queue = qid
         order by t.tick_queue desc, t.tick_id desc
         limit 1;
        return next;
    end loop;
    return;
end;
$$ language plpgsql security definer;
