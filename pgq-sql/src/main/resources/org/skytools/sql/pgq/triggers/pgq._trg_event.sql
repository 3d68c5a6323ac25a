create or replace function pgq._trg_split(rowtext text)
returns text[] as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_split(1)
--
--      Splits the text form of a row, as produced by record output, into
--      its field tokens.  Field texts are the output of each column type,
--      quoted when needed; a NULL field is an empty token.  The array has
--      one empty element more than the row has fields.  Needs a row text
--      without chr(1), which is used as the separator.
-- ----------------------------------------------------------------------
    select pg_catalog.string_to_array(
               pg_catalog.regexp_replace(substr($1, 2, length($1) - 2) || ',',
                                         '("(?:[^"]|"")*"|[^,"]*),', E'\\1\x01', 'g'),
               E'\x01');
$$ language sql immutable strict;

create or replace function pgq._trg_split_slow(rowtext text)
returns text[] as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_split_slow(1)
--
--      Same as pgq._trg_split(), for row texts that contain chr(1).
-- ----------------------------------------------------------------------
    select array_agg(m[1] order by nr) || array['']
      from pg_catalog.regexp_matches(substr($1, 2, length($1) - 2) || ',',
                                     '("(?:[^"]|"")*"|[^,"]*),', 'g') with ordinality as r(m, nr);
$$ language sql immutable strict;

