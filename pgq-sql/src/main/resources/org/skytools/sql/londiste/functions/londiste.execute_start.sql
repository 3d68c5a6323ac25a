create or replace function londiste.execute_start(
    in i_queue_name text,
    in i_file_name text,
    in i_sql text,
    in i_expect_root boolean,
    in i_attrs text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.execute_start(5)
--
--      Starts applying an SQL script (EXECUTE), in the transaction that runs
--      it: on the root by the admin tool, elsewhere by the worker when the
--      EXECUTE event arrives.  A script runs once per database, whatever
--      the queue it comes through; concurrent runs of one file wait for
--      each other here.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_file_name     - name of the script, its identity
--      i_sql           - the script, kept for information and for the event
--      i_expect_root   - refuse unless this is the root
--      i_attrs         - urlencoded attributes, sent as ev_extra2
--
-- Returns:
--      200 - Go ahead
--      201 - Applied already, skip it
--      401 - Not the root
-- ----------------------------------------------------------------------
declare
    is_root boolean;
    added   integer;
begin
    is_root := pgq_node.is_root_node(i_queue_name);
    if i_expect_root and not is_root then
        select 401, 'Node is not root node: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;

    insert into londiste.applied_execute (queue_name, execute_file, execute_sql, execute_attrs)
        values (i_queue_name, i_file_name, i_sql, i_attrs)
        on conflict (execute_file) do nothing;
    get diagnostics added = row_count;
    if added = 0 then
        select 201, 'EXECUTE: "' || i_file_name || '" already applied, skipping'
          into ret_code, ret_note;
        return;
    end if;

    select 200, 'Executing: ' || i_file_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql;

create or replace function londiste.execute_start(
    in i_queue_name text,
    in i_file_name text,
    in i_sql text,
    in i_expect_root boolean,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.execute_start(4)
--
--      londiste.execute_start(5) without attributes.
-- ----------------------------------------------------------------------
begin
    select f.ret_code, f.ret_note into ret_code, ret_note
      from londiste.execute_start(i_queue_name, i_file_name, i_sql, i_expect_root, null) f;
    return;
end;
$$ language plpgsql;
