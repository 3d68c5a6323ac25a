create or replace function pgq_node.unregister_subscriber(
    in i_queue_name text,
    in i_remote_node_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.unregister_subscriber(2)
--
--      Removes a subscriber node: its registration and both its consumers
--      on the local queue.
--
-- Parameters:
--      i_queue_name        - cascaded queue name
--      i_remote_node_name  - subscriber node
--
-- Returns:
--      200 - Ok
--      304 - Subscriber not found
-- ----------------------------------------------------------------------
declare
    sub     record;
begin
    delete from pgq_node.subscriber_info s
     where s.queue_name = i_queue_name
       and s.subscriber_node = i_remote_node_name
    returning s.worker_name, s.watermark_name into sub;
    if not found then
        select 304, 'Subscriber not found' into ret_code, ret_note;
        return;
    end if;

    -- the registration goes first: it refers to the consumer names
    perform pgq.unregister_consumer(i_queue_name, sub.watermark_name);
    perform pgq.unregister_consumer(i_queue_name, sub.worker_name);

    select 200, 'Subscriber unregistered: ' || i_remote_node_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
