create or replace function londiste.get_table_list(
    in i_queue_name text,
    out table_name text,
    out local boolean,
    out merge_state text,
    out custom_snapshot text,
    out table_attrs text,
    out dropped_ddl text,
    out copy_role text,
    out copy_pos int4,
    out dest_table text)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.get_table_list(1)
--
--      Tables of the queue and their local state.
--
-- Parameters:
--      i_queue_name    - queue name
--
-- Returns:
--      table_name      - fully qualified name in the queue
--      local           - whether the table is replicated here
--      merge_state     - copy state (NULL, in-copy, catching-up,
--                        wanna-sync:<tick>, do-sync:<tick>, ok)
--      custom_snapshot - snapshot of the copy
--      table_attrs     - urlencoded table attributes
--      dropped_ddl     - DDL dropped by the lead of a merged copy
--      copy_role       - merged copies: lead, wait-copy, wait-replay or NULL,
--                        see londiste._coordinate_copy()
--      copy_pos        - merged copies: earlier sources copying now
--      dest_table      - local table name when it differs
-- ----------------------------------------------------------------------
begin
    return query
        select t.table_name, t.local, t.merge_state, t.custom_snapshot, t.table_attrs,
               t.dropped_ddl, c.copy_role, coalesce(c.copy_pos, 0), t.dest_table
          from londiste.table_info t
          left join lateral londiste._coordinate_copy(t.queue_name, t.table_name) c
                 on (t.merge_state in ('in-copy', 'catching-up'))
         where t.queue_name = i_queue_name
         order by t.nr, t.table_name;
end;
$$ language plpgsql strict stable;
