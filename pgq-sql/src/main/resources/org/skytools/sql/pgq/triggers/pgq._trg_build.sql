create or replace function pgq._trg_build(kind text, relid oid, args text[], op text)
returns pgq._trg_cache as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_build(4)
--
--      Parses the arguments of a capture trigger and collects what the
--      trigger needs to know about its table, once per trigger and table
--      structure.  The result is kept by pgq._trg_entry() for the session;
--      the fields are described with type pgq._trg_cache.
--
-- Parameters:
--      kind    - L (logutriga), S (sqltriga) or J (jsontriga)
--      relid   - table oid
--      args    - trigger arguments, queue name first
--      op      - first letter of the firing operation (I, U, D or R)
-- ----------------------------------------------------------------------
declare
    res         pgq._trg_cache;
    flags       text := '';
    arg         text;
    i           int4;
    fld         int4;
    exprs       text[] := array[null, null, null, null, null, null, null]::text[];
    ignore_list text;
    pkey_list   text;
    nsp         text;
    tbl         text;
    pk_names    text;
    js_tail     text;
    cols        text[];
    colinfo     text[] := '{}';
    template    text[] := '{}';
    first_pk    int4 := 0;
    key_pos     text[] := '{}';
    json_ok     boolean := true;
    json_nums   text[] := '{}';
    bt          record;
    ncols       int4 := 0;
    a           record;
    fl          text;
    jkind       text;
    rowref      text;
    sql         text;
    magic_names constant text[] := array['_pgq_ev_type', '_pgq_ev_data', '_pgq_ev_extra1',
                                         '_pgq_ev_extra2', '_pgq_ev_extra3', '_pgq_ev_extra4'];
    expr_names  constant text[] := array['ev_type=', 'ev_data=', 'ev_extra1=', 'ev_extra2=',
                                         'ev_extra3=', 'ev_extra4=', 'when='];
