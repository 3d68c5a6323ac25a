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
declare
    c       text[];
    ev      text[];
    ovr     text;
    wtyp    oid;
    wres    boolean;
    skip    boolean := false;
begin
    -- in local replication role changes are not logged
    if current_setting('session_replication_role') <> 'local' then
        c := pgq._trg_entry('J', TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL, false);
        skip := strpos(c[4], 'S') > 0;
        for attempt in 1 .. 2 loop
            if TG_OP = 'INSERT' then
                ev := pgq._trg_event(c, 'I', NEW::text, null, case when strpos(c[4], 'T') > 0 then to_json(NEW) end, null);
            elsif TG_OP = 'UPDATE' then
                ev := pgq._trg_event(c, 'U', NEW::text, OLD::text, case when strpos(c[4], 'T') > 0 then to_json(NEW) end, case when strpos(c[4], 'T') > 0 then to_json(OLD) end);
            elsif TG_OP = 'DELETE' then
                ev := pgq._trg_event(c, 'D', null, OLD::text, null, case when strpos(c[4], 'T') > 0 then to_json(OLD) end);
            else
                ev := pgq._trg_event(c, 'R', null, null, null, null);
            end if;
            exit when ev is null or ev[1] is distinct from '!' or array_length(ev, 1) > 1;
            -- the table changed within this statement
            c := pgq._trg_entry('J', TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL, true);
        end loop;
        if array_length(ev, 1) = 1 then
            raise exception 'structure of table % changed while logging a row', TG_RELID::regclass;
        end if;
        if ev is not null and strpos(c[4], 'X') > 0 then
            -- expression arguments, in the order ev_type, ev_data, ev_extra1..4, when
            for i in 1 .. 6 loop
                continue when c[8 + i] is null;
                if TG_OP = 'DELETE' then
                    execute c[8 + i] into ovr using OLD;
                else
                    execute c[8 + i] into ovr using NEW;
                end if;
                ev[i] := ovr;
            end loop;
            if c[15] is not null then
                if TG_OP = 'DELETE' then
                    execute c[15] into wtyp, wres using OLD;
                else
                    execute c[15] into wtyp, wres using NEW;
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
            perform pgq.insert_event(c[3], ev[1], ev[2], ev[3], ev[4], ev[5], ev[6]);
        end if;
    end if;

    if TG_WHEN = 'AFTER' or TG_LEVEL <> 'ROW' or skip then
        return null;
    elsif TG_OP = 'DELETE' then
        return OLD;
    end if;
    return NEW;
end;
$$ language plpgsql;
