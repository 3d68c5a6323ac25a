create or replace function pgq._trg_split(rowtext text, ncols int4)
returns text[] as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_split(2)
--
--      Splits the text form of a row, as produced by record output, into
--      its field tokens: the output text of each column type, in double
--      quotes when it holds special characters (a '"' or '\' inside is
--      doubled), empty for NULL.  The triggers split a row on ',' by
--      themselves and call this only when a value contains a comma: the
--      pieces of a quoted field are joined again until its quotes pair up.
--
-- Parameters:
--      rowtext - the row text
--      ncols   - number of fields the row must have
--
-- Returns:
--      The tokens, or NULL when the row does not have ncols fields.
-- ----------------------------------------------------------------------
declare
    pieces  text[];
    res     text[] := '{}';
    p       text;
    start   int4 := 0;
    quotes  int4 := 0;
begin
    if rowtext = '()' then
        -- no columns, or one column that is NULL
        return case ncols when 0 then '{}'::text[] when 1 then array[''] end;
    end if;
    pieces := string_to_array(substr(rowtext, 2, length(rowtext) - 2), ',');
    for i in 1 .. coalesce(array_length(pieces, 1), 0) loop
        p := pieces[i];
        if start = 0 then
            if left(p, 1) <> '"' then
                -- an unquoted field has no '"' and no ','
                res := res || p;
                continue;
            end if;
            start := i;
            quotes := 0;
        end if;
        quotes := quotes + length(p) - length(replace(p, '"', ''));
        if quotes % 2 = 0 then
            res := res || array_to_string(pieces[start:i], ',');
            start := 0;
        end if;
    end loop;
    if start <> 0 or coalesce(array_length(res, 1), 0) <> ncols then
        return null;
    end if;
    return res;
end;
$$ language plpgsql immutable strict;

