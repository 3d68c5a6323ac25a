create or replace function pgq.get_batch_cursor(
    in i_batch_id       bigint,
    in i_cursor_name    text,
    in i_quick_limit    int4,
    in i_extra_where    text,
    out ev_id       bigint,
    out ev_time     timestamptz,
    out ev_txid     bigint,
    out ev_retry    int4,
    out ev_type     text,
    out ev_data     text,
    out ev_extra1   text,
    out ev_extra2   text,
    out ev_extra3   text,
    out ev_extra4   text)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq.get_batch_cursor(4)
--
--      Opens a NO SCROLL cursor over the events of a batch and returns the
--      first rows; the caller FETCHes the rest from the cursor in the same
--      transaction.
--
-- Parameters:
--      i_batch_id      - id of an open batch
--      i_cursor_name   - name of the cursor to declare
--      i_quick_limit   - number of rows to return at once
--      i_extra_where   - optional filter on the event columns, or NULL
--
-- Returns:
--      Up to i_quick_limit events; nothing when one of the first three
--      arguments is NULL.
-- ----------------------------------------------------------------------
declare
    cname   text;
    sql     text;
begin
    if i_batch_id is null or i_cursor_name is null or i_quick_limit is null then
        return;
    end if;

    cname := quote_ident(i_cursor_name);
    sql := pgq.batch_event_sql(i_batch_id);
    if i_extra_where is not null then
        -- filter the unordered union, then order the result
        sql := 'select * from (' || left(sql, -length(' order by 1')) || ') _evs where '
            || i_extra_where || ' order by 1';
    end if;

    execute 'declare ' || cname || ' no scroll cursor for ' || sql;

    if i_quick_limit > 0 then
        return query execute 'fetch ' || i_quick_limit::text || ' from ' || cname;
    end if;
    return;
end;
$$ language plpgsql;

create or replace function pgq.get_batch_cursor(
    in i_batch_id       bigint,
    in i_cursor_name    text,
    in i_quick_limit    int4,
    out ev_id       bigint,
    out ev_time     timestamptz,
    out ev_txid     bigint,
    out ev_retry    int4,
    out ev_type     text,
    out ev_data     text,
    out ev_extra1   text,
    out ev_extra2   text,
    out ev_extra3   text,
    out ev_extra4   text)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq.get_batch_cursor(3)
--
--      pgq.get_batch_cursor(4) without a filter.
-- ----------------------------------------------------------------------
begin
    return query select * from pgq.get_batch_cursor(i_batch_id, i_cursor_name, i_quick_limit, null);
end;
$$ language plpgsql strict;
