create or replace function londiste.local_set_table_state(
    in i_queue_name text,
    in i_table_name text,
    in i_snapshot text,
    in i_merge_state text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_set_table_state(4)
--
--      Sets the copy state and the copy snapshot of a subscribed table.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name in the queue
--      i_snapshot      - txid snapshot of the copy, or NULL
--      i_merge_state   - new state
--
-- Returns:
--      200 - Ok
--      404 - The table is not subscribed here
-- ----------------------------------------------------------------------
declare
    fq_table_name   text;
begin
    fq_table_name := londiste.make_fqname(i_table_name);

    update londiste.table_info
       set custom_snapshot = i_snapshot,
           merge_state = i_merge_state
     where queue_name = i_queue_name
       and table_name = fq_table_name
       and local;
    if not found then
        select 404, 'No such table: ' || fq_table_name into ret_code, ret_note;
        return;
    end if;

    select 200, 'Table ' || fq_table_name || ' state set to '
                || coalesce(quote_literal(i_merge_state), 'NULL')
      into ret_code, ret_note;
    return;
end;
$$ language plpgsql;
