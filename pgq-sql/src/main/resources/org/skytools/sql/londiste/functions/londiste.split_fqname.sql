create or replace function londiste.split_fqname(
    in i_fqname text,
    out schema_part text,
    out name_part text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.split_fqname(1)
--
--      Splits a name into schema and name: the first dot separates them, a
--      name without a dot is in public.
--
-- Parameters:
--      i_fqname    - object name
--
-- Returns:
--      schema_part - schema name
--      name_part   - name inside the schema
-- ----------------------------------------------------------------------
declare
    dot integer;
begin
    dot := position('.' in i_fqname);
    if dot > 0 then
        schema_part := substring(i_fqname for dot - 1);
        name_part := substring(i_fqname from dot + 1);
    else
        schema_part := 'public';
        name_part := i_fqname;
    end if;
    return;
end;
$$ language plpgsql strict immutable;
