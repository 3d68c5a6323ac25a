create or replace function londiste.create_trigger(
    in i_queue_name text,
    in i_table_name text,
    in i_trg_args text[],
    in i_dest_table text,
    in i_node_type text,
    out ret_code int4,
    out ret_note text,
    out trigger_name text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.create_trigger(5)
--
--      Creates or replaces the replication triggers of a table: a row
--      trigger "_londiste_<queue>" and a truncate trigger
--      "_londiste_<queue>_truncate".  A row trigger that is there already
--      with the same function, timing, events and arguments is kept; other
--      row triggers of the same queue on the table are dropped.
--
--      The arguments mix trigger arguments with words that are consumed here:
--          tgflags=<letters>   B before, A after (wins), L pgq.logutriga
--                              (default), Q pgq.sqltriga, J pgq.jsontriga,
--                              I insert, U update, D delete (none: all
--                              three), S skip; default AIUDL
--          skip, SKIP          a SKIP trigger: fires last among the BEFORE
--                              triggers (name prefix "zzz_") and keeps the
--                              change from happening
--          no_triggers, virtual_table
--                              no trigger: the row trigger is dropped
--          expect_sync, skip_truncate, merge_all, no_merge
--                              local_add_table's words, ignored here
--      Everything else goes to the trigger function as it is.  A table
--      replicated under another name gets ev_extra1 = the queue's table
--      name, unless an ev_extra1= argument is given.  On a leaf the
--      triggers deny local changes.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name in the queue
--      i_trg_args      - trigger arguments and words, see above
--      i_dest_table    - local table (NULL: the same as i_table_name)
--      i_node_type     - type of the local node
--
-- Returns:
--      ret_code        - 200 ok; 201 no trigger created; 403 AFTER trigger on
--                        a table with SKIP triggers; 404 no such table;
--                        405 several SKIP triggers
--      trigger_name    - name of the row trigger
-- ----------------------------------------------------------------------
declare
    dest            text := coalesce(i_dest_table, i_table_name);
    qdest           text;
    dest_oid        oid;
    arg             text;
    flags           text := '';
    args            text[] := '{}';
    extra_args      text[] := '{}';
    got_extra1      boolean := false;
    want_skip       boolean := false;
    no_triggers     boolean := false;
    tg_func         text := 'pgq.logutriga';
    tg_before       boolean := false;
    tg_events       text[] := '{}';
    tg_type         int2;
    skip_count      integer;
    skip_name       text;
    old             record;
    keep            boolean := false;
    trunc_name      text;
    tg_name         text;
begin
    trigger_name := '_londiste_' || i_queue_name;
    trunc_name := '_londiste_' || i_queue_name || '_truncate';
    qdest := londiste.quote_fqname(dest);
    dest_oid := londiste.find_table_oid(dest);

    foreach arg in array coalesce(i_trg_args, '{}'::text[]) loop
        if arg like 'tgflags=%' then
            flags := flags || upper(substr(arg, 9));
        elsif arg in ('no_triggers', 'virtual_table') then
            no_triggers := true;
        elsif lower(arg) = 'skip' then
            want_skip := true;
        elsif arg in ('expect_sync', 'skip_truncate', 'merge_all', 'no_merge') then
            null;
        else
            if arg like 'ev_extra1=%' then
                got_extra1 := true;
            end if;
            args := args || arg;
        end if;
    end loop;

    -- events of a renamed table carry the queue's name of the table
    if dest <> i_table_name and not got_extra1 then
        args := args || ('ev_extra1=' || quote_literal(i_table_name));
    end if;

    if position('B' in flags) > 0 then
        tg_before := true;
    end if;
    if position('A' in flags) > 0 then
        tg_before := false;
    end if;
    if position('Q' in flags) > 0 then
        tg_func := 'pgq.sqltriga';
    end if;
    if position('L' in flags) > 0 then
        tg_func := 'pgq.logutriga';
    end if;
    if position('J' in flags) > 0 then
        tg_func := 'pgq.jsontriga';
    end if;
    if position('I' in flags) > 0 then
        tg_events := tg_events || 'insert'::text;
    end if;
    if position('U' in flags) > 0 then
        tg_events := tg_events || 'update'::text;
    end if;
    if position('D' in flags) > 0 then
        tg_events := tg_events || 'delete'::text;
    end if;
    if cardinality(tg_events) = 0 then
        tg_events := array['insert', 'update', 'delete'];
    end if;
    if position('S' in flags) > 0 then
        want_skip := true;
    end if;

    if i_node_type = 'leaf' then
        -- a leaf need not have the capture functions; with them, its tables
        -- refuse local changes (the replay runs in replica mode)
        if to_regprocedure(tg_func || '()') is null then
            select 201, 'Trigger not created' into ret_code, ret_note;
            return;
        end if;
        extra_args := extra_args || 'deny'::text;
    end if;

    if no_triggers then
        if dest_oid is not null then
            execute 'drop trigger if exists ' || quote_ident(trigger_name) || ' on ' || qdest;
        end if;
        select 201, 'Trigger not created' into ret_code, ret_note;
        return;
    end if;

    if dest_oid is null then
        select 404, 'Table does not exist: ' || dest into ret_code, ret_note;
        return;
    end if;

    -- SKIP triggers of others: this queue's own triggers are replaced below
    select count(*), min(tg.tgname) into skip_count, skip_name
      from pg_catalog.pg_trigger tg
     where tg.tgrelid = dest_oid
       and not tg.tgisinternal
       and 'SKIP' = any (londiste._trigger_args(tg.tgargs))
       and not (londiste.is_replica_func(tg.tgfoid)
                and (londiste._trigger_args(tg.tgargs))[1] = i_queue_name);

    -- a SKIP trigger stops the change before any AFTER trigger could see it
    if not tg_before and skip_count > 0 then
        select 403, 'AFTER trigger cannot work with SKIP trigger(s)' into ret_code, ret_note;
        return;
    end if;

    if want_skip then
        if skip_count = 0 then
            trigger_name := 'zzz_' || trigger_name;
            args := args || 'SKIP'::text;
        elsif skip_count = 1 then
            -- the one SKIP trigger must fire last; ours fires before it and skips nothing
            if position('zzz_' in skip_name) <> 1 then
                execute 'alter trigger ' || quote_ident(skip_name) || ' on ' || qdest
                     || ' rename to ' || quote_ident('zzz_' || skip_name);
            end if;
        else
            select 405, 'Multiple SKIP triggers' into ret_code, ret_note;
            return;
        end if;
    end if;

    args := array[i_queue_name] || args || extra_args;

    -- pg_trigger.tgtype bits: 1 row, 2 before, 4 insert, 8 delete, 16 update
    tg_type := 1 + case when tg_before then 2 else 0 end
                 + case when 'insert' = any (tg_events) then 4 else 0 end
                 + case when 'delete' = any (tg_events) then 8 else 0 end
                 + case when 'update' = any (tg_events) then 16 else 0 end;

    select tg.tgfoid, tg.tgtype, londiste._trigger_args(tg.tgargs) as tgargs into old
      from pg_catalog.pg_trigger tg
     where tg.tgrelid = dest_oid
       and tg.tgname = trigger_name;
    if found then
        keep := old.tgfoid = to_regprocedure(tg_func || '()')
                and old.tgtype = tg_type
                and old.tgargs = args;
        if not keep then
            execute 'drop trigger ' || quote_ident(trigger_name) || ' on ' || qdest;
        end if;
    end if;
    if not keep then
        execute 'create trigger ' || quote_ident(trigger_name)
             || case when tg_before then ' before ' else ' after ' end
             || array_to_string(tg_events, ' or ')
             || ' on ' || qdest
             || ' for each row execute procedure ' || tg_func || '('
             || (select string_agg(quote_literal(a), ', ' order by n)
                   from unnest(args) with ordinality as x(a, n))
             || ')';
    end if;

    -- older row triggers of this queue under another name
    for tg_name in
        select tg.tgname
          from pg_catalog.pg_trigger tg
         where tg.tgrelid = dest_oid
           and not tg.tgisinternal
           and (tg.tgtype & 1) = 1
           and tg.tgname not in (trigger_name, trunc_name)
           and londiste.is_replica_func(tg.tgfoid)
           and (londiste._trigger_args(tg.tgargs))[1] = i_queue_name
    loop
        execute 'drop trigger ' || quote_ident(tg_name) || ' on ' || qdest;
    end loop;

    perform 1 from pg_catalog.pg_trigger
     where tgrelid = dest_oid
       and tgname = trunc_name;
    if not found then
        execute 'create trigger ' || quote_ident(trunc_name)
             || ' after truncate on ' || qdest
             || ' for each statement execute procedure pgq.sqltriga('
             || (select string_agg(quote_literal(a), ', ' order by n)
                   from unnest(array[i_queue_name] || extra_args) with ordinality as x(a, n))
             || ')';
    end if;

    select 200, 'OK' into ret_code, ret_note;
    return;
end;
$$ language plpgsql;
