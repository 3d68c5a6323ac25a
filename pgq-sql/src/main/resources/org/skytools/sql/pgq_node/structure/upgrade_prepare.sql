-- Functions whose result columns differ in older pgq_node releases cannot be replaced in
-- place; they are dropped here and created again by the function files.  grants.sql gives
-- their privileges back.
do $$
begin
    -- target_for was added after 3.2.5
    if exists (select 1 from pg_catalog.pg_proc
                where oid = to_regprocedure('pgq_node.get_node_info(text)')
                  and not ('target_for' = any (proargnames)))
    then
        drop function pgq_node.get_node_info(text);
    end if;
end;
$$;
