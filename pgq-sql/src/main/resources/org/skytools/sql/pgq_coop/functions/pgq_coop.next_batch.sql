create or replace function pgq_coop.next_batch(
    i_queue_name text,
    i_consumer_name text,
    i_subconsumer_name text)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq_coop.next_batch(3)
--
--      Gives the subconsumer the next batch of the group.
--
-- Returns:
--      Batch id, or NULL when there is nothing to do for now.
-- ----------------------------------------------------------------------
begin
    return pgq_coop.next_batch_custom(i_queue_name, i_consumer_name, i_subconsumer_name,
                                      null, null, null, null);
end;
$$ language plpgsql;

create or replace function pgq_coop.next_batch(
    i_queue_name text,
    i_consumer_name text,
    i_subconsumer_name text,
    i_dead_interval interval)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq_coop.next_batch(4)
--
--      Gives the subconsumer the next batch of the group; a subconsumer
--      of the group that has been inactive longer than i_dead_interval
--      is removed and its open batch is taken over.
--
-- Returns:
--      Batch id, or NULL when there is nothing to do for now.
-- ----------------------------------------------------------------------
begin
    return pgq_coop.next_batch_custom(i_queue_name, i_consumer_name, i_subconsumer_name,
                                      null, null, null, i_dead_interval);
end;
$$ language plpgsql;

create or replace function pgq_coop.next_batch_custom(
    i_queue_name text,
    i_consumer_name text,
    i_subconsumer_name text,
    i_min_lag interval,
    i_min_count int4,
    i_min_interval interval)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq_coop.next_batch_custom(6)
--
--      Gives the subconsumer the next batch of the group, with the batch
--      size and age limits of pgq.next_batch_custom().
--
-- Returns:
--      Batch id, or NULL when there is nothing to do for now.
-- ----------------------------------------------------------------------
begin
    return pgq_coop.next_batch_custom(i_queue_name, i_consumer_name, i_subconsumer_name,
                                      i_min_lag, i_min_count, i_min_interval, null);
end;
$$ language plpgsql;

create or replace function pgq_coop.next_batch_custom(
    i_queue_name text,
    i_consumer_name text,
    i_subconsumer_name text,
    i_min_lag interval,
    i_min_count int4,
    i_min_interval interval,
    i_dead_interval interval)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq_coop.next_batch_custom(7)
--
--      Gives the subconsumer the next batch of the group.
--
--      A subconsumer that already has a batch open gets the same batch
--      again.  Otherwise, when i_dead_interval is given and another
--      subconsumer of the group has been inactive for longer, that one is
--      removed and, if it had a batch open, its batch is handed over.
--      Otherwise a new batch is taken for the main consumer and closed on
--      the main consumer's row at once, so that the next subconsumer gets
--      the batch after it; the batch and its tick range move to the
--      subconsumer's row.  Batches of one group are therefore processed
--      in parallel, and may finish out of order.
--
--      Main consumer and subconsumer are registered when missing.  The
--      main consumer's row is locked, which serializes the subconsumers.
--
-- Parameters:
--      i_queue_name        - queue name
--      i_consumer_name     - main consumer name
--      i_subconsumer_name  - subconsumer name
--      i_min_lag           - wanted minimal age of the events
--      i_min_count         - wanted minimal number of events in the batch
--      i_min_interval      - wanted minimal time span of the batch
--      i_dead_interval     - inactivity after which a subconsumer is
--                            taken over (NULL: never)
--
-- Returns:
--      Batch id, or NULL when there is nothing to do for now.
-- ----------------------------------------------------------------------
declare
    v_sub_name      text := i_consumer_name || '.' || i_subconsumer_name;
    v_queue_id      integer;
    v_main_id       integer;
    v_main_next     bigint;
    v_sub_co_id     integer;
    v_sub_id        integer;
    v_batch_id      bigint;
    v_prev_tick     bigint;
    v_cur_tick      bigint;
    v_dead          record;
begin
    perform 1
       from pgq.queue q
       join pgq.subscription s on s.sub_queue = q.queue_id
       join pgq.consumer c on c.co_id = s.sub_consumer
      where q.queue_name = i_queue_name
        and c.co_name = v_sub_name;
    if not found then
        perform pgq_coop.register_subconsumer(i_queue_name, i_consumer_name, i_subconsumer_name);
    end if;

    -- the main consumer's row: lock it, it holds the group's position
    select q.queue_id, c.co_id, s.sub_next_tick
      into v_queue_id, v_main_id, v_main_next
      from pgq.queue q
      join pgq.subscription s on s.sub_queue = q.queue_id
      join pgq.consumer c on c.co_id = s.sub_consumer
     where q.queue_name = i_queue_name
       and c.co_name = i_consumer_name
       for update of s;
    if not found then
        raise exception 'main consumer not found';
    end if;
    if v_main_next is not null then
        raise exception 'main consumer has batch open?';
    end if;

    select s.sub_batch, c.co_id, s.sub_id
      into v_batch_id, v_sub_co_id, v_sub_id
      from pgq.subscription s
      join pgq.consumer c on c.co_id = s.sub_consumer
     where s.sub_queue = v_queue_id
       and c.co_name = v_sub_name;
    if not found then
        raise exception 'subconsumer not found';
    end if;

    -- a batch is open already: hand out the same one
    if v_batch_id is not null then
        update pgq.subscription
           set sub_active = now()
         where sub_queue = v_queue_id
           and sub_consumer = v_sub_co_id;
        return v_batch_id;
    end if;

    -- take over from a subconsumer that has been silent too long
    if i_dead_interval is not null then
        select s.sub_consumer, s.sub_batch, s.sub_last_tick, s.sub_next_tick
          into v_dead
          from pgq.subscription s
         where s.sub_queue = v_queue_id
           and s.sub_id = v_sub_id
           and s.sub_consumer <> v_sub_co_id
           and s.sub_consumer <> v_main_id
           and s.sub_active < now() - i_dead_interval
         limit 1;
        if found then
            delete from pgq.subscription
             where sub_queue = v_queue_id
               and sub_consumer = v_dead.sub_consumer;
            if v_dead.sub_batch is not null then
                update pgq.subscription
                   set sub_batch = v_dead.sub_batch,
                       sub_last_tick = v_dead.sub_last_tick,
                       sub_next_tick = v_dead.sub_next_tick,
                       sub_active = now()
                 where sub_queue = v_queue_id
                   and sub_consumer = v_sub_co_id;
                return v_dead.sub_batch;
            end if;
        end if;
    end if;

    -- a new batch for the group
    select b.batch_id, b.cur_tick_id, b.prev_tick_id
      into v_batch_id, v_cur_tick, v_prev_tick
      from pgq.next_batch_custom(i_queue_name, i_consumer_name,
                                 i_min_lag, i_min_count, i_min_interval) b;
    if v_batch_id is null then
        return null;
    end if;

    -- the group's position moves on now, not when the batch is finished
    update pgq.subscription
       set sub_batch = null,
           sub_active = now(),
           sub_last_tick = sub_next_tick,
           sub_next_tick = null
     where sub_queue = v_queue_id
       and sub_consumer = v_main_id;

    update pgq.subscription
       set sub_batch = v_batch_id,
           sub_last_tick = v_prev_tick,
           sub_next_tick = v_cur_tick,
           sub_active = now()
     where sub_queue = v_queue_id
       and sub_consumer = v_sub_co_id;

    return v_batch_id;
end;
$$ language plpgsql security definer;
