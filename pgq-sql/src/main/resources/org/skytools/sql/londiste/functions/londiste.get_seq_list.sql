create or replace function londiste.get_seq_list(
    in i_queue_name text,
    out seq_name text,
    out last_value int8,
    out local boolean)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.get_seq_list(1)
--
--      Sequences of the queue.
--
-- Parameters:
--      i_queue_name    - queue name
--
-- Returns:
--      seq_name    - fully qualified sequence name
--      last_value  - last value the root published
--      local       - whether the sequence is kept up to date here
-- ----------------------------------------------------------------------
begin
    return query
        select s.seq_name, s.last_value, s.local
          from londiste.seq_info s
         where s.queue_name = i_queue_name
         order by s.nr, s.seq_name;
end;
$$ language plpgsql strict;
