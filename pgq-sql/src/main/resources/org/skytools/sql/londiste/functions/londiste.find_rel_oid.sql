create or replace function londiste.find_rel_oid(i_fqname text, i_kind text)
returns oid as $$
-- ----------------------------------------------------------------------
-- Function: londiste.find_rel_oid(2)
--
--      Looks up a relation by name and kind, without quoting rules: the
--      first dot separates the schema, a name without a dot is in public.
--
-- Parameters:
--      i_fqname    - relation name
--      i_kind      - pg_class.relkind, e.g. 'r' table, 'S' sequence
--
-- Returns:
--      the relation's oid, NULL if there is none
-- ----------------------------------------------------------------------
declare
    parts   record;
    res     oid;
begin
    parts := londiste.split_fqname(i_fqname);
    select c.oid into res
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on (n.oid = c.relnamespace)
     where n.nspname = parts.schema_part
       and c.relname = parts.name_part
       and c.relkind::text = i_kind;
    return res;
end;
$$ language plpgsql strict stable;
