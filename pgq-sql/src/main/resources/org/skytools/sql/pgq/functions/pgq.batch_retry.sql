create or replace function pgq.batch_retry(i_batch_id bigint, i_retry_seconds integer)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.batch_retry(2)
--
--      Puts every event of the batch that is not queued for retry yet into
--      the retry queue, due in i_retry_seconds seconds.
--
-- Parameters:
--      i_batch_id      - id of an open batch
--      i_retry_seconds - delay in seconds
--
-- Returns:
--      Number of events queued.
-- ----------------------------------------------------------------------
declare
    s       record;
    due     timestamptz;
    n       integer;
begin
    due := now() + make_interval(secs => i_retry_seconds);

    select sub_id, sub_queue into s from pgq.subscription where sub_batch = i_batch_id;
    if not found then
        raise exception 'batch_retry: batch % not found', i_batch_id;
    end if;

    insert into pgq.retry_queue (ev_retry_after, ev_queue, ev_id, ev_time, ev_txid, ev_owner,
                                 ev_retry, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4)
    select distinct due, s.sub_queue, b.ev_id, b.ev_time, null::int8, s.sub_id,
           coalesce(b.ev_retry, 0) + 1, b.ev_type, b.ev_data,
           b.ev_extra1, b.ev_extra2, b.ev_extra3, b.ev_extra4
      from pgq.get_batch_events(i_batch_id) b
     where not exists (select 1 from pgq.retry_queue rq
                        where rq.ev_owner = s.sub_id
                          and rq.ev_id = b.ev_id)
    on conflict (ev_owner, ev_id) do nothing;
    get diagnostics n = row_count;
    return n;
end;
$$ language plpgsql security definer;
