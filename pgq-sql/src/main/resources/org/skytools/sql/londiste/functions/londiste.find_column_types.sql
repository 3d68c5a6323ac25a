create or replace function londiste.find_column_types(tbl text)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: londiste.find_column_types(1)
--
--      Describes a table's columns for the capture triggers: one letter per
--      column in column order, 'k' for primary key columns, 'v' for others.
--
-- Parameters:
--      tbl - table name
--
-- Returns:
--      e.g. 'kvv'; empty for an unknown table
-- ----------------------------------------------------------------------
declare
    tbl_oid oid;
    res     text;
begin
    tbl_oid := londiste.find_table_oid(tbl);
    select coalesce(string_agg(case when pk.indkey is not null
                                         and a.attnum = any (pk.indkey::int2[])
                                    then 'k' else 'v' end,
                               '' order by a.attnum), '')
      into res
      from pg_catalog.pg_attribute a
      left join pg_catalog.pg_index pk on (pk.indrelid = a.attrelid and pk.indisprimary)
     where a.attrelid = tbl_oid
       and a.attnum > 0
       and not a.attisdropped;
    return res;
end;
$$ language plpgsql strict stable;
