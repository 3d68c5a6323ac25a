create or replace function londiste.quote_fqname(i_name text)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: londiste.quote_fqname(1)
--
--      Quotes a name for SQL: the first dot separates the schema, a name
--      without a dot is in public; each part is quoted as needed.
--
-- Parameters:
--      i_name  - object name
--
-- Returns:
--      the quoted, schema-qualified name
-- ----------------------------------------------------------------------
declare
    parts   record;
begin
    parts := londiste.split_fqname(i_name);
    return quote_ident(parts.schema_part) || '.' || quote_ident(parts.name_part);
end;
$$ language plpgsql strict immutable;
