create or replace function londiste.local_set_table_attrs(
    in i_queue_name text,
    in i_table_name text,
    in i_table_attrs text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_set_table_attrs(3)
--
--      Replaces the attributes of a subscribed table.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name in the queue
--      i_table_attrs   - urlencoded attributes
--
-- Returns:
--      200 - Ok
--      404 - The table is not subscribed here
-- ----------------------------------------------------------------------
begin
    update londiste.table_info
       set table_attrs = i_table_attrs
     where queue_name = i_queue_name
       and table_name = i_table_name
       and local;
    if not found then
        select 404, 'no such local table: ' || i_table_name into ret_code, ret_note;
        return;
    end if;

    select 200, i_table_name || ': Table attributes stored' into ret_code, ret_note;
    return;
end;
$$ language plpgsql;
