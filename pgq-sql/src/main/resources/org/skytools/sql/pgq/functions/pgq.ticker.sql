create or replace function pgq.ticker(i_queue_name text, i_tick_id bigint, i_orig_timestamp timestamptz, i_event_seq bigint)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq.ticker(4)
--
--      External tick: inserts a tick with the given id, time and event
--      sequence value, taken from another node, and the local snapshot.
--      Only for queues with queue_external_ticker that are not paused.  The
--      local tick and event sequences are moved forward to the given values,
--      never back.
--
-- Parameters:
--      i_queue_name        - queue name
--      i_tick_id           - id of the new tick
--      i_orig_timestamp    - time of the new tick
--      i_event_seq         - event sequence value of the new tick
--
-- Returns:
--      The tick id.
-- ----------------------------------------------------------------------
declare
    q   record;
begin
    select queue_id, queue_tick_seq, queue_event_seq into q
      from pgq.queue
     where queue_name = i_queue_name
       and queue_external_ticker
       and not queue_ticker_paused;
    if not found then
        raise exception 'queue not found or ticker disabled: %', i_queue_name;
    end if;

    insert into pgq.tick (tick_queue, tick_id, tick_time, tick_event_seq)
        values (q.queue_id, i_tick_id, i_orig_timestamp, i_event_seq);

    perform pgq.seq_setval(q.queue_tick_seq, i_tick_id);
    perform pgq.seq_setval(q.queue_event_seq, i_event_seq);

    return i_tick_id;
end;
$$ language plpgsql security definer;

create or replace function pgq.ticker(i_queue_name text)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq.ticker(1)
--
--      Inserts a tick into the queue if one is due:
--      - with new events, when there are ticker_max_count of them or the
--        last tick is ticker_max_lag old;
--      - without new events, when the last tick is at least ticker_max_lag/2
--        old and twice as old as the gap before it, or ticker_idle_period
--        old, so that an idle queue ticks less and less often.
--
--      Must not run concurrently for the same queue: the snapshot is taken
--      when the transaction starts, before any lock could be acquired.
--
-- Parameters:
--      i_queue_name    - queue name
--
-- Returns:
--      Id of the new tick, or NULL when no tick was due.
-- ----------------------------------------------------------------------
declare
    q       record;
    last    record;
    prev_gap interval;
    cur_txid int8;
begin
    select queue_id, queue_tick_seq, queue_external_ticker, queue_ticker_paused,
           queue_ticker_max_count, queue_ticker_max_lag, queue_ticker_idle_period,
           pgq.seq_getval(queue_event_seq) as event_seq
      into q
      from pgq.queue
     where queue_name = i_queue_name;
    if not found then
        raise exception 'no such queue';
    end if;
    if q.queue_external_ticker then
        raise exception 'This queue has external tick source.';
    end if;
    if q.queue_ticker_paused then
        raise exception 'Ticker has been paused for this queue';
    end if;

    select tick_id, tick_time, tick_event_seq,
           now() - tick_time as lag,
           q.event_seq - tick_event_seq as new_events,
           txid_snapshot_xmin(tick_snapshot) as sxmin,
           txid_snapshot_xmax(tick_snapshot) as sxmax
      into last
      from pgq.tick
     where tick_queue = q.queue_id
     order by tick_queue desc, tick_id desc
     limit 1;

    if found then
        cur_txid := txid_current();
        -- txids went backwards: a restore into a cluster with a lower epoch
        if last.sxmin > cur_txid then
            raise exception 'Invalid PgQ state: old xmin=%, old xmax=%, cur txid=%',
                            last.sxmin, last.sxmax, cur_txid;
        end if;
        if last.new_events < 0 then
            raise warning 'Negative new_events?  old=% cur=%', last.tick_event_seq, q.event_seq;
        end if;
        if last.sxmax > cur_txid then
            raise warning 'Dubious PgQ state: old xmax=%, cur txid=%', last.sxmax, cur_txid;
        end if;

        if last.new_events > 0 then
            if last.new_events < q.queue_ticker_max_count
               and last.lag < q.queue_ticker_max_lag
            then
                return null;
            end if;
        else
            select last.tick_time - tick_time into prev_gap
              from pgq.tick
             where tick_queue = q.queue_id
               and tick_id < last.tick_id
             order by tick_queue desc, tick_id desc
             limit 1;
            if found then
                if last.lag < q.queue_ticker_max_lag / 2
                   or (last.lag < prev_gap * 2 and last.lag < q.queue_ticker_idle_period)
                then
                    return null;
                end if;
            end if;
        end if;
    end if;

    insert into pgq.tick (tick_queue, tick_id, tick_event_seq)
        values (q.queue_id, nextval(q.queue_tick_seq), q.event_seq);

    return currval(q.queue_tick_seq);
end;
$$ language plpgsql security definer;

create or replace function pgq.ticker()
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq.ticker(0)
--
--      Runs pgq.ticker(queue) on every queue that is neither paused nor
--      ticked externally.
--
-- Returns:
--      Number of queues that got a tick.
-- ----------------------------------------------------------------------
declare
    qname   text;
    ticked  bigint := 0;
begin
    for qname in
        select queue_name from pgq.queue
         where not queue_external_ticker
           and not queue_ticker_paused
         order by queue_name
    loop
        if pgq.ticker(qname) > 0 then
            ticked := ticked + 1;
        end if;
    end loop;
    return ticked;
end;
$$ language plpgsql security definer;
