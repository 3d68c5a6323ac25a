create or replace function londiste.local_remove_seq(
    in i_queue_name text,
    in i_seq_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_remove_seq(2)
--
--      Unsubscribes the local node from a sequence.  On the root the
--      sequence leaves the queue.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_seq_name      - sequence name
--
-- Returns:
--      200 - Ok
--      400 - Not in the queue (root)
--      404 - Not subscribed (other nodes)
-- ----------------------------------------------------------------------
declare
    fq_seq_name text;
begin
    fq_seq_name := londiste.make_fqname(i_seq_name);
    if pgq_node.is_root_node(i_queue_name) then
        select f.ret_code, f.ret_note into ret_code, ret_note
          from londiste.global_remove_seq(i_queue_name, fq_seq_name) f;
        return;
    end if;

    update londiste.seq_info
       set local = false
     where queue_name = i_queue_name
       and seq_name = fq_seq_name
       and local;
    if not found then
        select 404, 'Sequence not found: ' || fq_seq_name into ret_code, ret_note;
        return;
    end if;

    select 200, 'Sequence removed: ' || fq_seq_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql strict;
