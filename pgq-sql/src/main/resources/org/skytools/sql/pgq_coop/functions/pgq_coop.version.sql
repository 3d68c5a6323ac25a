create or replace function pgq_coop.version()
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq_coop.version(0)
--
--      Returns the version string of the pgq_coop schema.
-- ----------------------------------------------------------------------
begin
    return '3.1.2';
end;
$$ language plpgsql;
