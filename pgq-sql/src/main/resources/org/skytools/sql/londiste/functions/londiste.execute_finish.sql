create or replace function londiste.execute_finish(
    in i_queue_name text,
    in i_file_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.execute_finish(2)
--
--      Finishes applying an SQL script, at the end of the transaction that
--      ran it.  On the root an EXECUTE event carries the script down the
--      cascade: ev_data the SQL, ev_extra1 the file name, ev_extra2 the
--      attributes.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_file_name     - name of the script
--
-- Returns:
--      200 - Ok
--      404 - execute_start() was not called for the file
-- ----------------------------------------------------------------------
declare
    ex      record;
begin
    select e.execute_sql, e.execute_attrs into ex
      from londiste.applied_execute e
     where e.execute_file = i_file_name;
    if not found then
        select 404, 'execute_file called without execute_start' into ret_code, ret_note;
        return;
    end if;

    if pgq_node.is_root_node(i_queue_name) then
        perform pgq.insert_event(i_queue_name, 'EXECUTE', ex.execute_sql, i_file_name,
                                 ex.execute_attrs, null, null);
    end if;

    select 200, 'Execute finished: ' || i_file_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql strict;
