create or replace function pgq.event_retry(x_batch_id bigint, x_event_id bigint, x_retry_time timestamptz)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.event_retry(3a)
--
--      Puts an event of the batch into the retry queue.  At x_retry_time
--      maintenance moves it back into the queue, for this subscription only,
--      with ev_retry increased by one.
--
-- Parameters:
--      x_batch_id      - id of an open batch
--      x_event_id      - event id
--      x_retry_time    - when the event is due again
--
-- Returns:
--      1 - queued for retry
--      0 - the event was queued for retry already
-- ----------------------------------------------------------------------
declare
    s   record;
    ev  record;
    n   integer;
begin
    select sub_id, sub_queue into s from pgq.subscription where sub_batch = x_batch_id;

    -- filtering the batch query lets the planner use the ev_txid range per table
    execute 'select * from (' || pgq.batch_event_sql(x_batch_id) || ') e where e.ev_id = $1'
       into ev using x_event_id;
    if ev.ev_id is null then
        raise exception 'event not found';
    end if;

    insert into pgq.retry_queue (ev_retry_after, ev_queue, ev_id, ev_time, ev_txid, ev_owner,
                                 ev_retry, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4)
    values (x_retry_time, s.sub_queue, ev.ev_id, ev.ev_time, null, s.sub_id,
            coalesce(ev.ev_retry, 0) + 1, ev.ev_type, ev.ev_data,
            ev.ev_extra1, ev.ev_extra2, ev.ev_extra3, ev.ev_extra4)
    on conflict (ev_owner, ev_id) do nothing;
    get diagnostics n = row_count;
    return n;
end;
$$ language plpgsql security definer;

create or replace function pgq.event_retry(x_batch_id bigint, x_event_id bigint, x_retry_seconds integer)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.event_retry(3b)
--
--      Puts an event of the batch into the retry queue, due in
--      x_retry_seconds seconds; see pgq.event_retry(3a).
-- ----------------------------------------------------------------------
begin
    return pgq.event_retry(x_batch_id, x_event_id, now() + make_interval(secs => x_retry_seconds));
end;
$$ language plpgsql security definer;
