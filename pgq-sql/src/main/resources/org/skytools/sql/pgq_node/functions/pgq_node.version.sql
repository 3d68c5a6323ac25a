create or replace function pgq_node.version()
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.version(0)
--
--      Version of the installed pgq_node schema.  Installers compare it with
--      the version they ship to decide between install, upgrade and nothing.
-- ----------------------------------------------------------------------
begin
    return '3.2.7';
end;
$$ language plpgsql;
