create or replace function londiste.find_table_fkeys(i_table_name text)
returns setof londiste.pending_fkeys as $$
-- ----------------------------------------------------------------------
-- Function: londiste.find_table_fkeys(1)
--
--      Foreign keys of a table, both those it has and those that refer to
--      it, each with the statement that creates it again.
--
-- Parameters:
--      i_table_name    - table name
--
-- Returns:
--      from_table  - referencing table
--      to_table    - referenced table
--      fkey_name   - constraint name
--      fkey_def    - "alter table only ... add constraint ..." statement
-- ----------------------------------------------------------------------
declare
    tbl_oid oid;
begin
    tbl_oid := londiste.find_table_oid(i_table_name);
    return query
        select n1.nspname || '.' || t1.relname,
               n2.nspname || '.' || t2.relname,
               c.conname::text,
               'alter table only ' || quote_ident(n1.nspname) || '.' || quote_ident(t1.relname)
               || ' add constraint ' || quote_ident(c.conname::text) || ' '
               || pg_catalog.pg_get_constraintdef(c.oid)
          from pg_catalog.pg_constraint c
          join pg_catalog.pg_class t1 on (t1.oid = c.conrelid)
          join pg_catalog.pg_namespace n1 on (n1.oid = t1.relnamespace)
          join pg_catalog.pg_class t2 on (t2.oid = c.confrelid)
          join pg_catalog.pg_namespace n2 on (n2.oid = t2.relnamespace)
         where c.contype = 'f'
           and (c.conrelid = tbl_oid or c.confrelid = tbl_oid)
         order by 1, 2, 3;
end;
$$ language plpgsql strict stable;
