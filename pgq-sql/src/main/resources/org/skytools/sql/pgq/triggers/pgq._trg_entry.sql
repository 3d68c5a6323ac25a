create or replace function pgq._trg_entry(kind text, relid oid, tgname text, args text[],
                                          op text, tgwhen text, tglevel text, rebuild boolean)
returns text[] as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_entry(8)
--
--      Returns the parsed arguments and table information of a capture
--      trigger (see pgq._trg_build) and runs the checks every firing
--      needs.  The information is cached for the session in custom
--      settings: pgq_trg.r<relid> holds the table's structure signature
--      together with the statement it was read in, pgq_trg.t<relid>_<md5
--      of trigger name> the trigger's entry.  The signature is read from
--      the catalog once per statement, so an ALTER TABLE is noticed by
--      the next statement of every session.
--
-- Parameters:
--      kind            - L (logutriga), S (sqltriga) or J (jsontriga)
--      relid, tgname   - TG_RELID, TG_NAME
--      args            - TG_ARGV
--      op, tgwhen, tglevel - TG_OP, TG_WHEN, TG_LEVEL
--      rebuild         - true when the caller saw a row that does not
--                        match the cached column count
-- ----------------------------------------------------------------------
declare
    c       text[];
    rv      text;
    sk      text;
    sig     text;
    tkey    text;
    opc     text := left(op, 1);
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

    sk := now()::text || '#' || statement_timestamp()::text;
    rv := nullif(current_setting('pgq_trg.r' || relid, true), '');
    if rv is not null and not rebuild and split_part(rv, '|', 1) = sk then
        sig := split_part(rv, '|', 2);
    else
        sig := pgq._trg_relsig(relid);
        perform set_config('pgq_trg.r' || relid, sk || '|' || sig, false);
    end if;

    tkey := 'pgq_trg.t' || relid || '_' || md5(tgname);
    c := nullif(current_setting(tkey, true), '')::text[];
    if rebuild or c is null or c[2] <> sig or c[1] <> kind || args::text then
        c := pgq._trg_build(kind, relid, args, opc, sig);
        perform set_config(tkey, c::text, false);
    end if;

    if opc in ('U', 'D') and c[6] = '' then
        raise exception 'Update/Delete on table without pkey';
    end if;
    if strpos(c[4], 'S') > 0 and tgwhen = 'AFTER' then
        raise exception 'SKIP does not work in AFTER trigger.';
    end if;
    if strpos(c[4], 'D') > 0 then
        raise exception 'Table ''%'' to queue ''%'': change not allowed (%)', c[5], c[3], op;
    end if;
    return c;
end;
$$ language plpgsql volatile;
