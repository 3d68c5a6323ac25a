create or replace function pgq.insert_event_raw(
    queue_name text, ev_id bigint, ev_time timestamptz,
    ev_owner integer, ev_retry integer, ev_type text, ev_data text,
    ev_extra1 text, ev_extra2 text, ev_extra3 text, ev_extra4 text)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq.insert_event_raw(11)
--
--      Inserts an event into the queue's current data table.  Used by
--      pgq.insert_event() and by retry maintenance.
--
--      A value of the event sequence is taken even when ev_id is given, and
--      when the insert is refused: the ticker counts new events by that
--      sequence.
--
--      The work is done by pgq._insert_event(), which
--      pgq._insert_event_generate() makes with a static INSERT for each data
--      table of every queue.
--
-- Parameters:
--      queue_name      - queue name
--      ev_id           - event id; NULL takes the next one from the sequence
--      ev_time         - event time; NULL means now()
--      ev_owner        - subscription id for a retried event, NULL for everybody
--      ev_retry        - retry count, NULL for a first delivery
--      ev_type .. ev_extra4 - event fields
--
-- Returns:
--      Event id.
-- ----------------------------------------------------------------------
begin
    return pgq._insert_event(queue_name, ev_id, ev_time, ev_owner, ev_retry,
                             ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4);
end;
$$ language plpgsql;
