create or replace function londiste.find_table_oid(tbl text)
returns oid as $$
-- ----------------------------------------------------------------------
-- Function: londiste.find_table_oid(1)
--
--      Oid of a table (plain or partitioned) by name.
--
-- Parameters:
--      tbl - table name, "schema.name" or "name" (public)
--
-- Returns:
--      the oid, NULL if there is no such table
-- ----------------------------------------------------------------------
begin
    return coalesce(londiste.find_rel_oid(tbl, 'r'), londiste.find_rel_oid(tbl, 'p'));
end;
$$ language plpgsql strict stable;
