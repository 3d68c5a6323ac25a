create or replace function pgq_ext.version()
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.version(0)
--
--      Returns the version string of the pgq_ext schema.
-- ----------------------------------------------------------------------
begin
    return '3.1.1';
end;
$$ language plpgsql;
