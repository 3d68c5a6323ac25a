create or replace function pgq.next_batch_custom(
    in i_queue_name text,
    in i_consumer_name text,
    in i_min_lag interval,
    in i_min_count int4,
    in i_min_interval interval,
    out batch_id int8,
    out cur_tick_id int8,
    out prev_tick_id int8,
    out cur_tick_time timestamptz,
    out prev_tick_time timestamptz,
    out cur_tick_event_seq int8,
    out prev_tick_event_seq int8)
as $$
-- ----------------------------------------------------------------------
-- Function: pgq.next_batch_custom(5)
--
--      Opens the consumer's next batch: the events between its last tick and
--      a later tick.  With no tuning the later tick is the next one.  With
--      i_min_count or i_min_interval the batch is made to span at least that
--      many events (estimated from the event sequence) or that much time.
--      With i_min_lag only ticks at least that old are used.
--
--      An open batch is returned again until pgq.finish_batch() closes it,
--      so a consumer that restarts gets the same batch.  The event sequence
--      values are only a hint of the batch size: an empty batch is normal and
--      must be finished too.
--
-- Parameters:
--      i_queue_name        - queue name
--      i_consumer_name     - consumer name
--      i_min_lag           - minimal age of the batch end, or NULL
--      i_min_count         - minimal number of events, or NULL
--      i_min_interval      - minimal time span, or NULL
--
-- Returns:
--      batch_id            - batch id, or NULL when there is no batch yet
--      cur_tick_id         - end tick id
--      prev_tick_id        - start tick id
--      cur_tick_time       - end tick time
--      prev_tick_time      - start tick time
--      cur_tick_event_seq  - event sequence value at the end tick
--      prev_tick_event_seq - event sequence value at the start tick
-- ----------------------------------------------------------------------
declare
    qid         integer;
    cid         integer;
    last_tick   bigint;
begin
    select s.sub_queue, s.sub_consumer, s.sub_batch, s.sub_last_tick,
           t1.tick_id, t1.tick_time, t1.tick_event_seq,
           t2.tick_id, t2.tick_time, t2.tick_event_seq
      into qid, cid, batch_id, last_tick,
           prev_tick_id, prev_tick_time, prev_tick_event_seq,
           cur_tick_id, cur_tick_time, cur_tick_event_seq
      from pgq.consumer c,
           pgq.queue q,
           pgq.subscription s
           left join pgq.tick t1
                  on (t1.tick_queue = s.sub_queue and t1.tick_id = s.sub_last_tick)
           left join pgq.tick t2
                  on (t2.tick_queue = s.sub_queue and t2.tick_id = s.sub_next_tick)
     where q.queue_name = i_queue_name
       and c.co_name = i_consumer_name
       and s.sub_queue = q.queue_id
       and s.sub_consumer = c.co_id;
    if not found then
        raise exception 'Not subscriber to queue: %/%',
                        coalesce(i_queue_name, 'NULL'), coalesce(i_consumer_name, 'NULL');
    end if;

    if prev_tick_id is null then
        raise exception 'PgQ corruption: Consumer % on queue % does not see tick %',
                        i_consumer_name, i_queue_name, last_tick;
    end if;

    -- a batch is open already: hand out the same one again
    if batch_id is not null then
        return;
    end if;

    if i_min_count is null and i_min_interval is null then
        select tick_id, tick_time, tick_event_seq
          into cur_tick_id, cur_tick_time, cur_tick_event_seq
          from pgq.tick
         where tick_queue = qid
           and tick_id > prev_tick_id
         order by tick_queue asc, tick_id asc
         limit 1;
    else
        select next_tick_id, next_tick_time, next_tick_seq
          into cur_tick_id, cur_tick_time, cur_tick_event_seq
          from pgq.find_tick_helper(qid, prev_tick_id, prev_tick_time, prev_tick_event_seq,
                                    i_min_count, i_min_interval);
    end if;

    if i_min_lag is not null and now() - cur_tick_time < i_min_lag then
        cur_tick_id := null;
        cur_tick_time := null;
        cur_tick_event_seq := null;
    end if;

    if cur_tick_id is null then
        prev_tick_id := null;
        prev_tick_time := null;
        prev_tick_event_seq := null;
        return;
    end if;

    batch_id := nextval('pgq.batch_id_seq');
    update pgq.subscription
       set sub_batch = batch_id,
           sub_next_tick = cur_tick_id,
           sub_active = now()
     where sub_queue = qid
       and sub_consumer = cid;
    return;
end;
$$ language plpgsql security definer;
