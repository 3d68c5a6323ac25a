create or replace function pgq.get_batch_events(
    in x_batch_id   bigint,
    out ev_id       bigint,
    out ev_time     timestamptz,
    out ev_txid     bigint,
    out ev_retry    int4,
    out ev_type     text,
    out ev_data     text,
    out ev_extra1   text,
    out ev_extra2   text,
    out ev_extra3   text,
    out ev_extra4   text)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq.get_batch_events(1)
--
--      All events of an open batch, ordered by ev_id.  For big batches use
--      pgq.get_batch_cursor(), which does not hold them all in memory.
--
-- Parameters:
--      x_batch_id      - id of an open batch
-- ----------------------------------------------------------------------
begin
    return query execute pgq.batch_event_sql(x_batch_id);
end;
$$ language plpgsql;
