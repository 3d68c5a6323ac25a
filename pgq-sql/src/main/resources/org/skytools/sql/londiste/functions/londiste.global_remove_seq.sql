create or replace function londiste.global_remove_seq(
    in i_queue_name text,
    in i_seq_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.global_remove_seq(2)
--
--      Removes a sequence from the queue.  Called by local_remove_seq() on
--      the root, where a londiste.remove-seq event tells the other nodes,
--      and by the worker elsewhere when it sees that event.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_seq_name      - sequence name
--
-- Returns:
--      200 - Ok
--      400 - The sequence is not in the queue
-- ----------------------------------------------------------------------
declare
    fq_seq_name text;
begin
    fq_seq_name := londiste.make_fqname(i_seq_name);
    delete from londiste.seq_info
     where queue_name = i_queue_name
       and seq_name = fq_seq_name;
    if not found then
        select 400, 'Sequence not found: ' || fq_seq_name into ret_code, ret_note;
        return;
    end if;

    if pgq_node.is_root_node(i_queue_name) then
        perform londiste.root_notify_change(i_queue_name, 'londiste.remove-seq', fq_seq_name);
    end if;

    select 200, 'Sequence removed: ' || fq_seq_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql strict;
