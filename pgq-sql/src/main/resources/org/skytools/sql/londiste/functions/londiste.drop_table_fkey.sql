create or replace function londiste.drop_table_fkey(i_from_table text, i_fkey_name text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: londiste.drop_table_fkey(2)
--
--      Drops a foreign key, keeping its definition in londiste.pending_fkeys
--      so that it can be created again.
--
-- Parameters:
--      i_from_table    - referencing table, fully qualified
--      i_fkey_name     - constraint name
--
-- Returns:
--      1 - dropped
--      0 - no such foreign key
-- ----------------------------------------------------------------------
declare
    fkey    record;
begin
    select * into fkey
      from londiste.find_table_fkeys(i_from_table) f
     where f.fkey_name = i_fkey_name
       and f.from_table = i_from_table;
    if not found then
        return 0;
    end if;

    insert into londiste.pending_fkeys (from_table, to_table, fkey_name, fkey_def)
        values (fkey.from_table, fkey.to_table, fkey.fkey_name, fkey.fkey_def);

    execute 'alter table only ' || londiste.quote_fqname(fkey.from_table)
         || ' drop constraint ' || quote_ident(fkey.fkey_name);
    return 1;
end;
$$ language plpgsql strict;
