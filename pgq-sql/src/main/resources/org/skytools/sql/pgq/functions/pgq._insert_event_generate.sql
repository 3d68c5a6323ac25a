create or replace function pgq._insert_event_branch(i_ids int4[], i_leaves text[])
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._insert_event_branch(2)
--
--      Code of pgq._insert_event() that picks the queue: a binary search over
--      the queue ids, so that many queues cost a few comparisons.
--
-- Parameters:
--      i_ids       - queue ids, ascending
--      i_leaves    - for each id, the code that inserts into that queue
--
-- Returns:
--      PL/pgSQL statements.
-- ----------------------------------------------------------------------
declare
    n       int4 := coalesce(array_length(i_ids, 1), 0);
    mid     int4;
begin
    if n <= 4 then
        return coalesce(array_to_string(i_leaves, ''), '');
    end if;
    mid := n / 2 + 1;
    return 'if qid < ' || i_ids[mid]::text || ' then' || E'\n'
        || regexp_replace(pgq._insert_event_branch(i_ids[1:mid - 1], i_leaves[1:mid - 1]), '^', '    ', 'gn')
        || 'else' || E'\n'
        || regexp_replace(pgq._insert_event_branch(i_ids[mid:n], i_leaves[mid:n]), '^', '    ', 'gn')
        || 'end if;' || E'\n';
end;
$$ language plpgsql immutable;

create or replace function pgq._insert_event_generate()
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq._insert_event_generate(0)
--
--      Creates pgq._insert_event(), the body of pgq.insert_event_raw(), again
--      for the queues that exist: it inserts with one static INSERT per data
--      table, whose plan PL/pgSQL keeps for the session, where a dynamic
--      INSERT is parsed and planned on every call.  pgq.insert_event(3) and
--      (7) get the same body instead of a call of pgq._insert_event(): a
--      PL/pgSQL call costs about as much as the queue lookup, and the capture
--      triggers call pgq.insert_event() for every row.  Run by create_queue,
--      drop_queue, install and upgrade.  A pgq.insert_event() that was
--      replaced by hand is kept.
--
--      A queue that the function does not know (one that a concurrent
--      REPEATABLE READ transaction could not see, or one created while the
--      function could not be replaced) still works, with a dynamic INSERT.
--
-- Returns:
--      Number of queues the function knows.
-- ----------------------------------------------------------------------
declare
    q       record;
    ids     int4[] := '{}';
    leaves  text[] := '{}';
    leaf    text;
    seq     text;
    fn      text;
    body    text;
begin
    -- One at a time: a concurrent replace of the same function fails instead of
    -- waiting.  This mode leaves the queue rows free for inserts and updates.
    lock table pgq.queue in share update exclusive mode;

    for q in
        select queue_id, queue_data_pfx, queue_event_seq, queue_ntables
          from pgq.queue
         -- names with a dollar sign could end the function body's quoting
         where strpos(queue_data_pfx || queue_event_seq, '$') = 0
         order by queue_id
    loop
        seq := quote_literal(q.queue_event_seq) || '::regclass';
        leaf := 'if qid = ' || q.queue_id::text || ' then' || E'\n';
        for i in 0 .. q.queue_ntables - 1 loop
            leaf := leaf || case when i = 0 then '    if' else '    elsif' end
                 || ' nr = ' || i::text || ' then' || E'\n'
                 || '        new_id := nextval(' || seq || ');' || E'\n'
                 || '        if ev_id is not null then' || E'\n'
                 || '            new_id := ev_id;' || E'\n'
                 || '        end if;' || E'\n'
                 || '        insert into ' || pgq.quote_fqname(q.queue_data_pfx || '_' || i::text)
                 || ' (ev_id, ev_time, ev_owner, ev_retry, ev_type, ev_data,' || E'\n'
                 || '                ev_extra1, ev_extra2, ev_extra3, ev_extra4)' || E'\n'
                 || '        values (new_id, coalesce(ev_time, now()), ev_owner, ev_retry, ev_type, ev_data,' || E'\n'
                 || '                ev_extra1, ev_extra2, ev_extra3, ev_extra4);' || E'\n'
                 || '        return new_id;' || E'\n';
        end loop;
        leaf := leaf || '    end if;' || E'\n'
             || 'end if;' || E'\n';
        ids := ids || q.queue_id;
        leaves := leaves || leaf;
    end loop;

    begin
        fn := $sql$
create or replace function pgq._insert_event(
    queue_name text, ev_id bigint, ev_time timestamptz,
    ev_owner integer, ev_retry integer, ev_type text, ev_data text,
    ev_extra1 text, ev_extra2 text, ev_extra3 text, ev_extra4 text)
returns bigint as $fn$
-- ----------------------------------------------------------------------
-- Function: pgq._insert_event(11)
--
--      Body of pgq.insert_event_raw(), made by pgq._insert_event_generate()
--      with one static INSERT for each data table of the queues that existed
--      then, and a dynamic INSERT for any other.  pgq.insert_event() gets
--      the same body, one function call less.
--
--      Every expression costs a setup in each transaction that evaluates it,
--      which counts when a transaction inserts one event: the common case
--      evaluates as few as it can.
-- ----------------------------------------------------------------------
declare
    qid         int4;
    nr          int4;
    seq         text;
    tbl         text;
    disabled    boolean;
    tx_limit    int4;
    counter     text;
    n           int4;
    new_id      int8;
