create or replace function pgq.get_queue_info(
    out queue_name                  text,
    out queue_ntables               integer,
    out queue_cur_table             integer,
    out queue_rotation_period       interval,
    out queue_switch_time           timestamptz,
    out queue_external_ticker       boolean,
    out queue_ticker_paused         boolean,
    out queue_ticker_max_count      integer,
    out queue_ticker_max_lag        interval,
    out queue_ticker_idle_period    interval,
    out ticker_lag                  interval,
    out ev_per_sec                  float8,
    out ev_new                      bigint,
    out last_tick_id                bigint)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq.get_queue_info(0)
--
--      Settings and state of every queue, ordered by name; see
--      pgq.get_queue_info(1).
-- ----------------------------------------------------------------------
begin
    return query select * from pgq.get_queue_info(null);
end;
$$ language plpgsql;

create or replace function pgq.get_queue_info(
    in i_queue_name                 text,
    out queue_name                  text,
    out queue_ntables               integer,
    out queue_cur_table             integer,
    out queue_rotation_period       interval,
    out queue_switch_time           timestamptz,
    out queue_external_ticker       boolean,
    out queue_ticker_paused         boolean,
    out queue_ticker_max_count      integer,
    out queue_ticker_max_lag        interval,
    out queue_ticker_idle_period    interval,
    out ticker_lag                  interval,
    out ev_per_sec                  float8,
    out ev_new                      bigint,
    out last_tick_id                bigint)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq.get_queue_info(1)
--
--      Settings and state of a queue.
--
-- Parameters:
--      i_queue_name    - queue name; NULL for every queue
--
-- Returns:
--      The queue_* settings, and
--      ticker_lag      - age of the last tick
--      ev_per_sec      - event rate over the last (up to) 20 ticks
--      ev_new          - events inserted since the last tick (estimate)
--      last_tick_id    - id of the last tick
-- ----------------------------------------------------------------------
declare
    qid         integer;
    ev_seq      text;
    top         record;
    older       record;
begin
    for queue_name, queue_ntables, queue_cur_table, queue_rotation_period, queue_switch_time,
        queue_external_ticker, queue_ticker_paused, queue_ticker_max_count,
        queue_ticker_max_lag, queue_ticker_idle_period, qid, ev_seq
    in
        select q.queue_name, q.queue_ntables, q.queue_cur_table, q.queue_rotation_period,
               q.queue_switch_time, q.queue_external_ticker, q.queue_ticker_paused,
               q.queue_ticker_max_count, q.queue_ticker_max_lag, q.queue_ticker_idle_period,
               q.queue_id, q.queue_event_seq
          from pgq.queue q
         where i_queue_name is null or q.queue_name = i_queue_name
         order by q.queue_name
    loop
        select t.tick_id, t.tick_time, t.tick_event_seq into top
          from pgq.tick t
         where t.tick_queue = qid
         order by t.tick_queue desc, t.tick_id desc
         limit 1;
        select t.tick_time, t.tick_event_seq into older
          from pgq.tick t
         where t.tick_queue = qid
           and t.tick_id >= top.tick_id - 20
         order by t.tick_queue asc, t.tick_id asc
         limit 1;

        ticker_lag := now() - top.tick_time;
        if older.tick_time < top.tick_time then
            ev_per_sec := (top.tick_event_seq - older.tick_event_seq)
                          / extract(epoch from top.tick_time - older.tick_time);
        else
            ev_per_sec := null;
        end if;
        ev_new := pgq.seq_getval(ev_seq) - top.tick_event_seq;
        last_tick_id := top.tick_id;
        return next;
    end loop;
    return;
end;
$$ language plpgsql;
