create or replace function pgq_node.register_subscriber(
    in i_queue_name text,
    in i_remote_node_name text,
    in i_remote_worker_name text,
    in i_custom_tick_id int8,
    out ret_code int4,
    out ret_note text,
    out global_watermark bigint)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.register_subscriber(4)
--
--      Makes another node a subscriber of the local node: registers its
--      watermark consumer at the global watermark and its worker at the
--      given tick.  Called on the provider by the subscriber's setup, also
--      when a node changes provider.
--
-- Parameters:
--      i_queue_name            - cascaded queue name
--      i_remote_node_name      - subscriber node
--      i_remote_worker_name    - consumer that maintains the subscriber
--      i_custom_tick_id        - where the worker starts; NULL for the
--                                global watermark
--
-- Returns:
--      ret_code            - 200 ok, 401 this node is a leaf, 404 unknown queue
--      global_watermark    - the cascade's global watermark
-- ----------------------------------------------------------------------
declare
    n_type      text;
    wm_name     text;
begin
    select node_type into n_type
      from pgq_node.node_info
     where queue_name = i_queue_name
       for update;
    if not found then
        select 404, 'Unknown queue: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;

    select last_tick into global_watermark
      from pgq.get_consumer_info(i_queue_name, '.global_watermark');

    if n_type not in ('root', 'branch') then
        select 401, 'Cannot subscribe to ' || n_type || ' node' into ret_code, ret_note;
        return;
    end if;

    wm_name := '.' || i_remote_node_name || '.watermark';
    perform pgq.register_consumer_at(i_queue_name, wm_name, global_watermark);
    perform pgq.register_consumer_at(i_queue_name, i_remote_worker_name,
                                     coalesce(i_custom_tick_id, global_watermark));

    insert into pgq_node.subscriber_info (queue_name, subscriber_node, worker_name, watermark_name)
        values (i_queue_name, i_remote_node_name, i_remote_worker_name, wm_name);

    select 200, 'Subscriber registered: ' || i_remote_node_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
