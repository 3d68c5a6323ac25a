create or replace function londiste.find_seq_oid(seq text)
returns oid as $$
-- ----------------------------------------------------------------------
-- Function: londiste.find_seq_oid(1)
--
--      Oid of a sequence by name.
--
-- Parameters:
--      seq - sequence name, "schema.name" or "name" (public)
--
-- Returns:
--      the oid, NULL if there is no such sequence
-- ----------------------------------------------------------------------
begin
    return londiste.find_rel_oid(seq, 'S');
end;
$$ language plpgsql strict stable;