begin
    -- The row is read on every call: rotation, drop_queue and the flags may
    -- change it in any other transaction.
    select q.queue_id, q.queue_cur_table, q.queue_disable_insert, q.queue_per_tx_limit
      into qid, nr, disabled, tx_limit
      from pgq.queue q
     where q.queue_name = $1;
    if not found then
        if queue_name is null then
            raise exception 'Queue name must not be NULL';
        end if;
        raise exception 'No such queue';
    end if;

    if disabled or tx_limit is not null then
        -- a refused insert takes a value of the event sequence too
        seq := (select q.queue_event_seq from pgq.queue q where q.queue_id = qid);
        if disabled and current_setting('session_replication_role') <> 'replica' then
            perform nextval(seq);
            raise exception 'Insert into queue disallowed';
        end if;

        if tx_limit is not null then
            -- The count lives in a transaction-local setting: it starts from zero
            -- in every transaction and follows savepoint rollbacks.
            counter := 'pgq.tx_event_count_' || qid::text;
            n := coalesce(nullif(current_setting(counter, true), '')::int4, 0) + 1;
            if n > tx_limit then
                perform nextval(seq);
                raise exception 'Queue ''%'' allows max % events from one TX', queue_name, tx_limit;
            end if;
            perform set_config(counter, n::text, true);
        end if;
    end if;

    -- A value of the event sequence is taken even when ev_id is given: the
    -- ticker counts new events by that sequence.
$sql$ || regexp_replace(pgq._insert_event_branch(ids, leaves), '^', '    ', 'gn') || $sql$
    -- a queue this function does not know
    select q.queue_event_seq, q.queue_data_pfx || '_' || nr::text
      into seq, tbl
      from pgq.queue q
     where q.queue_id = qid;
    if not found then
        raise exception 'No such queue';
    end if;
    new_id := nextval(seq);
    execute 'insert into ' || tbl
        || ' (ev_id, ev_time, ev_owner, ev_retry, ev_type, ev_data,'
        || ' ev_extra1, ev_extra2, ev_extra3, ev_extra4)'
        || ' values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)'
        using coalesce(ev_id, new_id), coalesce(ev_time, now()), ev_owner, ev_retry,
              ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4;
    return coalesce(ev_id, new_id);
end;
$fn$ language plpgsql;
$sql$;
        execute fn;
        -- the same declarations and statements, with the arguments that
        -- pgq.insert_event() does not take as variables that stay NULL; the
        -- function runs as its owner like pgq._insert_event() under it did
        body := replace(substr(fn, strpos(fn, E'\ndeclare\n') + length(E'\ndeclare\n')),
                        E'$fn$ language plpgsql;', E'$fn$ language plpgsql security definer;');
        -- A pgq.insert_event() replaced by hand (a test double, a wrapper) is left
        -- alone, as create_queue and drop_queue leave it in PgQ: ours, the one
        -- installed and the ones made here, name this function in their text.
        -- Install and upgrade put ours back first.
        if coalesce((select strpos(p.prosrc, 'pgq._insert_event_generate()') > 0
                       from pg_catalog.pg_proc p
                      where p.oid = pg_catalog.to_regprocedure('pgq.insert_event(text,text,text)')), true) then
        execute $sql$
create or replace function pgq.insert_event(queue_name text, ev_type text, ev_data text)
returns bigint as $fn$
-- ----------------------------------------------------------------------
-- Function: pgq.insert_event(3)
--
--      Inserts an event into a queue.  The event becomes visible to consumers
--      when, and only if, the calling transaction commits.  Made by
--      pgq._insert_event_generate(): the body of pgq._insert_event().
--
-- Parameters:
--      queue_name      - queue name
--      ev_type         - event type, chosen by the producer
--      ev_data         - event payload
--
-- Returns:
--      Event id.
-- ----------------------------------------------------------------------
declare
    ev_id       int8;
    ev_time     timestamptz;
    ev_owner    int4;
    ev_retry    int4;
    ev_extra1   text;
    ev_extra2   text;
    ev_extra3   text;
    ev_extra4   text;
$sql$ || body;
        end if;
        if coalesce((select strpos(p.prosrc, 'pgq._insert_event_generate()') > 0
                       from pg_catalog.pg_proc p
                      where p.oid = pg_catalog.to_regprocedure(
                          'pgq.insert_event(text,text,text,text,text,text,text)')), true) then
        execute $sql$
create or replace function pgq.insert_event(
    queue_name text, ev_type text, ev_data text,
    ev_extra1 text, ev_extra2 text, ev_extra3 text, ev_extra4 text)
returns bigint as $fn$
-- ----------------------------------------------------------------------
-- Function: pgq.insert_event(7)
--
--      Inserts an event with the extra fields into a queue.  Made by
--      pgq._insert_event_generate(): the body of pgq._insert_event().
--
-- Parameters:
--      queue_name      - queue name
--      ev_type         - event type, chosen by the producer
--      ev_data         - event payload
--      ev_extra1..4    - extra fields
--
-- Returns:
--      Event id.
-- ----------------------------------------------------------------------
declare
    ev_id       int8;
    ev_time     timestamptz;
    ev_owner    int4;
    ev_retry    int4;
$sql$ || body;
        end if;
    exception when insufficient_privilege then
        -- another role owns the function (installed by one role, upgraded by
        -- another): new queues take the dynamic INSERT
        raise warning 'pgq._insert_event() not replaced: %; inserts into new queues are slower until its owner runs select pgq._insert_event_generate()', sqlerrm;
        return 0;
    end;
    return coalesce(array_length(ids, 1), 0);
end;
$$ language plpgsql;
