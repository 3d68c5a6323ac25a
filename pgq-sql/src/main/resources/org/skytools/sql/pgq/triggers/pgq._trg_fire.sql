create or replace function pgq._trg_fire(kind text, relid oid, tgname text, args text[], op text,
                                         tgwhen text, tglevel text, nrow record, orow record)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_fire(9)
--
--      The general way of a capture trigger firing, for everything the
--      triggers do not handle themselves: a stale or missing session cache,
--      trigger argument errors, statement level (TRUNCATE), SKIP, deny,
--      ignore lists, backups, expressions, magic columns, values the quick
--      split of the row text cannot handle, and a table that changed
--      within the statement.  Puts the event into the queue.
--
-- Parameters:
--      kind            - L (logutriga), S (sqltriga) or J (jsontriga)
--      relid .. tglevel - TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL
--      nrow, orow      - NEW and OLD
--
-- Returns:
--      Whether the row change itself is to be skipped (SKIP).
-- ----------------------------------------------------------------------
declare
    -- read before anything else, see pgq._trg_entry
    gen     text := coalesce(pg_catalog.pg_sequence_last_value('pgq.trigger_cache_gen'::pg_catalog.regclass), 0)::text;
    c       pgq._trg_cache;
    nv      text[];
    ov      text[];
    ev      text[];
    n       int4;
    s       text;
    njs     json;
    ojs     json;
    id      int8;
    ovr     text;
    wtyp    oid;
    wres    boolean;
begin
    c := pgq._trg_entry(kind, relid, tgname, args, op, tglevel, gen, false);
    if op in ('UPDATE', 'DELETE') and c.pkey = '' then
        raise exception 'Update/Delete on table without pkey';
    end if;
    if strpos(c.flags, 'S') > 0 and tgwhen = 'AFTER' then
        raise exception 'SKIP does not work in AFTER trigger.';
    end if;
    if strpos(c.flags, 'D') > 0 then
        raise exception 'Table ''%'' to queue ''%'': change not allowed (%)', c.tbl, c.queue, op;
    end if;

    if tglevel = 'ROW' then
        -- field tokens of the rows: split on ',' unless a value holds one
        for attempt in 1 .. 2 loop
            n := c.ncols;
            if op <> 'DELETE' then
                s := nrow::text;
                nv := string_to_array(substr(s, 2, length(s) - 2), ',');
                if coalesce(array_length(nv, 1), 0) <> n then
                    nv := pgq._trg_split(s, n);
                end if;
            end if;
            if op <> 'INSERT' then
                s := orow::text;
                ov := string_to_array(substr(s, 2, length(s) - 2), ',');
                if coalesce(array_length(ov, 1), 0) <> n then
                    ov := pgq._trg_split(s, n);
                end if;
            end if;
            exit when (nv is not null or op = 'DELETE') and (ov is not null or op = 'INSERT');
            if attempt = 2 then
                raise exception 'structure of table % changed while logging a row', relid::regclass;
            end if;
            -- the table changed within this statement
            c := pgq._trg_entry(kind, relid, tgname, args, op, tglevel, gen, true);
        end loop;
        if kind = 'J' and strpos(c.flags, 'T') > 0 then
            -- date and time values as to_json() prints them
            if op <> 'DELETE' then
                njs := to_json(nrow);
            end if;
            if op <> 'INSERT' then
                ojs := to_json(orow);
            end if;
        end if;
        ev := pgq._trg_event(c, left(op, 1), nv, ov, njs, ojs);
    else
        ev := pgq._trg_event(c, 'R', null, null, null, null);
    end if;

    if ev is not null and strpos(c.flags, 'X') > 0 then
        -- expression arguments, in the order ev_type, ev_data, ev_extra1..4, when
        for i in 1 .. 6 loop
            continue when c.exprs[i] is null;
            if op = 'DELETE' then
                execute c.exprs[i] into ovr using orow;
            else
                execute c.exprs[i] into ovr using nrow;
            end if;
            ev[i] := ovr;
        end loop;
        if c.exprs[7] is not null then
            if op = 'DELETE' then
                execute c.exprs[7] into wtyp, wres using orow;
            else
                execute c.exprs[7] into wtyp, wres using nrow;
            end if;
            if wtyp <> 'pg_catalog.bool'::regtype then
                raise exception 'when= query result must be boolean, got=%', wtyp;
            end if;
            if wres is null then
                raise exception 'when= should not be NULL';
            end if;
            if not wres then
                ev := null;
            end if;
        end if;
    end if;
    if ev is not null then
        id := pgq.insert_event(c.queue, ev[1], ev[2], ev[3], ev[4], ev[5], ev[6]);
    end if;
    return strpos(c.flags, 'S') > 0;
end;
$$ language plpgsql;
