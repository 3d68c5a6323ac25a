create or replace function pgq_node.get_subscriber_info(
    in i_queue_name text,
    out node_name text,
    out worker_name text,
    out node_watermark int8)
returns setof record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.get_subscriber_info(1)
--
--      Nodes that use the local node as provider.  The list can lag behind
--      an administrative change in progress: the subscriber's own node info
--      is the authority on its provider.
--
-- Parameters:
--      i_queue_name    - cascaded queue name
--
-- Returns:
--      node_name       - subscriber node
--      worker_name     - consumer that maintains the subscriber
--      node_watermark  - lowest tick the subscriber's subtree needs
-- ----------------------------------------------------------------------
begin
    return query
        select s.subscriber_node, s.worker_name, sub.sub_last_tick
          from pgq_node.subscriber_info s
          left join pgq.queue q on (q.queue_name = s.queue_name)
          left join pgq.consumer c on (c.co_name = s.watermark_name)
          left join pgq.subscription sub
                 on (sub.sub_queue = q.queue_id and sub.sub_consumer = c.co_id)
         where s.queue_name = i_queue_name
         order by 1;
end;
$$ language plpgsql security definer;
