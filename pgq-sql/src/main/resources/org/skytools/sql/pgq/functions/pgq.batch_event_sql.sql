create or replace function pgq.batch_event_sql(x_batch_id bigint)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq.batch_event_sql(1)
--
--      Builds the query that returns the events of a batch, ordered by ev_id.
--
-- Parameters:
--      x_batch_id      - id of an open batch
--
-- Returns:
--      SQL text.
--
-- Algorithm:
--      With S1 the snapshot of the batch's start tick and S2 that of its end
--      tick, the batch holds the events whose ev_txid is visible in S2 but
--      not in S1, and that are not retry events of another subscription.
--
--      A txid at or above xmax(S1) did not exist at S1, so the bulk of the
--      batch is a range scan on the ev_txid index from xmax(S1) up to
--      xmax(S2), filtered by both snapshots.  Below xmax(S1) the only
--      candidates are the transactions that were running at S1 and have
--      finished by S2: the ones close to the range start (within 100) widen
--      the range, the rest are looked up by an explicit list.  Rows of an
--      aborted transaction in that list are invisible to the reading query
--      anyway, so the list needs no snapshot filter.  A long-running
--      transaction therefore never makes a batch scan the events of the
--      whole time it was open.
-- ----------------------------------------------------------------------
declare
    b           record;
    tx_start    int8;
    late_txids  text := '';
    txid        int8;
    columns     text;
    owner_cond  text;
    part        text;
    sql         text := '';
    tbl         text;
begin
    select s.sub_id,
           last.tick_snapshot as last_snapshot,
           cur.tick_snapshot as cur_snapshot
      into b
      from pgq.subscription s, pgq.tick last, pgq.tick cur
     where s.sub_batch = x_batch_id
       and last.tick_queue = s.sub_queue
       and last.tick_id = s.sub_last_tick
       and cur.tick_queue = s.sub_queue
       and cur.tick_id = s.sub_next_tick;
    if not found then
        raise exception 'batch not found';
    end if;

    tx_start := txid_snapshot_xmax(b.last_snapshot);

    -- transactions running at S1 that are no longer running at S2, highest first
    for txid in
        select x1 from txid_snapshot_xip(b.last_snapshot) x1
        except
        select x2 from txid_snapshot_xip(b.cur_snapshot) x2
        order by 1 desc
    loop
        if txid >= tx_start - 100 then
            tx_start := txid;
        elsif late_txids = '' then
            late_txids := txid::text;
        else
            late_txids := late_txids || ',' || txid::text;
        end if;
    end loop;

    -- the column list of get_batch_events(); ev_owner stays internal
    columns := 'select ev_id, ev_time, ev_txid, ev_retry, ev_type, ev_data,'
        || ' ev_extra1, ev_extra2, ev_extra3, ev_extra4';
    owner_cond := ' and (ev_owner is null or ev_owner = ' || b.sub_id::text || ')';

    for tbl in select pgq.quote_fqname(t) from pgq.batch_event_tables(x_batch_id) t
    loop
        part := columns || ' from ' || tbl || ' ev'
            || ' where ev.ev_txid >= ' || tx_start::text
            || ' and ev.ev_txid <= ' || txid_snapshot_xmax(b.cur_snapshot)::text
            || ' and txid_visible_in_snapshot(ev.ev_txid, ' || quote_literal(b.cur_snapshot::text) || ')'
            || ' and not txid_visible_in_snapshot(ev.ev_txid, ' || quote_literal(b.last_snapshot::text) || ')'
            || owner_cond;
        if late_txids <> '' then
            part := part || ' union all ' || columns || ' from ' || tbl || ' ev'
                || ' where ev.ev_txid in (' || late_txids || ')'
                || owner_cond;
        end if;
        if sql = '' then
            sql := part;
        else
            sql := sql || ' union all ' || part;
        end if;
    end loop;
    if sql = '' then
        raise exception 'could not construct sql for batch %', x_batch_id;
    end if;
    return sql || ' order by 1';
end;
$$ language plpgsql;
