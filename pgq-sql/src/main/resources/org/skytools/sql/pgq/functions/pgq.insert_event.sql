create or replace function pgq.insert_event(queue_name text, ev_type text, ev_data text)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq.insert_event(3)
--
--      Inserts an event into a queue.  The event becomes visible to consumers
--      when, and only if, the calling transaction commits.
--
-- Parameters:
--      queue_name      - queue name
--      ev_type         - event type, chosen by the producer
--      ev_data         - event payload
--
-- Returns:
--      Event id.
-- ----------------------------------------------------------------------
begin
    -- until pgq._insert_event_generate() gives this function the body itself
    return pgq._insert_event(queue_name, null, now(), null, null,
                             ev_type, ev_data, null, null, null, null);
end;
$$ language plpgsql security definer;

create or replace function pgq.insert_event(
    queue_name text, ev_type text, ev_data text,
    ev_extra1 text, ev_extra2 text, ev_extra3 text, ev_extra4 text)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq.insert_event(7)
--
--      Inserts an event with the four extra fields into a queue.
--
-- Parameters:
--      queue_name      - queue name
--      ev_type         - event type, chosen by the producer
--      ev_data         - event payload
--      ev_extra1..4    - extra payload fields
--
-- Returns:
--      Event id.
-- ----------------------------------------------------------------------
begin
    -- until pgq._insert_event_generate() gives this function the body itself
    return pgq._insert_event(queue_name, null, now(), null, null,
                             ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4);
end;
$$ language plpgsql security definer;
