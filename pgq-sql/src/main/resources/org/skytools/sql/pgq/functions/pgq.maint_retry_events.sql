create or replace function pgq.maint_retry_events()
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.maint_retry_events(0)
--
--      Moves due retry events back into their queues, at most 10 per call,
--      keeping ev_id, ev_time, ev_owner and ev_retry.  Call it until it
--      returns 0.
--
-- Returns:
--      Number of events moved.
-- ----------------------------------------------------------------------
declare
    moved   integer := 0;
    ev      record;
begin
    -- one mover at a time; consumers can keep adding retry events meanwhile
    lock table pgq.retry_queue in share update exclusive mode;

    for ev in
        select q.queue_name, rq.ev_id, rq.ev_time, rq.ev_owner, rq.ev_retry, rq.ev_type,
               rq.ev_data, rq.ev_extra1, rq.ev_extra2, rq.ev_extra3, rq.ev_extra4
          from pgq.retry_queue rq, pgq.queue q
         where rq.ev_retry_after <= now()
           and q.queue_id = rq.ev_queue
         order by rq.ev_retry_after
         limit 10
    loop
        perform pgq.insert_event_raw(ev.queue_name, ev.ev_id, ev.ev_time, ev.ev_owner, ev.ev_retry,
                                     ev.ev_type, ev.ev_data, ev.ev_extra1, ev.ev_extra2,
                                     ev.ev_extra3, ev.ev_extra4);
        delete from pgq.retry_queue where ev_owner = ev.ev_owner and ev_id = ev.ev_id;
        moved := moved + 1;
    end loop;
    return moved;
end;
$$ language plpgsql;
