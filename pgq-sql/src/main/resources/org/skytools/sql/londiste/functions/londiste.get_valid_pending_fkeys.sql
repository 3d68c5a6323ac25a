create or replace function londiste.get_valid_pending_fkeys(i_queue_name text)
returns setof londiste.pending_fkeys as $$
-- ----------------------------------------------------------------------
-- Function: londiste.get_valid_pending_fkeys(1)
--
--      Dropped foreign keys that can be created again: both tables (by
--      local name) are in sync in this queue, state 'ok' and the copy
--      snapshot cleared.  A key to a table that is not replicated in the
--      queue stays dropped.
--
-- Parameters:
--      i_queue_name    - queue name
-- ----------------------------------------------------------------------
begin
    return query
        select f.*
          from londiste.pending_fkeys f
         where exists (select 1 from londiste.table_info t
                        where t.queue_name = i_queue_name
                          and coalesce(t.dest_table, t.table_name) = f.from_table
                          and t.merge_state = 'ok'
                          and t.custom_snapshot is null)
           and exists (select 1 from londiste.table_info t
                        where t.queue_name = i_queue_name
                          and coalesce(t.dest_table, t.table_name) = f.to_table
                          and t.merge_state = 'ok'
                          and t.custom_snapshot is null)
         order by 1, 2, 3;
end;
$$ language plpgsql strict stable;
