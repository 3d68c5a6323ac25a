create or replace function pgq._trg_urlencode(val text)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_urlencode(1)
--
--      Urlencodes a value the way the capture triggers do: every byte
--      of the server encoding except [0-9A-Za-z_.-] becomes %xx with
--      lower-case hex digits, and space becomes '+'.
--
-- Parameters:
--      val     - text to encode (NULL gives NULL)
--
-- Returns:
--      Encoded text.
-- ----------------------------------------------------------------------
declare
    res     text;
    ch      text;
begin
    if val ~ '^[-0-9A-Za-z_.]*$' then
        return val;
    end if;
    -- '%' first, so that the escapes added below are never escaped again;
    -- '+' before spaces turn into '+'.
    res := replace(replace(val, '%', '%25'), '+', '%2b');
    -- one replace() per distinct unsafe character
    loop
        ch := substring(res from '[^-0-9A-Za-z_.% ]');
        exit when ch is null;
        if ascii(ch) < 128 then
            res := replace(res, ch, '%' || lpad(to_hex(ascii(ch)), 2, '0'));
        else
            res := replace(res, ch, regexp_replace(
                        encode(convert_to(ch, pg_catalog.getdatabaseencoding()), 'hex'),
                        '(..)', '%\1', 'g'));
        end if;
    end loop;
    return replace(res, ' ', '+');
end;
$$ language plpgsql immutable strict;
