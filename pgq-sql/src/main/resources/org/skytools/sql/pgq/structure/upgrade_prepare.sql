-- Functions whose result columns differ in older pgq releases cannot be replaced in place;
-- they are dropped here and created again by the function files.  Their grants are applied
-- again by grants.sql.
do $$
begin
    if exists (select 1 from pg_catalog.pg_proc
                where oid = to_regprocedure('pgq.get_queue_info(text)')
                  and not ('last_tick_id' = any (proargnames)))
    then
        drop function pgq.get_queue_info(text);
        drop function if exists pgq.get_queue_info();
    end if;
end;
$$;
