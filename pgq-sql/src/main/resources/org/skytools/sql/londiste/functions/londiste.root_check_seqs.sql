create or replace function londiste.root_check_seqs(
    in i_queue_name text,
    in i_buffer int8,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.root_check_seqs(2)
--
--      On the root: publishes the values of the queue's local sequences.
--      Sequences are pushed ahead of their use: when a sequence comes within
--      the buffer of the published value, real value + 3 * buffer is
--      published (a londiste.update-seq event), so that subscribers are
--      always ahead of the root.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_buffer        - safety room; NULL or below 10 means 10000
--
-- Returns:
--      100 - Ok
--      402 - Not the root
--      404 - No such queue
-- ----------------------------------------------------------------------
declare
    buf         int8;
    n_type      text;
    seq         record;
    real_value  int8;
    pub_value   int8;
begin
    buf := case when i_buffer is null or i_buffer < 10 then 10000 else i_buffer end;

    select node_type into n_type
      from pgq_node.node_info
     where queue_name = i_queue_name
       for update;
    if not found then
        select 404, 'Queue not found: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;
    if n_type <> 'root' then
        select 402, 'Not a root node' into ret_code, ret_note;
        return;
    end if;

    for seq in
        select s.seq_name, s.last_value
          from londiste.seq_info s
         where s.queue_name = i_queue_name
           and s.local
         order by s.nr
    loop
        execute 'select last_value from ' || londiste.quote_fqname(seq.seq_name) into real_value;
        if real_value + buf >= seq.last_value then
            pub_value := real_value + buf * 3;
            perform pgq.insert_event(i_queue_name, 'londiste.update-seq', pub_value::text,
                                     seq.seq_name, null, null, null);
            update londiste.seq_info
               set last_value = pub_value
             where queue_name = i_queue_name
               and seq_name = seq.seq_name;
        end if;
    end loop;

    select 100, 'Sequences updated' into ret_code, ret_note;
    return;
end;
$$ language plpgsql;

create or replace function londiste.root_check_seqs(
    in i_queue_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.root_check_seqs(1)
--
--      londiste.root_check_seqs(2) with a buffer of 10000; the ticker's
--      maintenance calls this one for root queues with sequences.
-- ----------------------------------------------------------------------
begin
    select f.ret_code, f.ret_note into ret_code, ret_note
      from londiste.root_check_seqs(i_queue_name, 10000) f;
    return;
end;
$$ language plpgsql;
