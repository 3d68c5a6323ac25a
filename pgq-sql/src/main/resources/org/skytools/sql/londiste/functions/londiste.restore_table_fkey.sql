create or replace function londiste.restore_table_fkey(i_from_table text, i_fkey_name text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: londiste.restore_table_fkey(2)
--
--      Creates a dropped foreign key again from londiste.pending_fkeys and
--      forgets it there.
--
-- Parameters:
--      i_from_table    - referencing table, fully qualified
--      i_fkey_name     - constraint name
--
-- Returns:
--      1 - created
--      0 - no such pending foreign key
-- ----------------------------------------------------------------------
declare
    fkey    record;
begin
    select * into fkey
      from londiste.pending_fkeys f
     where f.fkey_name = i_fkey_name
       and f.from_table = i_from_table
       for update;
    if not found then
        return 0;
    end if;

    execute fkey.fkey_def;

    delete from londiste.pending_fkeys
     where from_table = fkey.from_table
       and fkey_name = fkey.fkey_name;
    return 1;
end;
$$ language plpgsql strict;
