create or replace function londiste.local_set_table_struct(
    in i_queue_name text,
    in i_table_name text,
    in i_dropped_ddl text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_set_table_struct(3)
--
--      Keeps the DDL the lead of a merged copy dropped, until it is
--      restored; NULL when restored.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name in the queue
--      i_dropped_ddl   - statements that create the dropped objects again
--
-- Returns:
--      200 - Ok
--      404 - The table is not subscribed here
-- ----------------------------------------------------------------------
begin
    update londiste.table_info
       set dropped_ddl = i_dropped_ddl
     where queue_name = i_queue_name
       and table_name = i_table_name
       and local;
    if not found then
        select 404, 'no such local table: ' || i_table_name into ret_code, ret_note;
        return;
    end if;

    select 200, 'Table struct stored' into ret_code, ret_note;
    return;
end;
$$ language plpgsql;
