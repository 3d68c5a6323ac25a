create or replace function pgq._jsontriga_row(relid oid, tgname text, op text, tgwhen text,
                                              tglevel text, js text, s text, o text)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq._jsontriga_row(8)
--
--      The common case of pgq.jsontriga(): an AFTER row trigger without
--      options whose cache entry (see pgq._trg_entry) is valid, out of the
--      local replication role, on a table whose
--      columns all print in JSON as to_json() of the row prints them, but
--      for numbers that need quotes (see pgq._trg_cache).  Inserts the
--      event.  Out of the trigger for the reason given at
--      pgq._logutriga_row.
--
-- Parameters:
--      relid, tgname   - TG_RELID, TG_NAME
--      op              - TG_OP
--      tgwhen, tglevel - TG_WHEN, TG_LEVEL
--      js              - to_json() of the row logged: NEW, or OLD for DELETE
--      s, o            - texts of NEW and OLD for UPDATE, else NULL
--
-- Returns:
--      true when the event is inserted; false when the trigger must take
--      the general way (pgq._trg_fire), with nothing done.
-- ----------------------------------------------------------------------
declare
    c       pgq._trg_hot;
    id      int8;
begin
    c := nullif(current_setting('pgq_trg.t1_' || relid || '_' || to_hex(hashtext(tgname)), true), '')::pgq._trg_hot;
    -- a valid entry (none when c is NULL), and a key for UPDATE and DELETE; the
    -- same test as in pgq._logutriga_row, written out: a shared function is a call per row
    if (c.stamp = coalesce(pg_catalog.pg_sequence_last_value('pgq.trigger_cache_gen'::pg_catalog.regclass), 0)::text
        and c.tgname = tgname
        and (op = 'INSERT' or c.key1 > 0 or (op = 'DELETE' and c.pkey <> ''))
        and tgwhen = 'AFTER' and tglevel = 'ROW'
        and current_setting('session_replication_role') <> 'local') is not true then
        return false;
    end if;
    -- The key column must keep its value.  The row texts split on ',' line up
    -- before it when neither has quotes, and at the first value when that of
    -- OLD is not quoted (a token of NEW cut at a comma in a quoted value
    -- cannot equal an unquoted one).
    if op = 'UPDATE' and (split_part(o, ',', c.key1) <> split_part(s, ',', c.key1)
                          or (c.key1 = 1 and left(o, 2) = '("')
                          or (c.key1 > 1 and strpos(o, '"') + strpos(s, '"') > 0)) then
        return false;
    end if;
    -- an assignment is a simple expression, where PERFORM runs a query
    id := pgq.insert_event(c.queue, '{"op":"' || op || '"' || c.fmt,
                           case c.nums when '' then js else regexp_replace(js, c.nums, '\1"\2"', 'g') end,
                           c.tbl, null, null, null);
    return true;
end;
$$ language plpgsql;

create or replace function pgq.jsontriga() returns trigger as $$
-- ----------------------------------------------------------------------
-- Function: pgq.jsontriga()
--
--      Trigger that puts row data in JSON form into a queue.
--
-- Trigger parameters:
--      arg1 - queue name
--      argX - any number of optional args, in any order: SKIP, ignore=,
--             pkey=, backup, deny, ev_type= .. ev_extra4=, when=, as for
--             pgq.logutriga()
--
-- Queue event fields:
--      ev_type     - JSON: {"op":"INSERT","table":["schema","name"],"pkey":["id"]}
--                    with op INSERT, UPDATE, DELETE or TRUNCATE
--      ev_data     - JSON object of the row
--      ev_extra1   - table name
--      ev_extra2   - optional JSON backup of the old row
-- ----------------------------------------------------------------------
begin
    -- the common case in one expression, as in pgq.logutriga()
    if pgq._jsontriga_row(TG_RELID, TG_NAME, TG_OP, TG_WHEN, TG_LEVEL, to_json(coalesce(NEW, OLD))::text,
                          case TG_OP when 'UPDATE' then NEW::text end,
                          case TG_OP when 'UPDATE' then OLD::text end) then
        return new;
    end if;
    -- in local replication role changes are not logged
    if current_setting('session_replication_role') <> 'local' then
        if pgq._trg_fire('J', TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL, NEW, OLD) then
            -- SKIP
            return null;
        end if;
    end if;

    if TG_WHEN = 'AFTER' or TG_LEVEL <> 'ROW' then
        return null;
    elsif TG_OP = 'DELETE' then
        return OLD;
    end if;
    return NEW;
end;
$$ language plpgsql;
