create or replace function londiste._coordinate_copy(
    in i_queue_name text,
    in i_table_name text,
    out copy_role text,
    out copy_pos int4)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste._coordinate_copy(2)
--
--      Coordinates the copy of a table that is merged from several source
--      queues into one destination table on this node.  The sources are
--      the local rows for the same destination table, not yet 'ok', in the
--      queues that share the combined queue (or that have none).  One of
--      them, the lead, drops the indexes and constraints once and keeps
--      them in dropped_ddl; it is the source that holds dropped DDL, else
--      the first by queue name.
--
--      lead        copy, dropping the DDL first; then in catching-up wait
--                  until every source has copied, and restore the DDL
--      wait-copy   wait before copying until the lead has dropped the DDL
--      wait-replay copy without touching the DDL; then wait in catching-up
--                  until the lead has restored it
--      NULL        nothing to coordinate
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name in the queue
--
-- Returns:
--      copy_role   - see above
--      copy_pos    - number of other sources, earlier by queue name, that are
--                    copying the same table now; with max_parallel_copy it
--                    limits the sources copying at the same time
-- ----------------------------------------------------------------------
declare
    tbl         record;
    lead_queue  text;
begin
    copy_role := null;
    copy_pos := 0;

    select t.merge_state, t.dropped_ddl,
           min(t2.queue_name) filter (where t2.local) as first_queue,
           min(t2.queue_name) filter (where t2.local and t2.dropped_ddl is not null) as ddl_queue,
           count(*) filter (where t2.local) as n_parts,
           count(*) filter (where t2.local and t2.merge_state <> 'in-copy') as n_done,
           count(*) filter (where t2.queue_name < i_queue_name
                              and t.merge_state = 'in-copy'
                              and t2.merge_state = 'in-copy') as n_before
      into tbl
      from londiste.table_info t
      join pgq_node.node_info n on (n.queue_name = t.queue_name)
      left join pgq_node.node_info n2
             on (n2.combined_queue = n.combined_queue
                 or (n2.combined_queue is null and n.combined_queue is null))
      left join londiste.table_info t2
             on (t2.queue_name = n2.queue_name
                 and coalesce(t2.dest_table, t2.table_name) = coalesce(t.dest_table, t.table_name)
                 and (t2.merge_state is null or t2.merge_state <> 'ok'))
     where t.queue_name = i_queue_name
       and t.table_name = i_table_name
     group by t.merge_state, t.dropped_ddl;
    if not found then
        return;
    end if;

    copy_pos := tbl.n_before;

    -- a source that dropped the DDL leads, even if it joined late
    lead_queue := coalesce(tbl.ddl_queue, tbl.first_queue);
    if tbl.n_parts = 1 then
        lead_queue := null;
    end if;
    if lead_queue is null then
        return;
    end if;

    if i_queue_name = lead_queue then
        if tbl.merge_state = 'in-copy' then
            if tbl.dropped_ddl is null and tbl.n_done > 0 then
                -- joined after others finished copying: copy with the DDL in place
                copy_role := 'wait-replay';
            elsif tbl.n_done < tbl.n_parts then
                copy_role := 'lead';
            end if;
            -- the lead never waits for a free copy slot
            copy_pos := 0;
        elsif tbl.merge_state = 'catching-up' and tbl.dropped_ddl is not null then
            if tbl.n_done < tbl.n_parts then
                copy_role := 'wait-replay';
            end if;
        end if;
    else
        if tbl.merge_state = 'in-copy' then
            if tbl.ddl_queue is not null or tbl.n_done > 0 then
                copy_role := 'wait-replay';
            else
                copy_role := 'wait-copy';
            end if;
        elsif tbl.merge_state = 'catching-up' and tbl.ddl_queue is not null then
            copy_role := 'wait-replay';
        end if;
    end if;
    return;
end;
$$ language plpgsql strict stable;
