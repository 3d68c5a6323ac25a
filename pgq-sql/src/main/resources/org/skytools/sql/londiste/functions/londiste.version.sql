create or replace function londiste.version()
returns text as $$
-- ----------------------------------------------------------------------
-- Function: londiste.version(0)
--
--      Version of the installed londiste schema.  Installers compare it with
--      the version they ship to decide between install, upgrade and nothing.
-- ----------------------------------------------------------------------
begin
    return '3.2.6';
end;
$$ language plpgsql;
