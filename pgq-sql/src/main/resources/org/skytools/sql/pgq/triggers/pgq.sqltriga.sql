create or replace function pgq.sqltriga() returns trigger as $$
-- ----------------------------------------------------------------------
-- Function: pgq.sqltriga()
--
--      Trigger that puts the change into a queue as partial SQL.
--
-- Trigger parameters:
--      arg1 - queue name
--      argX - any number of optional args, in any order: SKIP, ignore=,
--             pkey=, backup, deny, ev_type= .. ev_extra4=, when=, as for
--             pgq.logutriga()
--
-- Queue event fields:
--      ev_type     - I/U/D, or R for TRUNCATE
--      ev_data     - partial SQL statement:
--                      INSERT: (col1,col2) values ('v1',null)
--                      UPDATE: col2='new' where col1='key'
--                      DELETE: col1='key'
--      ev_extra1   - table name
--      ev_extra2   - optional urlencoded backup
-- ----------------------------------------------------------------------
declare
    -- The event is built by pgq._trg_fire.
begin
    -- in local replication role changes are not logged
    if current_setting('session_replication_role') <> 'local' then
        if pgq._trg_fire('S', TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL, NEW, OLD) then
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
