create or replace function londiste.global_add_table(
    in i_queue_name text,
    in i_table_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.global_add_table(2)
--
--      Registers a table in the queue: its events appear in the queue and
--      nodes can subscribe to it.  Called by local_add_table() on the root
--      and by the worker elsewhere when it sees londiste.add-table.  A
--      merge-leaf also registers it in its combined queue.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name
--
-- Returns:
--      200 - Ok, also when it was registered already
--      400 - No such queue
-- ----------------------------------------------------------------------
declare
    fq_table_name   text;
    cqueue          text;
begin
    fq_table_name := londiste.make_fqname(i_table_name);

    select n.combined_queue into cqueue
      from pgq_node.node_info n
     where n.queue_name = i_queue_name
       for update;
    if not found then
        select 400, 'No such queue: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;

    perform 1 from londiste.table_info
     where queue_name = i_queue_name
       and table_name = fq_table_name;
    if found then
        select 200, 'Table already added: ' || fq_table_name into ret_code, ret_note;
        return;
    end if;

    begin
        insert into londiste.table_info (queue_name, table_name)
            values (i_queue_name, fq_table_name);
    exception when unique_violation then
        -- added at the same time by another connection (admin and worker)
        select 200, 'Table already added: ' || i_table_name into ret_code, ret_note;
        return;
    end;

    if cqueue is not null then
        perform londiste.global_add_table(cqueue, i_table_name);
    end if;

    select 200, 'Table added: ' || i_table_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql strict;
