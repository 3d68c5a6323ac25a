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
declare
    qid         int4;
    nr          int4;
    pfx         text;
    seq         text;
    disabled    boolean;
    tx_limit    int4;
    counter     text;
    n           int4;
    new_id      int8;
begin
    if queue_name is null then
        raise exception 'Queue name must not be NULL';
    end if;

    -- The row is read on every call: rotation, drop_queue and the flags may
    -- change it in any other transaction.
    select q.queue_id, q.queue_cur_table, q.queue_data_pfx, q.queue_event_seq,
           q.queue_disable_insert, q.queue_per_tx_limit
      into qid, nr, pfx, seq, disabled, tx_limit
      from pgq.queue q
     where q.queue_name = $1;
    if not found then
        raise exception 'No such queue';
    end if;

    if disabled and current_setting('session_replication_role') <> 'replica' then
        perform nextval(seq);
        raise exception 'Insert into queue disallowed';
    end if;

    if tx_limit is not null then
        -- The count lives in a transaction-local setting: it starts from zero in
        -- every transaction and follows savepoint rollbacks.
        counter := 'pgq.tx_event_count_' || qid::text;
        n := coalesce(nullif(current_setting(counter, true), '')::int4, 0) + 1;
        if n > tx_limit then
            perform nextval(seq);
            raise exception 'Queue ''%'' allows max % events from one TX', queue_name, tx_limit;
        end if;
        perform set_config(counter, n::text, true);
    end if;

    -- static INSERTs with plans kept for the session (pgq._insert_event_generate)
    new_id := pgq._insert_event_static(qid, nr, ev_id, coalesce(ev_time, now()), ev_owner, ev_retry,
                                       ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4);
    if new_id is not null then
        return new_id;
    end if;

    -- a queue that function does not know: a dynamic INSERT, parsed and planned
    -- on every call
    new_id := nextval(seq);
    execute 'insert into ' || pfx || '_' || nr::text
        || ' (ev_id, ev_time, ev_owner, ev_retry, ev_type, ev_data,'
        || ' ev_extra1, ev_extra2, ev_extra3, ev_extra4)'
        || ' values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)'
        using coalesce(ev_id, new_id), coalesce(ev_time, now()), ev_owner, ev_retry,
              ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4;

    return coalesce(ev_id, new_id);
end;
$$ language plpgsql;