create or replace function pgq._trg_unquote(tok text)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_unquote(1)
--
--      Turns a field token of a row text back into the value text: empty
--      means NULL, quoted tokens lose the quotes and the doubling of '"'
--      and '\'.
-- ----------------------------------------------------------------------
    select case when $1 = '' then null
                when left($1, 1) = '"'
                    then replace(replace(substr($1, 2, length($1) - 2), '""', '"'), '\\', '\')
                else $1 end;
$$ language sql immutable;

create or replace function pgq._trg_event(c pgq._trg_cache, op text, nv text[], ov text[],
                                          njs json, ojs json)
returns text[] as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_event(6)
--
--      Builds the event of one row change for the capture triggers from
--      the field tokens of the new and the old row.  The triggers build
--      the common events themselves; this covers every case.
--
-- Parameters:
--      c           - trigger entry from pgq._trg_entry()
--      op          - I, U, D or R
--      nv, ov      - field tokens of NEW and OLD (NULL when absent)
--      njs, ojs    - to_json(NEW) and to_json(OLD), only for jsontriga on
--                    tables with date and time columns
--
-- Returns:
--      {ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4};
--      NULL when the change must not be logged.
-- ----------------------------------------------------------------------
declare
    kind        text := left(c.ident, 1);
    flags       text := c.flags;
    ncols       int4 := c.ncols;
    col         text[] := c.cols;
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
    ev := array[null, null, c.tbl, null, null, null];
    if op = 'R' then
        if kind = 'J' then
            ev[1] := '{"op":"TRUNCATE"' || c.js_tail;
            ev[2] := '{}';
        else
            ev[1] := 'R';
            ev[2] := '';
        end if;
        return ev;
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
        for j in 1 .. ncols loop
            b := 7 * j - 6;
            fl := col[b];
            -- logutriga and jsontriga look at key columns, and at all
            -- columns when an ignore list is given; sqltriga at all
            continue when kind <> 'S' and strpos(fl, 'k') = 0 and not has_ignore;
            continue when ov[j] = nv[j];
            o := pgq._trg_unquote(ov[j]);
            v := pgq._trg_unquote(nv[j]);
            if o is null or v is null or col[b + 6] = '' then
                same := false;
            else
                same := pgq._trg_eq(col[b + 6], o, v);
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
            parts := parts || (col[b + 3] || '=' || coalesce(quote_literal(v), 'NULL'));
        end loop;
        if ignored > 0 and coalesce(array_length(parts, 1), 0) = 0 then
            return null;
        end if;
    end if;

    -- event data
    if kind = 'S' then
        if op = 'I' then
            for j in 1 .. ncols loop
                b := 7 * j - 6;
                continue when strpos(col[b], 'i') > 0 or left(col[b], 1) = 'm';
                bparts := bparts || col[b + 3];
                wparts := wparts || coalesce(quote_literal(pgq._trg_unquote(nv[j])), 'null');
            end loop;
            ev[2] := '(' || array_to_string(bparts, ',') || ') values ('
                     || array_to_string(wparts, ',') || ')';
        else
            if op = 'U' and coalesce(array_length(parts, 1), 0) = 0 then
                -- nothing changed: set the first key column to itself
                j := c.firstkey;
                v := pgq._trg_unquote(ov[j]);
                if j = 0 or v is null then
                    raise exception 'logtriga: Unexpected NULL key value';
                end if;
                parts := array[col[7 * j - 3] || '=' || quote_literal(v)];
            end if;
            for j in 1 .. ncols loop
                b := 7 * j - 6;
                continue when strpos(col[b], 'k') = 0;
                v := pgq._trg_unquote(ov[j]);
                if v is null then
                    raise exception 'logtriga: Unexpected NULL key value';
                end if;
                wparts := wparts || (col[b + 3] || '=' || quote_literal(v));
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
                 || '"' || c.js_tail;
        ev[2] := pgq._trg_json_row(c, mv, mjs);
    else
        ev[1] := op || ':' || c.pkey;
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
        for j in 1 .. ncols loop
            b := 7 * j - 6;
            continue when left(col[b], 1) <> 'm';
            if col[b] = 'm?' then
                raise exception 'Unknown magic column: %', col[b + 1];
            end if;
            ev[substr(col[b], 2)::int4] := pgq._trg_unquote(mv[j]);
        end loop;
    end if;
    return ev;
end;
$$ language plpgsql volatile;

create or replace function pgq._trg_urlenc_row(c pgq._trg_cache, tokens text[])
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_urlenc_row(2)
--
--      Urlencoded row for logutriga (and backups): name=value pairs of
--      the logged columns joined with '&', a NULL value as the bare name.
-- ----------------------------------------------------------------------
declare
    col     text[] := c.cols;
    res     text := '';
    b       int4;
    v       text;
begin
    for j in 1 .. c.ncols loop
        b := 7 * j - 6;
        continue when strpos(col[b], 'i') > 0 or left(col[b], 1) = 'm';
        v := tokens[j];
        if v = '' then
            res := res || '&' || col[b + 2];
            continue;
        elsif left(v, 1) = '"' then
            v := replace(replace(substr(v, 2, length(v) - 2), '""', '"'), '\\', '\');
        end if;
        if v ~ '^[-0-9A-Za-z_.]*$' then
            res := res || '&' || col[b + 2] || '=' || v;
        elsif v ~ '^[-0-9A-Za-z_. ]*$' then
            res := res || '&' || col[b + 2] || '=' || translate(v, ' ', '+');
        else
            res := res || '&' || col[b + 2] || '=' || pgq._trg_urlencode(v);
        end if;
    end loop;
    return substr(res, 2);
end;
$$ language plpgsql immutable;

create or replace function pgq._trg_urlenc_text(nrow text, orow text, key1 int4, fmt text, ncols int4)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_urlenc_text(5)
--
--      Urlencoded row for pgq.logutriga from the row text, for rows that
--      its own short way does not cover, when every column is logged.
--
-- Parameters:
--      nrow    - text of the logged row
--      orow    - text of the old row of an UPDATE, else NULL
--      key1    - position of the key column, for an UPDATE
--      fmt     - format() template of the row (see pgq._trg_cache)
--      ncols   - number of columns
--
-- Returns:
--      The urlencoded row; NULL when a row does not have ncols fields or
--      the key texts differ, which the general way then looks into.
-- ----------------------------------------------------------------------
declare
    nv      text[];
    ov      text[];
    v       text;
    -- format() argument 1 is not used; NULL is chr(2) until the end
    res     text[] := array[''];
begin
    nv := string_to_array(substr(nrow, 2, length(nrow) - 2), ',');
    if coalesce(array_length(nv, 1), 0) <> ncols then
        nv := pgq._trg_split(nrow, ncols);
        if nv is null then
            return null;
        end if;
    end if;
    if orow is not null then
        ov := string_to_array(substr(orow, 2, length(orow) - 2), ',');
        if coalesce(array_length(ov, 1), 0) <> ncols then
            ov := pgq._trg_split(orow, ncols);
        end if;
        if ov[key1] is distinct from nv[key1] then
            return null;
        end if;
    end if;
    for j in 1 .. ncols loop
        v := nv[j];
        if v = '' then
            res := res || chr(2);
            continue;
        elsif left(v, 1) = '"' then
            v := replace(replace(substr(v, 2, length(v) - 2), '""', '"'), '\\', '\');
        end if;
        if v ~ '^[-0-9A-Za-z_.]*$' then
            res := res || v;
        elsif v ~ '^[-0-9A-Za-z_. ]*$' then
            res := res || translate(v, ' ', '+');
        else
            res := res || pgq._trg_urlencode(v);
        end if;
    end loop;
    return replace(format(fmt, variadic res), '=' || chr(2), '');
end;
$$ language plpgsql immutable;

create or replace function pgq._trg_json_row(c pgq._trg_cache, tokens text[], js json)
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
    col     text[] := c.cols;
    parts   text[] := '{}';
    b       int4;
    v       text;
begin
    for j in 1 .. c.ncols loop
        b := 7 * j - 6;
        continue when strpos(col[b], 'i') > 0 or left(col[b], 1) = 'm';
        v := pgq._trg_unquote(tokens[j]);
        if v is null then
            v := 'null';
        else
            case col[b + 5]
                when 'n' then
                    null;
                when 'b' then
                    v := case v when 't' then 'true' else 'false' end;
                when 't' then
                    v := (js -> col[b + 1])::text;
                else
                    v := pg_catalog.to_json(v)::text;
            end case;
        end if;
        parts := parts || (col[b + 4] || ':' || v);
    end loop;
    return '{' || array_to_string(parts, ',') || '}';
end;
$$ language plpgsql immutable;
