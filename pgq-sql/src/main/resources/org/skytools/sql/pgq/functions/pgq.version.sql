create or replace function pgq.version()
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq.version(0)
--
--      Version of the installed pgq schema.  Installers compare it with the
--      version they ship to decide between install, upgrade and nothing.
-- ----------------------------------------------------------------------
begin
    return '3.5.7';
end;
$$ language plpgsql;
