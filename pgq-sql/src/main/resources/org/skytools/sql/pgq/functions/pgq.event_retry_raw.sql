create or replace function pgq.event_retry_raw(
    x_queue text,
    x_consumer text,
    x_retry_after timestamptz,
    x_ev_id bigint,
    x_ev_time timestamptz,
    x_ev_retry integer,
    x_ev_type text,
    x_ev_data text,
    x_ev_extra1 text,
    x_ev_extra2 text,
    x_ev_extra3 text,
    x_ev_extra4 text)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq.event_retry_raw(12)
--
--      Puts an arbitrary event into the retry queue of a subscription.
--
-- Parameters:
--      x_queue         - queue name
--      x_consumer      - consumer name
--      x_retry_after   - when the event is due
--      x_ev_id         - event id; NULL takes a new one from the queue
--      x_ev_time       - event time
--      x_ev_retry      - retry count
--      x_ev_type .. x_ev_extra4 - event fields
--
-- Returns:
--      Event id.
-- ----------------------------------------------------------------------
declare
    s   record;
    id  bigint;
begin
    select sub_id, sub_queue, queue_event_seq into s
      from pgq.consumer, pgq.queue, pgq.subscription
     where queue_name = x_queue
       and co_name = x_consumer
       and sub_consumer = co_id
       and sub_queue = queue_id;
    if not found then
        raise exception 'consumer not registered';
    end if;

    id := coalesce(x_ev_id, nextval(s.queue_event_seq));

    insert into pgq.retry_queue (ev_retry_after, ev_queue, ev_id, ev_time, ev_owner, ev_retry,
                                 ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4)
    values (x_retry_after, s.sub_queue, id, x_ev_time, s.sub_id, x_ev_retry,
            x_ev_type, x_ev_data, x_ev_extra1, x_ev_extra2, x_ev_extra3, x_ev_extra4);
    return id;
end;
$$ language plpgsql security definer;
