-- Functions whose result columns differ in older londiste releases cannot be replaced in
-- place; they are dropped here and created again by the function files.  grants.sql gives
-- their privileges back.
do $$
begin
    -- copy_role, copy_pos and dest_table came in 3.1 and 3.2
    if exists (select 1 from pg_catalog.pg_proc
                where oid = to_regprocedure('londiste.get_table_list(text)')
                  and not ('dest_table' = any (proargnames)))
    then
        drop function londiste.get_table_list(text);
    end if;
end;
$$;
