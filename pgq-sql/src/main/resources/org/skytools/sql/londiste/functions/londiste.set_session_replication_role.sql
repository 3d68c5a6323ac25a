create or replace function londiste.set_session_replication_role(val text, is_local boolean)
returns void as $$
-- ----------------------------------------------------------------------
-- Function: londiste.set_session_replication_role(2)
--
--      Switches session_replication_role, for the rest of the transaction
--      (is_local) or of the session.  The setting needs a superuser; this
--      function runs as its owner, so a worker or admin role that is only a
--      member of londiste_writer can apply changes in replica mode and run
--      EXECUTE scripts in local mode.
--
-- Parameters:
--      val         - origin, replica or local
--      is_local    - true: until the end of the transaction; false or NULL:
--                    for the session
-- ----------------------------------------------------------------------
begin
    if val is null or val not in ('origin', 'replica', 'local') then
        raise exception 'bad value for session_replication_role: %; use origin, replica or local',
            coalesce(val, 'NULL');
    end if;
    perform pg_catalog.set_config('session_replication_role', val, coalesce(is_local, false));
end;
$$ language plpgsql security definer set search_path = pg_catalog;
