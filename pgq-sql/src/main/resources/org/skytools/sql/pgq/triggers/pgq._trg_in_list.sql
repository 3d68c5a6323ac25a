create or replace function pgq._trg_in_list(list text, name text)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_in_list(2)
--
--      Tells whether a column name appears in a trigger argument list
--      such as ignore=a,b or pkey=a,b.  An occurrence counts when it is
--      bounded on both sides by the list ends, a comma or white space.
--
-- Parameters:
--      list    - the list text after 'ignore=' or 'pkey='
--      name    - column name
-- ----------------------------------------------------------------------
declare
    pos     int4 := 1;
    hit     int4;
    len     int4 := length(name);
    seps    constant text := E', \t\n\r\f' || chr(11);
begin
    if len = 0 then
        return false;
    end if;
    loop
        hit := strpos(substr(list, pos), name);
        if hit = 0 then
            return false;
        end if;
        hit := pos + hit - 1;
        if (hit = 1 or strpos(seps, substr(list, hit - 1, 1)) > 0)
           and (hit + len > length(list) or strpos(seps, substr(list, hit + len, 1)) > 0)
        then
            return true;
        end if;
        pos := hit + len + 1;
    end loop;
end;
$$ language plpgsql immutable strict;
