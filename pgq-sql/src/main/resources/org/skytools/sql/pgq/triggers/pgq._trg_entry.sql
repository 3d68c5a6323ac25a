create or replace function pgq._trg_entry(kind text, relid oid, tgname text, args text[],
                                          op text, tglevel text, gen text, rebuild boolean)
returns pgq._trg_cache as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_entry(8)
--
--      Returns the parsed arguments and table information of a capture
--      trigger (see pgq._trg_build), from the session cache when it is
--      still valid, and checks the trigger level and arguments.  The
--      triggers call it (through pgq._trg_fire) when their own look-up of
--      the cache misses.
--
--      The cache lives in custom settings: pgq_trg.e1_<relid>_<hash of the
--      trigger name> holds the entry as text of type pgq._trg_cache, and
--      pgq_trg.t1_<relid>_<hash> the part the triggers read themselves, of
--      type pgq._trg_hot.  The 1 is the version of those types: a release
--      that changes them takes the next number, so that sessions that live
--      through an upgrade do not read entries of the old form.  The
--      validity stamp of an entry is:
--
--        <n>    the value of sequence pgq.trigger_cache_gen when the entry
--               was built.  Every DDL command of the database advances the
--               sequence (event trigger pgq_trg_ddl), so the entry is valid
--               as long as the sequence has not moved.  An ALTER TABLE
--               cannot slip in between: it holds an ACCESS EXCLUSIVE lock
--               until it commits, and the firing statement holds a lock on
--               the table.  The trigger builds the event itself (flag F of
--               pgq._trg_build).
--        x<n>   the same, for a trigger that leaves the event to
--               pgq._trg_fire.
--        p<tx>  the entry was built when the sequence could not be
--               trusted: the event trigger is missing or disabled, the
--               transaction is not READ COMMITTED (its snapshot may miss a
--               committed change), or some transaction that ran DDL is
--               still open (its change may commit or roll back later).
--               Such an entry is checked against the table's structure
--               signature (pgq._trg_relsig) once per statement, and built
--               again in a later transaction when the sequence can be
--               trusted then.
--
--      pgq_trg.r<relid> keeps the structure signature of the table for the
--      rest of the statement.  Entries built in a transaction that rolls
--      back go with it, as the settings do.  A session can overwrite the
--      settings, which touches only the events of its own writes: the
--      triggers run with the session's privileges, so no name or check
--      that they can read would be hidden from it.
--
--      DDL run while the event trigger is dropped or disabled, or with
--      event_triggers = off (PostgreSQL 17), does not advance the sequence:
--      advance it by hand afterwards (select nextval('pgq.trigger_cache_gen'))
--      so that sessions drop the entries they have.  A REPEATABLE READ transaction reads the
--      catalog with its snapshot and so sees a table change committed after
--      it started from its next transaction on.
--
-- Parameters:
--      kind            - L (logutriga), S (sqltriga) or J (jsontriga)
--      relid, tgname   - TG_RELID, TG_NAME
--      args            - TG_ARGV
--      op, tglevel     - TG_OP, TG_LEVEL
--      gen             - value of pgq.trigger_cache_gen read by the caller
--                        before anything else
--      rebuild         - true when the caller saw a row that does not
--                        match the cached column count
-- ----------------------------------------------------------------------
declare
    e       pgq._trg_cache;
    suffix  text;
    ident   text;
    txkey   text;
    sk      text;
    rv      text;
    sig     text;
    opc     text := left(op, 1);
    trusted boolean;
begin
    if op = 'TRUNCATE' then
        if tglevel <> 'STATEMENT' then
            raise exception 'pgq tRuncate trigger must be fired FOR EACH STATEMENT';
        end if;
        opc := 'R';
    elsif tglevel <> 'ROW' then
        raise exception 'pgq Ins/Upd/Del trigger must be fired FOR EACH ROW';
    end if;
    if coalesce(array_length(args, 1), 0) < 1 then
        raise exception 'pgq trigger must have destination queue as argument';
    end if;

    suffix := relid || '_' || to_hex(hashtext(tgname));
    e := nullif(current_setting('pgq_trg.e1_' || suffix, true), '')::pgq._trg_cache;
    if not rebuild and e.tgname = tgname then
        if e.stamp = gen or e.stamp = 'x' || gen then
            return e;
        end if;
        ident := kind || args::text;
        txkey := 'p' || now()::text;
        if left(e.stamp, 1) = 'p' and e.ident = ident then
            -- structure signature, read once per statement
            sk := gen || '#' || now()::text || '#' || statement_timestamp()::text;
            rv := nullif(current_setting('pgq_trg.r' || relid, true), '');
            if rv is not null and split_part(rv, '|', 1) = sk then
                sig := split_part(rv, '|', 2);
            else
                sig := pgq._trg_relsig(relid);
                perform set_config('pgq_trg.r' || relid, sk || '|' || sig, false);
            end if;
            if e.sig = sig and e.stamp = txkey then
                return e;
            end if;
        end if;
    end if;
    ident := kind || args::text;
    txkey := 'p' || now()::text;

    -- Whether the sequence can vouch for the entry.  This is decided before
    -- the catalog is read: a DDL transaction that is not seen running here
    -- has ended, so READ COMMITTED queries below see its outcome.
    trusted := current_setting('transaction_isolation') = 'read committed'
        and exists (select 1 from pg_catalog.pg_event_trigger
                     where evtname = 'pgq_trg_ddl' and evtenabled = 'A' and evtevent = 'ddl_command_end'
                       and evtfoid = 'pgq._trg_ddl_signal()'::pg_catalog.regprocedure)
        and not exists (select 1 from pg_catalog.pg_locks l
                         where l.locktype = 'advisory' and l.classid = 1885827328 and l.objid = 1953654528
                           and l.objsubid = 2
                           and l.database = (select d.oid from pg_catalog.pg_database d
                                              where d.datname = pg_catalog.current_database()));
    if not trusted and sig is not null and e.sig = sig and not rebuild then
        -- an entry that still matches the table, stamped for this transaction only
        e.stamp := txkey;
    else
        if not trusted and sig is null then
            sig := pgq._trg_relsig(relid);
        end if;
        e := pgq._trg_build(kind, relid, args, opc);
        e.stamp := case when not trusted then txkey when strpos(e.flags, 'F') > 0 then gen else 'x' || gen end;
        e.tgname := tgname;
        e.ident := ident;
        e.sig := sig;
    end if;
    perform set_config('pgq_trg.e1_' || suffix, e::text, false);
    perform set_config('pgq_trg.t1_' || suffix,
                       row(e.stamp, e.tgname, e.queue, e.tbl, e.pkey, e.ncols, e.key1,
                           case kind when 'L' then e.template when 'J' then e.js_tail else '' end,
                           case kind when 'J' then e.json_nums else '' end
                          )::pgq._trg_hot::text,
                       false);
    return e;
end;
$$ language plpgsql volatile;
