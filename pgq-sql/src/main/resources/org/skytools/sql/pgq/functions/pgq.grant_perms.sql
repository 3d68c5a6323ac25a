create or replace function pgq.grant_perms(x_queue_name text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.grant_perms(1)
--
--      Gives a queue's event tables the privileges of pgq.event_template and
--      makes its sequences readable, so that the grants of the roles
--      pgq_reader, pgq_writer and pgq_admin reach every queue.
--
-- Parameters:
--      x_queue_name    - queue name
--
-- Returns:
--      1 - success
-- ----------------------------------------------------------------------
declare
    q           record;
    dot         int4;
    dst_schema  text;
    dst_table   text;
begin
    select * into q from pgq.queue where queue_name = x_queue_name;
    if not found then
        raise exception 'Queue not found';
    end if;

    dot := strpos(q.queue_data_pfx, '.');
    if dot > 0 then
        dst_schema := substr(q.queue_data_pfx, 1, dot - 1);
        dst_table := substr(q.queue_data_pfx, dot + 1);
    else
        dst_schema := 'public';
        dst_table := q.queue_data_pfx;
    end if;

    -- the ticker and the info functions read the sequences, only pgq_admin advances them
    execute 'grant select on ' || pgq.quote_fqname(q.queue_tick_seq) || ' to public';
    execute 'grant select on ' || pgq.quote_fqname(q.queue_event_seq) || ' to public';
    execute 'grant usage on ' || pgq.quote_fqname(q.queue_event_seq) || ' to pgq_admin';

    perform pgq._grant_perms_from('pgq', 'event_template', dst_schema, dst_table);
    for i in 0 .. q.queue_ntables - 1 loop
        perform pgq._grant_perms_from('pgq', 'event_template', dst_schema, dst_table || '_' || i::text);
    end loop;

    return 1;
end;
$$ language plpgsql security definer;
