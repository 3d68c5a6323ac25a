create or replace function londiste.get_table_pending_fkeys(i_table_name text)
returns setof londiste.pending_fkeys as $$
-- ----------------------------------------------------------------------
-- Function: londiste.get_table_pending_fkeys(1)
--
--      Dropped foreign keys of a table, both directions.
--
-- Parameters:
--      i_table_name    - fully qualified table name
-- ----------------------------------------------------------------------
begin
    return query
        select f.*
          from londiste.pending_fkeys f
         where f.from_table = i_table_name
            or f.to_table = i_table_name
         order by 1, 2, 3;
end;
$$ language plpgsql strict stable;
