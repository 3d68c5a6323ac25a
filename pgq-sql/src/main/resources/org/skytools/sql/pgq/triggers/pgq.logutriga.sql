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
    c       text[];
    ev      text[];
    ovr     text;
    wtyp    oid;
    wres    boolean;
    skip    boolean := false;
begin
    -- in local replication role changes are not logged
    if current_setting('session_replication_role') <> 'local' then
        c := pgq._trg_entry('L', TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL, false);
        skip := strpos(c[4], 'S') > 0;
        for attempt in 1 .. 2 loop
            if TG_OP = 'INSERT' then
                ev := pgq._trg_event(c, 'I', NEW::text, null, null, null);
            elsif TG_OP = 'UPDATE' then
                ev := pgq._trg_event(c, 'U', NEW::text, OLD::text, null, null);
            elsif TG_OP = 'DELETE' then
                ev := pgq._trg_event(c, 'D', null, OLD::text, null, null);
            else
                ev := pgq._trg_event(c, 'R', null, null, null, null);
            end if;
            exit when ev is null or ev[1] is distinct from '!' or array_length(ev, 1) > 1;
            -- the table changed within this statement
            c := pgq._trg_entry('L', TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL, true);
        end loop;
        if array_length(ev, 1) = 1 then
            raise exception 'structure of table % changed while logging a row', TG_RELID::regclass;
        end if;
        if ev is not null and strpos(c[4], 'X') > 0 then
            -- expression arguments, in the order ev_type, ev_data, ev_extra1..4, when
            for i in 1 .. 6 loop
                continue when c[8 + i] is null;
                if TG_OP = 'DELETE' then
                    execute c[8 + i] into ovr using OLD;
                else
                    execute c[8 + i] into ovr using NEW;
                end if;
                ev[i] := ovr;
            end loop;
            if c[15] is not null then
                if TG_OP = 'DELETE' then
                    execute c[15] into wtyp, wres using OLD;
                else
                    execute c[15] into wtyp, wres using NEW;
                end if;
                if wtyp <> 'pg_catalog.bool'::regtype then
                    raise exception 'when= query result must be boolean, got=%', wtyp;
                end if;
                if wres is null then
                    raise exception 'when= should not be NULL';
                end if;
                if not wres then
                    ev := null;
                end if;
            end if;
        end if;
        if ev is not null then
            perform pgq.insert_event(c[3], ev[1], ev[2], ev[3], ev[4], ev[5], ev[6]);
        end if;
    end if;

    if TG_WHEN = 'AFTER' or TG_LEVEL <> 'ROW' or skip then
        return null;
    elsif TG_OP = 'DELETE' then
        return OLD;
    end if;
    return NEW;
end;
$$ language plpgsql;
