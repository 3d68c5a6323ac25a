create or replace function pgq._trg_expr_sql(cols text[], expr text, rowref text)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_expr_sql(3)
--
--      Rewrites a trigger argument expression (ev_type=, ev_extra1=, when=
--      and the like) so that it can be run with the row as parameter $1:
--      every bare word that is exactly the name of a table column becomes
--      a reference to that field of the row.  Strings, quoted identifiers,
--      comments, numbers and dotted names are left alone, as the
--      original trigger's small SQL tokenizer does.
--
-- Parameters:
--      cols    - live column names of the table, in attribute order
--      expr    - expression text from the trigger argument
--      rowref  - SQL text for the row, like '($1)'
--
-- Returns:
--      The rewritten expression.
-- ----------------------------------------------------------------------
declare
    res     text := '';
    n       int4 := length(expr);
    p       int4 := 1;
    s       int4;
    ch      text;
    nx      text;
    lvl     int4;
    tag     text;
    word    text;
    stdstr  boolean := current_setting('standard_conforming_strings') = 'on';
    spaces  constant text := E' \t\n\r\f' || chr(11);
begin
    while p <= n loop
        s := p;
        ch := substr(expr, p, 1);
        nx := substr(expr, p + 1, 1);
        if strpos(spaces, ch) > 0 or (ch = '-' and nx = '-') or (ch = '/' and nx = '*') then
            -- whitespace and comments
            loop
                ch := substr(expr, p, 1);
                nx := substr(expr, p + 1, 1);
                if ch = '-' and nx = '-' then
                    while p <= n and substr(expr, p, 1) <> E'\n' loop
                        p := p + 1;
                    end loop;
                elsif ch = '/' and nx = '*' then
                    lvl := 1;
                    p := p + 2;
                    while lvl > 0 loop
                        if p > n then
                            raise exception 'QB: syntax error';
                        elsif substr(expr, p, 2) = '*/' then
                            lvl := lvl - 1;
                            p := p + 2;
                        elsif substr(expr, p, 2) = '/*' then
                            lvl := lvl + 1;
                            p := p + 2;
                        else
                            p := p + 1;
                        end if;
                    end loop;
                elsif ch <> '' and strpos(spaces, ch) > 0 then
                    while p <= n and strpos(spaces, substr(expr, p, 1)) > 0 loop
                        p := p + 1;
                    end loop;
                else
                    exit;
                end if;
            end loop;
            res := res || substr(expr, s, p - s);
        elsif (ch = '''' and not stdstr) or (ch in ('E', 'e') and nx = '''') then
            -- string with backslash escapes
            p := p + case when ch = '''' then 1 else 2 end;
            loop
                if p > n then
                    raise exception 'QB: syntax error';
                end if;
                ch := substr(expr, p, 1);
                if ch = '''' then
                    exit when substr(expr, p + 1, 1) <> '''';
                    p := p + 1;
                elsif ch = '\' then
                    if p + 1 > n then
                        raise exception 'QB: syntax error';
                    end if;
                    p := p + 1;
                end if;
                p := p + 1;
            end loop;
            p := p + 1;
            res := res || substr(expr, s, p - s);
        elsif ch = '''' then
            -- standard string
            p := p + 1;
            loop
                if p > n then
                    raise exception 'QB: syntax error';
                end if;
                if substr(expr, p, 1) = '''' then
                    exit when substr(expr, p + 1, 1) <> '''';
                    p := p + 1;
                end if;
                p := p + 1;
            end loop;
            p := p + 1;
            res := res || substr(expr, s, p - s);
        elsif ch ~ '^[A-Za-z_]$' then
            -- words, possibly dotted and with quoted parts
            loop
                while p <= n and substr(expr, p, 1) ~ '^[A-Za-z0-9_.]$' loop
                    p := p + 1;
                end loop;
                exit when substr(expr, p, 1) <> '"';
                p := p + 1;
                loop
                    if p > n then
                        raise exception 'QB: syntax error';
                    end if;
                    if substr(expr, p, 1) = '"' then
                        exit when substr(expr, p + 1, 1) <> '"';
                        p := p + 1;
                    end if;
                    p := p + 1;
                end loop;
                p := p + 1;
            end loop;
            word := substr(expr, s, p - s);
            if word = any (cols) then
                res := res || rowref || '.' || quote_ident(word);
            else
                res := res || word;
            end if;
        elsif ch ~ '^[0-9]$' or (ch = '.' and nx ~ '^[0-9]$') then
            -- number
            while p <= n loop
                ch := substr(expr, p, 1);
                if ch ~ '^[0-9.]$' then
                    p := p + 1;
                elsif ch in ('e', 'E') and substr(expr, p + 1, 1) ~ '^[-+.0-9]$' then
                    p := p + 2;
                else
                    exit;
                end if;
            end loop;
            res := res || substr(expr, s, p - s);
        elsif ch = '$' then
            if nx ~ '^[0-9]$' then
                -- positional parameter: never a column
                p := p + 2;
                while p <= n and substr(expr, p, 1) ~ '^[0-9]$' loop
                    p := p + 1;
                end loop;
            elsif nx ~ '^[A-Za-z_$]$' then
                -- dollar quoting
                lvl := strpos(substr(expr, p + 1), '$');
                if lvl = 0 then
                    raise exception 'QB: syntax error';
                end if;
                tag := substr(expr, p, lvl + 1);
                lvl := strpos(substr(expr, p + length(tag)), tag);
                if lvl = 0 then
                    raise exception 'QB: syntax error';
                end if;
                p := p + length(tag) + lvl - 1 + length(tag);
            else
                raise exception 'QB: syntax error';
            end if;
            res := res || substr(expr, s, p - s);
        elsif ch = '.' then
            raise exception 'QB: syntax error';
        else
            res := res || ch;
            p := p + 1;
        end if;
    end loop;
    return res;
end;
$$ language plpgsql stable;
