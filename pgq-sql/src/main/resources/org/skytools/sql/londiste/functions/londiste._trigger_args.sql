create or replace function londiste._trigger_args(i_tgargs bytea)
returns text[] as $$
-- ----------------------------------------------------------------------
-- Function: londiste._trigger_args(1)
--
--      The arguments of a trigger as text, from pg_trigger.tgargs, where
--      each argument is followed by a zero byte.
--
-- Parameters:
--      i_tgargs    - pg_trigger.tgargs
--
-- Returns:
--      the arguments; an empty array for none
-- ----------------------------------------------------------------------
declare
    rest    bytea := i_tgargs;
    pos     integer;
    res     text[] := '{}';
begin
    loop
        pos := position('\x00'::bytea in rest);
        exit when pos = 0;
        res := res || convert_from(substring(rest for pos - 1), current_setting('server_encoding'));
        rest := substring(rest from pos + 1);
    end loop;
    return res;
end;
$$ language plpgsql strict immutable;
