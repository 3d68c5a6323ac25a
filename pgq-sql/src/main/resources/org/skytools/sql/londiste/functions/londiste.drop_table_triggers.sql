create or replace function londiste.drop_table_triggers(
    in i_queue_name text,
    in i_table_name text)
returns void as $$
-- ----------------------------------------------------------------------
-- Function: londiste.drop_table_triggers(2)
--
--      Drops the replication triggers of one queue from a registered table:
--      every trigger on the destination table that calls a PgQ capture
--      function with this queue as first argument.  Trigger names do not
--      matter, so renamed and SKIP triggers go too.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name as registered in the queue
-- ----------------------------------------------------------------------
declare
    dest        text;
    dest_oid    oid;
    tg_name     text;
begin
    select coalesce(t.dest_table, t.table_name) into dest
      from londiste.table_info t
     where t.queue_name = i_queue_name
       and t.table_name = i_table_name;
    dest_oid := londiste.find_table_oid(dest);
    if dest_oid is null then
        return;
    end if;

    for tg_name in
        select tg.tgname
          from pg_catalog.pg_trigger tg
         where tg.tgrelid = dest_oid
           and not tg.tgisinternal
           and londiste.is_replica_func(tg.tgfoid)
           and (londiste._trigger_args(tg.tgargs))[1] = i_queue_name
         order by 1
    loop
        execute 'drop trigger ' || quote_ident(tg_name) || ' on ' || londiste.quote_fqname(dest);
    end loop;
end;
$$ language plpgsql strict;
