create or replace function pgq.quote_fqname(i_name text)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq.quote_fqname(1)
--
--      Quotes a possibly schema-qualified name for use in SQL.  The first dot
--      separates the schema from the name; without a dot the schema is public.
--
-- Parameters:
--      i_name      - object name, "schema.name" or "name"
--
-- Returns:
--      The quoted name, always with a schema.
-- ----------------------------------------------------------------------
declare
    dot int4;
begin
    dot := strpos(i_name, '.');
    if dot = 0 then
        return 'public.' || quote_ident(i_name);
    end if;
    return quote_ident(substr(i_name, 1, dot - 1)) || '.' || quote_ident(substr(i_name, dot + 1));
end;
$$ language plpgsql strict immutable;
