create or replace function pgq.drop_queue(x_queue_name text, x_force bool)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.drop_queue(2)
--
--      Drops a queue with its event tables, ticks and sequences, and makes
--      pgq._insert_event() again without it.
--
-- Parameters:
--      x_queue_name    - queue name
--      x_force         - unregister the consumers instead of refusing
--
-- Returns:
--      1 - success
-- ----------------------------------------------------------------------
declare
    q       record;
begin
    select * into q from pgq.queue where queue_name = x_queue_name for update;
    if not found then
        raise exception 'No such event queue';
    end if;

    if x_force then
        perform pgq.unregister_consumer(x_queue_name, c.co_name)
           from pgq.subscription s
           join pgq.consumer c on (c.co_id = s.sub_consumer)
          where s.sub_queue = q.queue_id;
    else
        perform 1 from pgq.subscription where sub_queue = q.queue_id;
        if found then
            raise exception 'cannot drop queue, consumers still attached';
        end if;
    end if;

    for i in 0 .. q.queue_ntables - 1 loop
        execute 'drop table ' || pgq.quote_fqname(q.queue_data_pfx || '_' || i::text);
    end loop;
    execute 'drop table ' || pgq.quote_fqname(q.queue_data_pfx);

    delete from pgq.tick where tick_queue = q.queue_id;

    execute 'drop sequence ' || pgq.quote_fqname(q.queue_tick_seq);
    execute 'drop sequence ' || pgq.quote_fqname(q.queue_event_seq);

    delete from pgq.queue where queue_id = q.queue_id;
    perform pgq._insert_event_generate();

    return 1;
end;
$$ language plpgsql security definer;

create or replace function pgq.drop_queue(x_queue_name text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.drop_queue(1)
--
--      Drops a queue that has no consumers left.
-- ----------------------------------------------------------------------
begin
    return pgq.drop_queue(x_queue_name, false);
end;
$$ language plpgsql strict;
