create or replace function pgq.batch_event_tables(x_batch_id bigint)
returns setof text as $$
-- ----------------------------------------------------------------------
-- Function: pgq.batch_event_tables(1)
--
--      Data tables that may hold events of a batch: the current table, the
--      previous one, or both.  A transaction with txid below switch_step1
--      wrote into the previous table, one above switch_step2 into the
--      current table, and one in between into either.
--
-- Parameters:
--      x_batch_id      - id of an open batch
--
-- Returns:
--      Table names, previous table first.
-- ----------------------------------------------------------------------
declare
    b           record;
    prev_nr     integer;
begin
    select txid_snapshot_xmin(last.tick_snapshot) as tx_min,
           txid_snapshot_xmax(cur.tick_snapshot) as tx_max,
           q.queue_data_pfx, q.queue_ntables, q.queue_cur_table,
           q.queue_switch_step1, q.queue_switch_step2
      into b
      from pgq.subscription s, pgq.tick last, pgq.tick cur, pgq.queue q
     where s.sub_batch = x_batch_id
       and last.tick_queue = s.sub_queue
       and last.tick_id = s.sub_last_tick
       and cur.tick_queue = s.sub_queue
       and cur.tick_id = s.sub_next_tick
       and q.queue_id = s.sub_queue;
    if not found then
        raise exception 'Cannot find data for batch %', x_batch_id;
    end if;

    prev_nr := b.queue_cur_table - 1;
    if prev_nr < 0 then
        prev_nr := b.queue_ntables - 1;
    end if;

    if b.tx_max < b.queue_switch_step1 then
        -- the whole batch happened before the last rotation
        return next b.queue_data_pfx || '_' || prev_nr::text;
    elsif b.queue_switch_step2 is not null and b.tx_min > b.queue_switch_step2 then
        -- the whole batch happened after the last rotation was committed
        return next b.queue_data_pfx || '_' || b.queue_cur_table::text;
    else
        return next b.queue_data_pfx || '_' || prev_nr::text;
        return next b.queue_data_pfx || '_' || b.queue_cur_table::text;
    end if;
    return;
end;
$$ language plpgsql;