begin
    select n.nspname, c.relname into nsp, tbl
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where c.oid = relid;

    select array_agg(attname::text order by attnum) into cols
      from pg_catalog.pg_attribute
     where attrelid = relid and attnum > 0 and not attisdropped;
    cols := coalesce(cols, '{}');

    -- arguments after the queue name, in order; the first error wins
    -- TG_ARGV is indexed from 0
    for i in array_lower(args, 1) + 1 .. array_upper(args, 1) loop
        arg := args[i];
        if arg = 'SKIP' then
            flags := flags || 'S';
        elsif left(arg, 7) = 'ignore=' then
            ignore_list := substr(arg, 8);
        elsif left(arg, 5) = 'pkey=' then
            pkey_list := substr(arg, 6);
        elsif arg = 'backup' then
            flags := flags || 'B';
        elsif arg = 'deny' then
            flags := flags || 'D';
        else
            fld := null;
            for j in 1 .. 7 loop
                if left(arg, length(expr_names[j])) = expr_names[j] then
                    fld := j;
                    exit;
                end if;
            end loop;
            if fld is null then
                raise exception 'bad param to pgq trigger';
            end if;
            if op = 'R' then
                raise exception 'Custom expressions do not make sense for truncater trigger';
            end if;
            -- the first of repeated expressions is used
            if exprs[fld] is null then
                arg := substr(arg, length(expr_names[fld]) + 1);
                -- parse and plan once now, so that a broken expression fails early
                rowref := '(null::' || relid::regclass::text || ')';
                execute 'select ' || pgq._trg_expr_sql(cols, arg, rowref) || ' limit 0';
                if fld = 7 then
                    sql := 'select pg_catalog.pg_typeof(w)::oid, case when pg_catalog.pg_typeof(w)'
                           || ' = ''pg_catalog.bool''::pg_catalog.regtype then w::text::boolean end'
                           || ' from (select ';
                else
                    sql := 'select case when pg_catalog.num_nulls(w) = 0'
                           || ' then pg_catalog.format(''%s'', w) end from (select ';
                end if;
                exprs[fld] := sql || pgq._trg_expr_sql(cols, arg, '($1)') || ' as w) _s';
                flags := flags || 'X';
            end if;
        end if;
    end loop;

    if op = 'R' then
        if ignore_list is not null then
            raise exception 'Column ignore does not make sense for truncate trigger';
        end if;
        if pkey_list is not null then
            raise exception 'Custom pkey_list does not make sense for truncate trigger';
        end if;
        if strpos(flags, 'B') > 0 then
            raise exception 'Backup does not make sense for truncate trigger';
        end if;
    end if;
    if ignore_list is not null then
        flags := flags || 'I';
    end if;

    -- primary key: index column names in index order
    select string_agg(k.attname::text, ',' order by k.attnum),
           string_agg(pg_catalog.to_json(k.attname::text)::text, ',' order by k.attnum)
      into pk_names, js_tail
      from pg_catalog.pg_index x, pg_catalog.pg_attribute k
     where x.indrelid = relid and k.attrelid = x.indexrelid
       and x.indisprimary and k.attnum > 0 and not k.attisdropped;
    if pkey_list is not null then
        pk_names := pkey_list;
        select string_agg(pg_catalog.to_json(p.item)::text, ',' order by p.nr) into js_tail
          from pg_catalog.regexp_split_to_table(pkey_list, ',') with ordinality as p(item, nr);
    end if;
    pk_names := coalesce(pk_names, '');
    js_tail := ',"table":[' || pg_catalog.to_json(nsp)::text || ',' || pg_catalog.to_json(tbl)::text
               || '],"pkey":[' || coalesce(js_tail, '') || ']}';

    -- live columns in attribute order
    for a in
        select at.attname::text as name, at.atttypid, at.atttypmod, at.attcollation
          from pg_catalog.pg_attribute at
         where at.attrelid = relid and at.attnum > 0 and not at.attisdropped
         order by at.attnum
    loop
        ncols := ncols + 1;
        fl := '';
        if left(a.name, 8) = '_pgq_ev_' then
            fld := array_position(magic_names, a.name);
            fl := 'm' || coalesce(fld::text, '?');
            flags := flags || 'M';
        else
            if pgq._trg_in_list(pk_names, a.name) then
                fl := 'k';
                key_pos := key_pos || ncols::text;
                if first_pk = 0 then
                    first_pk := ncols;
                end if;
            end if;
            if ignore_list is not null and pgq._trg_in_list(ignore_list, a.name) then
                fl := fl || 'i';
            end if;
        end if;
        jkind := case a.atttypid
                    when 'pg_catalog.bool'::regtype then 'b'
                    when 'pg_catalog.int2'::regtype then 'n'
                    when 'pg_catalog.int4'::regtype then 'n'
                    when 'pg_catalog.int8'::regtype then 'n'
                    when 'pg_catalog.date'::regtype then 't'
                    when 'pg_catalog.timestamp'::regtype then 't'
                    when 'pg_catalog.timestamptz'::regtype then 't'
                    else 'o' end;
        if jkind = 't' then
            flags := flags || 'T';
        end if;
        -- to_json() of the row prints values as jsontriga does (see json_categorize_type
        -- in PostgreSQL): bool, int2, int4, int8, date and times (kinds b, n and t) and,
        -- through domains, built-in types that are not numbers, bool, dates and times,
        -- JSON, arrays or rows.  Numbers of other types and domains come out bare and
        -- are put in quotes afterwards.
        if jkind = 'o' then
            select t.oid, t.typtype, t.typelem, t.typlen, t.typbasetype into bt
              from pg_catalog.pg_type t where t.oid = a.atttypid;
            while bt.typtype = 'd' loop
                select t.oid, t.typtype, t.typelem, t.typlen, t.typbasetype into bt
                  from pg_catalog.pg_type t where t.oid = bt.typbasetype;
            end loop;
            if bt.oid in ('pg_catalog.int2'::regtype, 'pg_catalog.int4'::regtype, 'pg_catalog.int8'::regtype,
                          'pg_catalog.float4'::regtype, 'pg_catalog.float8'::regtype,
                          'pg_catalog.numeric'::regtype)
            then
                json_nums := json_nums
                             || regexp_replace(pg_catalog.to_json(a.name)::text || ':', '([.^$*+?()[\]{}|\\])', '\\\1', 'g');
            elsif not (bt.oid < 16384 and bt.typtype = 'b' and not (bt.typelem <> 0 and bt.typlen = -1)
                       and bt.oid not in ('pg_catalog.bool'::regtype, 'pg_catalog.date'::regtype,
                                          'pg_catalog.timestamp'::regtype, 'pg_catalog.timestamptz'::regtype,
                                          'pg_catalog.json'::regtype, 'pg_catalog.jsonb'::regtype))
            then
                json_ok := false;
            end if;
        end if;
        colinfo := colinfo || array[fl, a.name, pgq._trg_urlencode(a.name), quote_ident(a.name),
                                    pg_catalog.to_json(a.name)::text, jkind,
                                    pgq._trg_eqmode(a.atttypid, a.atttypmod, a.attcollation)];
        -- argument 1 is the empty token before the row's first value (see pgq.logutriga)
        template := template || (replace(pgq._trg_urlencode(a.name), '%', '%%') || '=%' || (ncols + 1) || '$s');
    end loop;
    if json_ok then
        flags := flags || 'J';
    end if;
    if flags !~ '[SDIMBX]' and (kind <> 'J' or json_ok) then
        flags := flags || 'F';
    end if;

    res.queue := args[array_lower(args, 1)];
    res.flags := flags;
    res.tbl := nsp || '.' || tbl;
    res.pkey := pk_names;
    res.js_tail := js_tail;
    res.ncols := ncols;
    res.key1 := case when array_length(key_pos, 1) = 1 then key_pos[1]::int4 else 0 end;
    res.firstkey := first_pk;
    res.exprs := case when strpos(flags, 'X') > 0 then exprs end;
    res.template := array_to_string(template, '&');
    res.json_nums := case when json_nums <> '{}' then '(' || array_to_string(json_nums, '|') || ')(-?[0-9][-+.0-9eE]*)'
                          else '' end;
    res.cols := colinfo;
    return res;
end;
$$ language plpgsql volatile;
