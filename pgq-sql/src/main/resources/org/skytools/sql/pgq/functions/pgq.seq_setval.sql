create or replace function pgq.seq_setval(i_seq_name text, i_new_value int8)
returns bigint as $$
-- ----------------------------------------------------------------------
-- Function: pgq.seq_setval(2)
--
--      Moves a sequence forward to a value; never moves it back.
--
-- Parameters:
--      i_seq_name  - sequence name, "schema.name" or "name" (public)
--      i_new_value - wanted value
--
-- Returns:
--      The sequence's last value after the call.
-- ----------------------------------------------------------------------
declare
    cur int8;
begin
    cur := pgq.seq_getval(i_seq_name);
    if cur < i_new_value then
        perform setval(pgq.quote_fqname(i_seq_name), i_new_value);
        return i_new_value;
    end if;
    return cur;
end;
$$ language plpgsql strict;
