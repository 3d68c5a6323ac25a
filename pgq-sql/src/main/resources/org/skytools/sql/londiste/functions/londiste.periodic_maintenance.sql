create or replace function londiste.periodic_maintenance()
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: londiste.periodic_maintenance(0)
--
--      Cleanup run by the ticker's maintenance: EXECUTE records older than
--      3 months go, after which a script with the same name can run again.
--
-- Returns:
--      0 - the ticker calls it once per round
-- ----------------------------------------------------------------------
begin
    delete from londiste.applied_execute
     where execute_time < now() - '3 months'::interval;
    return 0;
end;
$$ language plpgsql;
