create or replace function pgq.maint_rotate_tables_step1(i_queue_name text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.maint_rotate_tables_step1(1)
--
--      Rotates the queue's data tables when rotation_period has passed, the
--      previous rotation is complete (step 2 done) and no consumer can still
--      need the previous table: the oldest table is truncated and becomes the
--      current one.  Ticks older than the previous rotation are deleted.
--      When the table lock is not available at once (pg_dump) the rotation is
--      skipped.  pgq.maint_rotate_tables_step2() must follow in a later
--      transaction.
--
-- Parameters:
--      i_queue_name    - queue name
--
-- Returns:
--      0
-- ----------------------------------------------------------------------
declare
    q               record;
    next_nr         integer;
    next_tbl        text;
    lowest_tick     int8;
    lowest_xmin     int8;
begin
    select * into q
      from pgq.queue
     where queue_name = i_queue_name
       and queue_rotation_period is not null
       and queue_switch_step2 is not null
       and queue_switch_time + queue_rotation_period < now()
       for update;
    if not found then
        return 0;
    end if;

    if txid_current() < q.queue_switch_step1 then
        raise exception 'queue % maint failure: step1=%, current=%',
                        i_queue_name, q.queue_switch_step1, txid_current();
    end if;

    -- the slowest subscription decides whether the previous table is still needed
    select min(sub_last_tick) into lowest_tick from pgq.subscription where sub_queue = q.queue_id;
    if lowest_tick is not null then
        select txid_snapshot_xmin(tick_snapshot) into lowest_xmin
          from pgq.tick
         where tick_queue = q.queue_id
           and tick_id = lowest_tick;
        if not found then
            raise exception 'queue % maint failure: tick % not found', i_queue_name, lowest_tick;
        end if;
        if lowest_xmin <= q.queue_switch_step2 then
            return 0;
        end if;
    end if;

    next_nr := (q.queue_cur_table + 1) % q.queue_ntables;
    next_tbl := pgq.quote_fqname(q.queue_data_pfx || '_' || next_nr::text);

    begin
        execute 'lock table ' || next_tbl || ' nowait';
        execute 'truncate ' || next_tbl;
    exception
        when lock_not_available then
            return 0;
    end;

    update pgq.queue
       set queue_cur_table = next_nr,
           queue_switch_time = now(),
           queue_switch_step1 = txid_current(),
           queue_switch_step2 = null
     where queue_id = q.queue_id;

    -- Ticks are kept one rotation longer than batches need them: consumers can
    -- be moved back by at least one rotation period.
    delete from pgq.tick
     where tick_queue = q.queue_id
       and txid_snapshot_xmin(tick_snapshot) < q.queue_switch_step2;

    return 0;
end;
$$ language plpgsql;
