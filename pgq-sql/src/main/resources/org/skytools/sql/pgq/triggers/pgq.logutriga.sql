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
declare
    -- This function runs for every row written, so the common case is kept
    -- short: PL/pgSQL prepares each expression once per transaction and
    -- table, which costs more than running it.  A row whose text holds
    -- nothing but characters that need no escaping, '+', ':', spaces and the
    -- quotes around values with spaces (numbers, names, dates and times)
    -- becomes the urlencoded row through format() with a template of the
    -- column names (see pgq._trg_cache); other rows are encoded value by
    -- value in pgq._trg_urlenc_text.  Triggers with options, and rows that
    -- these do not cover, go the general way in pgq._trg_fire.
    c       pgq._trg_hot;
    s       text;
    o       text;
    a       text[];
    done    boolean;
    id      int8;
begin
    -- in local replication role changes are not logged
    if current_setting('session_replication_role') <> 'local' then
        c := nullif(current_setting('pgq_trg.t1_' || TG_RELID || '_' || to_hex(hashtext(TG_NAME)), true), '')::pgq._trg_hot;
        <<fast>>
        begin
            -- a valid entry (none when c is NULL), and a key for UPDATE and DELETE
            exit fast when (c.stamp = coalesce(pg_catalog.pg_sequence_last_value('pgq.trigger_cache_gen'::pg_catalog.regclass), 0)::text
                            and c.tgname = TG_NAME and TG_LEVEL = 'ROW'
                            and (TG_OP = 'INSERT' or c.key1 > 0 or (TG_OP = 'DELETE' and c.pkey <> ''))) is not true;
            -- one statement where one will do: each costs a setup
            s := case TG_OP when 'DELETE' then OLD::text else NEW::text end;
            -- The values, with '+' and ':' encoded and then, in one pass, the
            -- parentheses as commas, spaces as '+' and the quotes dropped: an empty
            -- token before and after, and a value that holds a comma gives more
            -- tokens.  NULL is an empty token and shows as the bare name.
            a := case when s ~ '^\([-0-9A-Za-z_., "+:]*\)$' and strpos(s, '""') = 0 then
                     string_to_array(translate(replace(replace(s, '+', '%2b'), ':', '%3a'), '() "', ',,+'), ',') end;
            if array_length(a, 1) = c.ncols + 2 then
                if TG_OP = 'UPDATE' then
                    -- The key column must keep its value.  The row text of NEW has no
                    -- comma inside a value, that of OLD has none before the key
                    -- value when it has no quotes, and a token of OLD cut at a comma
                    -- cannot equal a whole token of NEW.
                    o := OLD::text;
                    exit fast when split_part(o, ',', c.key1) <> split_part(s, ',', c.key1)
                                   or (c.key1 > 1 and strpos(o, '"') > 0);
                end if;
                s := replace(format(c.fmt, variadic array_replace(a, '', chr(2))), '=' || chr(2), '');
            else
                -- other rows, and values with commas, value by value
                if TG_OP = 'UPDATE' then
                    o := OLD::text;
                end if;
                s := pgq._trg_urlenc_text(s, o, c.key1, c.fmt, c.ncols);
                exit fast when s is null;
            end if;
            id := pgq.insert_event(c.queue, left(TG_OP, 1) || ':' || c.pkey, s, c.tbl, null, null, null);
            if TG_WHEN = 'AFTER' then
                return null;
            end if;
            done := true;
        end;
        if done is null then
            if pgq._trg_fire('L', TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL, NEW, OLD) then
                -- SKIP
                return null;
            end if;
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
