create or replace function londiste.local_show_missing(
    in i_queue_name text,
    out obj_kind text,
    out obj_name text)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_show_missing(1)
--
--      What could still be subscribed: on the root the local tables and
--      sequences that are not in the queue (system and SkyTools schemas
--      left out); elsewhere the queue's tables and sequences that are not
--      subscribed here.
--
-- Parameters:
--      i_queue_name    - queue name
--
-- Returns:
--      obj_kind    - 'r' table, 'S' sequence
--      obj_name    - fully qualified name
-- ----------------------------------------------------------------------
begin
    if pgq_node.is_root_node(i_queue_name) then
        return query
            select r.relkind::text, n.nspname || '.' || r.relname
              from pg_catalog.pg_class r
              join pg_catalog.pg_namespace n on (n.oid = r.relnamespace)
             where r.relkind in ('r', 'S')
               and n.nspname not in ('pgq', 'pgq_ext', 'pgq_node', 'pgq_coop', 'londiste',
                                     'pg_catalog', 'information_schema')
               and n.nspname !~ '^pg_(toast|temp)'
               and not exists (select 1 from londiste.table_info t
                                where t.queue_name = i_queue_name
                                  and t.local
                                  and coalesce(t.dest_table, t.table_name) = n.nspname || '.' || r.relname)
               and not exists (select 1 from londiste.seq_info s
                                where s.queue_name = i_queue_name
                                  and s.local
                                  and s.seq_name = n.nspname || '.' || r.relname)
             order by 1, 2;
    else
        return query
            select 'S'::text, s.seq_name
              from londiste.seq_info s
             where s.queue_name = i_queue_name
               and not s.local
            union all
            select 'r'::text, t.table_name
              from londiste.table_info t
             where t.queue_name = i_queue_name
               and not t.local
             order by 1, 2;
    end if;
end;
$$ language plpgsql strict stable;
