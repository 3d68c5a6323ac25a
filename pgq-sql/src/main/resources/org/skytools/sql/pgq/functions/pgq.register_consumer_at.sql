create or replace function pgq.register_consumer_at(x_queue_name text, x_consumer_name text, x_tick_pos bigint)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.register_consumer_at(3)
--
--      Subscribes a consumer at a given tick, or moves an existing
--      subscription there, dropping its open batch.
--
-- Parameters:
--      x_queue_name    - queue name
--      x_consumer_name - consumer name
--      x_tick_pos      - tick id; NULL means the latest tick for a new
--                        subscription and "no change" for an existing one
--
-- Returns:
--      0 - was registered already
--      1 - new registration
-- ----------------------------------------------------------------------
declare
    qid         integer;
    cid         integer;
    start_tick  bigint;
begin
    select queue_id into qid from pgq.queue where queue_name = x_queue_name;
    if not found then
        raise exception 'Event queue not created yet';
    end if;

    -- the row lock keeps a concurrent unregister from deleting the consumer under us
    select co_id into cid from pgq.consumer where co_name = x_consumer_name for update;
    if not found then
        insert into pgq.consumer (co_name) values (x_consumer_name) returning co_id into cid;
    end if;

    if x_tick_pos is not null then
        perform 1 from pgq.tick where tick_queue = qid and tick_id = x_tick_pos;
        if not found then
            raise exception 'cannot reposition, tick not found: %', x_tick_pos;
        end if;
    end if;

    perform 1 from pgq.subscription where sub_queue = qid and sub_consumer = cid;
    if found then
        if x_tick_pos is not null then
            update pgq.subscription
               set sub_last_tick = x_tick_pos,
                   sub_batch = null,
                   sub_next_tick = null,
                   sub_active = now()
             where sub_queue = qid and sub_consumer = cid;
        end if;
        return 0;
    end if;

    if x_tick_pos is null then
        select tick_id into start_tick
          from pgq.tick
         where tick_queue = qid
         order by tick_queue desc, tick_id desc
         limit 1;
        if not found then
            raise exception 'No ticks for this queue.  Please run ticker on database.';
        end if;
    else
        start_tick := x_tick_pos;
    end if;

    insert into pgq.subscription (sub_queue, sub_consumer, sub_last_tick)
        values (qid, cid, start_tick);
    return 1;
end;
$$ language plpgsql security definer;
