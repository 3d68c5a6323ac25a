create or replace function londiste.global_remove_table(
    in i_queue_name text,
    in i_table_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.global_remove_table(2)
--
--      Removes a table from the queue; nodes can no longer subscribe to
--      it.  Called by local_remove_table() on the root and by the worker
--      elsewhere when it sees londiste.remove-table, where the local
--      subscription goes first.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name
--
-- Returns:
--      200 - Ok
--      400 - The table is not in the queue
-- ----------------------------------------------------------------------
declare
    fq_table_name   text;
begin
    fq_table_name := londiste.make_fqname(i_table_name);
    if not pgq_node.is_root_node(i_queue_name) then
        perform londiste.local_remove_table(i_queue_name, fq_table_name);
    end if;

    -- the delete trigger drops the replication triggers
    delete from londiste.table_info
     where queue_name = i_queue_name
       and table_name = fq_table_name;
    if not found then
        select 400, 'Table not found: ' || fq_table_name into ret_code, ret_note;
        return;
    end if;

    select 200, 'Table removed: ' || i_table_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql strict;