create or replace function pgq._trg_unquote(tok text)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_unquote(1)
--
--      Turns a field token of pgq._trg_split() back into the value text:
--      empty means NULL, quoted tokens lose the quotes and the doubling
--      of '"' and '\'.
-- ----------------------------------------------------------------------
    select case when $1 = '' then null
                when left($1, 1) = '"'
                    then replace(replace(substr($1, 2, length($1) - 2), '""', '"'), '\\', '\')
                else $1 end;
$$ language sql immutable;

create or replace function pgq._trg_event(c text[], op text, nrow text, orow text,
                                          njs json, ojs json)
returns text[] as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_event(6)
--
--      Builds the event of one row change for the capture triggers from
--      the text form of the new and the old row.
--
-- Parameters:
--      c           - trigger entry from pgq._trg_entry()
--      op          - I, U, D or R
--      nrow, orow  - NEW::text and OLD::text (NULL when absent)
--      njs, ojs    - to_json(NEW) and to_json(OLD), only for jsontriga on
--                    tables with date and time columns
--
-- Returns:
--      {ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4};
--      NULL when the change must not be logged; {!} when a row does not
--      match the cached structure.
-- ----------------------------------------------------------------------
declare
    kind        text := left(c[1], 1);
    flags       text := c[4];
    ncols       int4 := c[8]::int4;
    nv          text[];
    ov          text[];
    mv          text[];
    mjs         json;
    ev          text[];
    parts       text[] := '{}';
    bparts      text[] := '{}';
    wparts      text[] := '{}';
    has_ignore  boolean;
    ignored     int4 := 0;
    b           int4;
    fl          text;
    v           text;
    o           text;
    same        boolean;
    j           int4;
begin
    ev := array[null, null, c[5], null, null, null];
    if op = 'R' then
        if kind = 'J' then
            ev[1] := '{"op":"TRUNCATE"' || c[7];
            ev[2] := '{}';
        else
            ev[1] := 'R';
            ev[2] := '';
        end if;
        return ev;
    end if;

    if nrow is not null then
        nv := case when strpos(nrow, E'\x01') = 0 then pgq._trg_split(nrow)
                   else pgq._trg_split_slow(nrow) end;
        if coalesce(array_length(nv, 1), 0) <> ncols + 1 and ncols > 0 then
            return array['!'];
        end if;
    end if;
    if orow is not null then
        ov := case when strpos(orow, E'\x01') = 0 then pgq._trg_split(orow)
                   else pgq._trg_split_slow(orow) end;
        if coalesce(array_length(ov, 1), 0) <> ncols + 1 and ncols > 0 then
            return array['!'];
        end if;
    end if;
    if op = 'D' then
        mv := ov;
        mjs := ojs;
    else
        mv := nv;
        mjs := njs;
    end if;

    -- UPDATE: which columns changed, and may the event be skipped?
    if op = 'U' then
        has_ignore := strpos(flags, 'I') > 0;
        for j in 0 .. ncols - 1 loop
            b := 18 + j * 7;
            fl := c[b];
            -- logutriga and jsontriga look at key columns, and at all
            -- columns when an ignore list is given; sqltriga at all
            continue when kind <> 'S' and strpos(fl, 'k') = 0 and not has_ignore;
            o := pgq._trg_unquote(ov[j + 1]);
            v := pgq._trg_unquote(nv[j + 1]);
            if o is null and v is null then
                same := true;
            elsif o is null or v is null then
                same := false;
            elsif o = v then
                same := true;
            elsif c[b + 6] = '' then
                same := false;
            else
                same := pgq._trg_eq(c[b + 6], o, v);
            end if;
            continue when same;
            if strpos(fl, 'k') > 0 then
                raise exception 'primary key update not allowed';
            end if;
            if strpos(fl, 'i') > 0 or left(fl, 1) = 'm' then
                ignored := ignored + 1;
                continue;
            end if;
            if kind <> 'S' then
                -- a logged column changed
                ignored := 0;
                exit;
            end if;
            parts := parts || (c[b + 3] || '=' || coalesce(quote_literal(v), 'NULL'));
        end loop;
        if ignored > 0 and coalesce(array_length(parts, 1), 0) = 0 then
            return null;
        end if;
    end if;

    -- event data
    if kind = 'S' then
        if op = 'I' then
            for j in 0 .. ncols - 1 loop
                b := 18 + j * 7;
                continue when strpos(c[b], 'i') > 0 or left(c[b], 1) = 'm';
                bparts := bparts || c[b + 3];
                wparts := wparts || coalesce(quote_literal(pgq._trg_unquote(nv[j + 1])), 'null');
            end loop;
            ev[2] := '(' || array_to_string(bparts, ',') || ') values ('
                     || array_to_string(wparts, ',') || ')';
        else
            if op = 'U' and coalesce(array_length(parts, 1), 0) = 0 then
                -- nothing changed: set the first key column to itself
                j := c[16]::int4;
                v := pgq._trg_unquote(ov[j + 1]);
                if j < 0 or v is null then
                    raise exception 'logtriga: Unexpected NULL key value';
                end if;
                parts := array[c[18 + j * 7 + 3] || '=' || quote_literal(v)];
            end if;
            for j in 0 .. ncols - 1 loop
                b := 18 + j * 7;
                continue when strpos(c[b], 'k') = 0;
                v := pgq._trg_unquote(ov[j + 1]);
                if v is null then
                    raise exception 'logtriga: Unexpected NULL key value';
                end if;
                wparts := wparts || (c[b + 3] || '=' || quote_literal(v));
            end loop;
            if op = 'U' then
                ev[2] := array_to_string(parts, ',') || ' where ' || array_to_string(wparts, ' and ');
            else
                ev[2] := array_to_string(wparts, ' and ');
            end if;
        end if;
        ev[1] := op;
    elsif kind = 'J' then
        ev[1] := '{"op":"' || case op when 'I' then 'INSERT' when 'U' then 'UPDATE' else 'DELETE' end
                 || '"' || c[7];
        ev[2] := pgq._trg_json_row(c, mv, mjs);
    else
        ev[1] := op || ':' || c[6];
        ev[2] := pgq._trg_urlenc_row(c, mv);
    end if;

    -- old row into ev_extra2
    if op = 'U' and strpos(flags, 'B') > 0 then
        if kind = 'J' then
            ev[4] := pgq._trg_json_row(c, ov, ojs);
        else
            ev[4] := pgq._trg_urlenc_row(c, ov);
        end if;
    end if;

    -- deprecated _pgq_ev_* columns override event fields
    if strpos(flags, 'M') > 0 then
        for j in 0 .. ncols - 1 loop
            b := 18 + j * 7;
            continue when left(c[b], 1) <> 'm';
            if c[b] = 'm?' then
                raise exception 'Unknown magic column: %', c[b + 1];
            end if;
            ev[substr(c[b], 2)::int4] := pgq._trg_unquote(mv[j + 1]);
        end loop;
    end if;
    return ev;
end;
$$ language plpgsql volatile;

create or replace function pgq._trg_urlenc_row(c text[], tokens text[])
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_urlenc_row(2)
--
--      Urlencoded row for logutriga (and backups): name=value pairs of
--      the logged columns joined with '&', a NULL value as the bare name.
-- ----------------------------------------------------------------------
declare
    parts   text[] := '{}';
    b       int4;
    v       text;
begin
    for j in 0 .. c[8]::int4 - 1 loop
        b := 18 + j * 7;
        continue when strpos(c[b], 'i') > 0 or left(c[b], 1) = 'm';
        v := pgq._trg_unquote(tokens[j + 1]);
        if v is null then
            parts := parts || c[b + 2];
        elsif v ~ '^[-0-9A-Za-z_.]*$' then
            parts := parts || (c[b + 2] || '=' || v);
        else
            parts := parts || (c[b + 2] || '=' || pgq._trg_urlencode(v));
        end if;
    end loop;
    return array_to_string(parts, '&');
end;
$$ language plpgsql immutable;

create or replace function pgq._trg_json_row(c text[], tokens text[], js json)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_json_row(3)
--
--      JSON row for jsontriga: an object of the logged columns in table
--      order; bool as true/false, int2/int4/int8 as bare numbers, date,
--      timestamp and timestamptz in ISO 8601 form (taken from to_json()
--      of the row), everything else as a string of the type output.
-- ----------------------------------------------------------------------
declare
    parts   text[] := '{}';
    b       int4;
    v       text;
begin
    for j in 0 .. c[8]::int4 - 1 loop
        b := 18 + j * 7;
        continue when strpos(c[b], 'i') > 0 or left(c[b], 1) = 'm';
        v := pgq._trg_unquote(tokens[j + 1]);
        if v is null then
            v := 'null';
        else
            case c[b + 5]
                when 'n' then
                    null;
                when 'b' then
                    v := case v when 't' then 'true' else 'false' end;
                when 't' then
                    v := (js -> c[b + 1])::text;
                else
                    v := pg_catalog.to_json(v)::text;
            end case;
        end if;
        parts := parts || (c[b + 4] || ':' || v);
    end loop;
    return '{' || array_to_string(parts, ',') || '}';
end;
$$ language plpgsql immutable;
