create or replace function pgq.unregister_consumer(x_queue_name text, x_consumer_name text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.unregister_consumer(2)
--
--      Removes a consumer's subscription and its retry events.  For a
--      cooperative subconsumer only its own row goes; for a main consumer the
--      subconsumers sharing its sub_id go too.  The consumer name is deleted
--      when no subscription uses it any more.
--
-- Parameters:
--      x_queue_name    - queue name
--      x_consumer_name - consumer name
--
-- Returns:
--      Number of (sub)consumers removed, 0 if it was not registered.
-- ----------------------------------------------------------------------
declare
    sid         integer;
    cid         integer;
    is_sub      boolean;
    nsubs       integer;
begin
    -- a subconsumer has both ticks set or both NULL; its main consumer has only sub_last_tick
    select s.sub_id, c.co_id,
           (s.sub_last_tick is null and s.sub_next_tick is null)
           or (s.sub_last_tick is not null and s.sub_next_tick is not null)
      into sid, cid, is_sub
      from pgq.subscription s, pgq.consumer c, pgq.queue q
     where s.sub_queue = q.queue_id
       and s.sub_consumer = c.co_id
       and q.queue_name = x_queue_name
       and c.co_name = x_consumer_name
       for update of s, c;
    if not found then
        return 0;
    end if;

    select count(*) into nsubs from pgq.subscription where sub_id = sid;

    if nsubs > 1 and is_sub then
        delete from pgq.subscription where sub_id = sid and sub_consumer = cid;
        return 1;
    end if;

    delete from pgq.retry_queue where ev_owner = sid;
    delete from pgq.subscription where sub_id = sid;

    perform 1 from pgq.subscription where sub_consumer = cid;
    if not found then
        delete from pgq.consumer where co_id = cid;
    end if;

    return nsubs;
end;
$$ language plpgsql security definer;
