create or replace function pgq._trg_eq(mode text, a text, b text)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_eq(3)
--
--      Compares the text forms of an old and a new column value whose
--      texts differ, with the equality operator of the column's type, so
--      that for example numeric 1.0 and 1.00 count as unchanged, as they
--      do for the original triggers.
--
-- Parameters:
--      mode    - comparison kind chosen by pgq._trg_build:
--                N numeric, F float8, f float4, I interval, C bpchar,
--                X<sql> any other type (sql compares $1 and $2)
--      a, b    - old and new value text, both not NULL
-- ----------------------------------------------------------------------
declare
    res     boolean;
begin
    case left(mode, 1)
        when 'N' then return a::numeric = b::numeric;
        when 'F' then return a::float8 = b::float8;
        when 'f' then return a::float4 = b::float4;
        when 'I' then return a::interval = b::interval;
        when 'C' then return a::bpchar = b::bpchar;
        else
            execute substr(mode, 2) into res using a, b;
            return coalesce(res, false);
    end case;
end;
$$ language plpgsql stable strict;
