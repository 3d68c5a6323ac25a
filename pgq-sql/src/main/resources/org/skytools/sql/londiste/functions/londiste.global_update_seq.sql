create or replace function londiste.global_update_seq(
    in i_queue_name text,
    in i_seq_name text,
    in i_value int8,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.global_update_seq(3)
--
--      Stores a sequence value published by the root; called by the worker
--      when it sees londiste.update-seq.  A subscribed sequence is moved
--      forward to it, never back.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_seq_name      - sequence name
--      i_value         - published value
--
-- Returns:
--      200 - Ok
--      402 - Called on the root
--      404 - No such queue
-- ----------------------------------------------------------------------
declare
    n_type      text;
    fq_seq_name text;
    seq         record;
begin
    select node_type into n_type
      from pgq_node.node_info
     where queue_name = i_queue_name;
    if not found then
        select 404, 'Set not found: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;
    if n_type = 'root' then
        select 402, 'Must not run on root node' into ret_code, ret_note;
        return;
    end if;

    fq_seq_name := londiste.make_fqname(i_seq_name);
    select s.local into seq
      from londiste.seq_info s
     where s.queue_name = i_queue_name
       and s.seq_name = fq_seq_name
       for update;
    if not found then
        insert into londiste.seq_info (queue_name, seq_name, last_value)
            values (i_queue_name, fq_seq_name, i_value);
    else
        update londiste.seq_info
           set last_value = i_value
         where queue_name = i_queue_name
           and seq_name = fq_seq_name;
        if seq.local then
            perform pgq.seq_setval(fq_seq_name, i_value);
        end if;
    end if;

    select 200, 'Sequence updated' into ret_code, ret_note;
    return;
end;
$$ language plpgsql;
