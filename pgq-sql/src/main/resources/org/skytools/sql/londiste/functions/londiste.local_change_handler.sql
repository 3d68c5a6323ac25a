create or replace function londiste.local_change_handler(
    in i_queue_name text,
    in i_table_name text,
    in i_trg_args text[],
    in i_table_attrs text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_change_handler(4)
--
--      Replaces the attributes (the handler) of a subscribed table and
--      rebuilds its replication trigger with the new arguments.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name in the queue
--      i_trg_args      - trigger arguments, see londiste.create_trigger()
--      i_table_attrs   - urlencoded table attributes
--
-- Returns:
--      200 - Ok
--      400 - No such queue
--      404 - The table is not subscribed here
-- ----------------------------------------------------------------------
declare
    fq_table_name   text;
    dest            text;
    descr           text;
    node            record;
    tg              record;
begin
    fq_table_name := londiste.make_fqname(i_table_name);

    select * into node from pgq_node.get_node_info(i_queue_name);
    if node.ret_code >= 400 then
        select 400, 'No such set: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;

    select f.ret_code, f.ret_note into ret_code, ret_note
      from londiste.local_set_table_attrs(i_queue_name, fq_table_name, i_table_attrs) f;
    if ret_code <> 200 then
        return;
    end if;

    select coalesce(t.dest_table, t.table_name) into dest
      from londiste.table_info t
     where t.queue_name = i_queue_name
       and t.table_name = fq_table_name;
    if dest = fq_table_name then
        descr := fq_table_name;
    else
        descr := fq_table_name || '(' || dest || ')';
    end if;

    select * into tg
      from londiste.create_trigger(i_queue_name, fq_table_name, i_trg_args, dest, node.node_type);
    if tg.ret_code > 299 then
        select tg.ret_code, 'Trigger creation failed for table ' || descr || ': ' || tg.ret_note
          into ret_code, ret_note;
        return;
    elsif tg.ret_code = 201 then
        select 200, 'Table handler updated with no triggers: ' || descr into ret_code, ret_note;
        return;
    end if;

    select 200, 'Handler changed for table: ' || descr into ret_code, ret_note;
    return;
end;
$$ language plpgsql;
