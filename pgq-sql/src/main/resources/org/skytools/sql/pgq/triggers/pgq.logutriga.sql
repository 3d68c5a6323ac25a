create or replace function pgq._logutriga_row(relid oid, tgname text, op text, tgwhen text,
                                               tglevel text, s text, o text)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq._logutriga_row(7)
--
--      The common case of pgq.logutriga(): an AFTER row trigger without
--      options whose cache entry (see pgq._trg_entry) is valid, out of
--      the local replication role.  Urlencodes the row and inserts the
--      event.
--
--      PL/pgSQL prepares each expression once per transaction and compiled
--      function, and a trigger function is compiled once per table: here,
--      out of the trigger, a transaction that writes several tables
--      prepares these expressions once.  So the trigger makes one call and
--      this function does every test of the common case.
--
--      A row whose text holds nothing but characters that need no escaping,
--      '+', ':', spaces and the quotes around values with spaces (numbers,
--      names, dates and times) becomes the urlencoded row through format()
--      with a template of the column names (see pgq._trg_cache); other rows
--      are encoded value by value in pgq._trg_urlenc_text.
--
-- Parameters:
--      relid, tgname   - TG_RELID, TG_NAME
--      op              - TG_OP
--      tgwhen, tglevel - TG_WHEN, TG_LEVEL
--      s               - text of NEW (NULL for DELETE)
--      o               - text of OLD (NULL for INSERT)
--
-- Returns:
--      true when the event is inserted; false when the trigger must take
--      the general way (pgq._trg_fire), with nothing done.
-- ----------------------------------------------------------------------
declare
    c       pgq._trg_hot;
    id      int8;
    a       text[];
begin
    c := nullif(current_setting('pgq_trg.t1_' || relid || '_' || to_hex(hashtext(tgname)), true), '')::pgq._trg_hot;
    -- the row logged
    s := coalesce(s, o);
    -- a valid entry (none when c is NULL), and a key for UPDATE and DELETE; the
    -- same test as in pgq._jsontriga_row, written out: a shared function is a call per row
    if (c.stamp = coalesce(pg_catalog.pg_sequence_last_value('pgq.trigger_cache_gen'::pg_catalog.regclass), 0)::text
        and c.tgname = tgname
        and (op = 'INSERT' or c.key1 > 0 or (op = 'DELETE' and c.pkey <> ''))
        and tgwhen = 'AFTER' and tglevel = 'ROW'
        and current_setting('session_replication_role') <> 'local') is not true then
        return false;
    end if;
    -- The values, with '+' and ':' encoded, the parentheses as commas and the
    -- quotes dropped, then spaces as '+' (runs of them in few steps, as in
    -- padded char(n)): an empty token before and after, and a value that holds
    -- a comma gives more tokens.  NULL is an empty token and shows as the bare
    -- name.  replace() costs less than translate(), which looks at each
    -- character on its own.
    a := case when s ~ '^\([-0-9A-Za-z_., "+:]*\)$' and strpos(s, '""') = 0 then
             string_to_array(replace(replace(replace(replace(replace(replace(replace(replace(
                 s, '+', '%2b'), ':', '%3a'), '(', ','), ')', ','), '"', ''),
                 '                ', '++++++++++++++++'), '    ', '++++'), ' ', '+'), ',') end;
    if array_length(a, 1) = c.ncols + 2 then
        -- The key column must keep its value.  The row text of NEW has no comma
        -- inside a value, that of OLD has none before the key value when it has
        -- no quotes, and a token of OLD cut at a comma cannot equal a whole
        -- token of NEW.
        if op = 'UPDATE' and (split_part(o, ',', c.key1) <> split_part(s, ',', c.key1)
                              or (c.key1 > 1 and strpos(o, '"') > 0)) then
            return false;
        end if;
        s := replace(format(c.fmt, variadic array_replace(a, '', chr(2))), '=' || chr(2), '');
    else
        -- other rows, and values with commas, value by value
        s := pgq._trg_urlenc_text(s, case op when 'UPDATE' then o end, c.key1, c.fmt, c.ncols);
        if s is null then
            return false;
        end if;
    end if;
    -- an assignment is a simple expression, where PERFORM runs a query
    id := pgq.insert_event(c.queue, left(op, 1) || ':' || c.pkey, s, c.tbl, null, null, null);
    return true;
end;
$$ language plpgsql;

create or replace function pgq.logutriga() returns trigger as $$
-- ----------------------------------------------------------------------
-- Function: pgq.logutriga()
--
--      Trigger function that puts row data in urlencoded form into a queue.
--
-- Trigger parameters:
--      arg1 - queue name
--      argX - any number of optional args, in any order
--
-- Optional arguments:
--      SKIP                - the row change itself is skipped (BEFORE trigger only)
--      ignore=col1[,col2]  - leave the columns out of the event; an UPDATE that
--                            changes only such columns logs nothing
--      pkey=col1[,col2]    - primary key columns, instead of the table's own
--      backup              - urlencoded old row into ev_extra2 (UPDATE)
--      deny                - raise an error on every change
--      ev_type=EXPR, ev_data=EXPR, ev_extra1=EXPR .. ev_extra4=EXPR
--                          - field value from an SQL expression over the row
--      when=EXPR           - log only when the boolean expression is true
--
-- Queue event fields:
--      ev_type      - I/U/D ':' pkey_column_list, or R for TRUNCATE
--      ev_data      - column values urlencoded
--      ev_extra1    - table name
--      ev_extra2    - optional urlencoded backup
--
-- Regular listen trigger example:
-- >   CREATE TRIGGER triga_nimi AFTER INSERT OR UPDATE ON customer
-- >   FOR EACH ROW EXECUTE PROCEDURE pgq.logutriga('qname');
--
-- Redirect trigger example:
-- >   CREATE TRIGGER triga_nimi BEFORE INSERT OR UPDATE ON customer
-- >   FOR EACH ROW EXECUTE PROCEDURE pgq.logutriga('qname', 'SKIP');
-- ----------------------------------------------------------------------
begin
    -- The common case in one expression: each expression of a trigger
    -- function is prepared again in every transaction for every table.  NEW
    -- is NULL in a DELETE trigger, OLD in an INSERT one, both in statement
    -- triggers.  The result of an AFTER trigger is ignored, and returning a
    -- variable takes no expression.
    if pgq._logutriga_row(TG_RELID, TG_NAME, TG_OP, TG_WHEN, TG_LEVEL, NEW::text, OLD::text) then
        return new;
    end if;
    -- in local replication role changes are not logged
    if current_setting('session_replication_role') <> 'local' then
        if pgq._trg_fire('L', TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL, NEW, OLD) then
            -- SKIP
            return null;
        end if;
    end if;

    if TG_WHEN = 'AFTER' or TG_LEVEL <> 'ROW' then
        return null;
    elsif TG_OP = 'DELETE' then
        return OLD;
    end if;
    return NEW;
end;
$$ language plpgsql;
