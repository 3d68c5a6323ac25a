create or replace function londiste.local_add_seq(
    in i_queue_name text,
    in i_seq_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_add_seq(2)
--
--      Subscribes the local node to a sequence.  On the root the sequence
--      joins the queue and its value is published at once; elsewhere it
--      must be known from the provider, and the local sequence moves
--      forward to the last published value.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_seq_name      - sequence name
--
-- Returns:
--      200 - Ok
--      201 - Added already
--      400 - No such sequence here
--      404 - The sequence is not in the queue
-- ----------------------------------------------------------------------
declare
    fq_seq_name text;
    seq         record;
    known       boolean;
begin
    fq_seq_name := londiste.make_fqname(i_seq_name);
    if londiste.find_seq_oid(fq_seq_name) is null then
        select 400, 'Sequence not found: ' || fq_seq_name into ret_code, ret_note;
        return;
    end if;

    select s.local, s.last_value into seq
      from londiste.seq_info s
     where s.queue_name = i_queue_name
       and s.seq_name = fq_seq_name
       for update;
    known := found;
    if known and seq.local then
        select 201, 'Sequence already added: ' || fq_seq_name into ret_code, ret_note;
        return;
    end if;

    if pgq_node.is_root_node(i_queue_name) then
        if known then
            update londiste.seq_info set local = true
             where queue_name = i_queue_name
               and seq_name = fq_seq_name;
        else
            insert into londiste.seq_info (queue_name, seq_name, local, last_value)
                values (i_queue_name, fq_seq_name, true, 0);
        end if;
        perform * from londiste.root_check_seqs(i_queue_name);
    else
        if not known then
            select 404, 'Unknown sequence: ' || fq_seq_name into ret_code, ret_note;
            return;
        end if;
        update londiste.seq_info set local = true
         where queue_name = i_queue_name
           and seq_name = fq_seq_name;
        perform pgq.seq_setval(fq_seq_name, seq.last_value);
    end if;

    select 200, 'Sequence added: ' || fq_seq_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql;
