create or replace function pgq.jsontriga() returns trigger as $$
-- ----------------------------------------------------------------------
-- Function: pgq.jsontriga()
--
--      Trigger that puts row data in JSON form into a queue.
--
-- Trigger parameters:
--      arg1 - queue name
--      argX - any number of optional args, in any order: SKIP, ignore=,
--             pkey=, backup, deny, ev_type= .. ev_extra4=, when=, as for
--             pgq.logutriga()
--
-- Queue event fields:
--      ev_type     - JSON: {"op":"INSERT","table":["schema","name"],"pkey":["id"]}
--                    with op INSERT, UPDATE, DELETE or TRUNCATE
--      ev_data     - JSON object of the row
--      ev_extra1   - table name
--      ev_extra2   - optional JSON backup of the old row
-- ----------------------------------------------------------------------
declare
    -- Kept short like pgq.logutriga: when every column is logged and prints
    -- in JSON as to_json() of the row prints it, but for numbers that need
    -- quotes (see pgq._trg_cache), the event data is to_json() of the row;
    -- everything else goes the general way in pgq._trg_fire.
    c       pgq._trg_hot;
    s       text;
    o       text;
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
            if TG_OP = 'UPDATE' then
                -- The key column must keep its value.  The row texts split on ','
                -- line up before it when neither has quotes, and at the first
                -- value when that of OLD is not quoted (a token of NEW cut at a
                -- comma in a quoted value cannot equal an unquoted one).
                s := NEW::text;
                o := OLD::text;
                exit fast when split_part(o, ',', c.key1) <> split_part(s, ',', c.key1)
                               or (c.key1 = 1 and left(o, 2) = '("')
                               or (c.key1 > 1 and strpos(o, '"') + strpos(s, '"') > 0);
                id := pgq.insert_event(c.queue, '{"op":"UPDATE"' || c.fmt,
                                       case c.nums when '' then to_json(NEW)::text
                                            else regexp_replace(to_json(NEW)::text, c.nums, '\1"\2"', 'g') end,
                                       c.tbl, null, null, null);
            elsif TG_OP = 'INSERT' then
                id := pgq.insert_event(c.queue, '{"op":"INSERT"' || c.fmt,
                                       case c.nums when '' then to_json(NEW)::text
                                            else regexp_replace(to_json(NEW)::text, c.nums, '\1"\2"', 'g') end,
                                       c.tbl, null, null, null);
            else
                id := pgq.insert_event(c.queue, '{"op":"DELETE"' || c.fmt,
                                       case c.nums when '' then to_json(OLD)::text
                                            else regexp_replace(to_json(OLD)::text, c.nums, '\1"\2"', 'g') end,
                                       c.tbl, null, null, null);
            end if;
            if TG_WHEN = 'AFTER' then
                return null;
            end if;
            done := true;
        end;
        if done is null then
            if pgq._trg_fire('J', TG_RELID, TG_NAME, TG_ARGV, TG_OP, TG_WHEN, TG_LEVEL, NEW, OLD) then
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
