create or replace function londiste.make_fqname(i_name text)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: londiste.make_fqname(1)
--
--      Schema-qualifies a name: the first dot separates the schema, a name
--      without a dot is in public.  Nothing is case-folded.
--
-- Parameters:
--      i_name  - object name
--
-- Returns:
--      "schema.name"
-- ----------------------------------------------------------------------
begin
    if position('.' in i_name) > 0 then
        return i_name;
    end if;
    return 'public.' || i_name;
end;
$$ language plpgsql strict immutable;
