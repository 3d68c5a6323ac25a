create or replace function pgq_node.get_node_info(
    in i_queue_name text,
    out ret_code int4,
    out ret_note text,
    out node_type text,
    out node_name text,
    out global_watermark bigint,
    out local_watermark bigint,
    out provider_node text,
    out provider_location text,
    out combined_queue text,
    out combined_type text,
    out worker_name text,
    out worker_paused bool,
    out worker_uptodate bool,
    out worker_last_tick bigint,
    out node_attrs text,
    out target_for text[])
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.get_node_info(1)
--
--      The local node of a cascaded queue.
--
-- Parameters:
--      i_queue_name    - cascaded queue name
--
-- Returns:
--      ret_code            - 100 ok, 404 unknown queue (other columns NULL)
--      node_type           - root, branch or leaf
--      node_name           - name of this node
--      global_watermark    - lowest tick the whole cascade still needs
--                            (root and branch)
--      local_watermark     - lowest tick this node and its subscribers need:
--                            the lowest position of the local queue's
--                            consumers, or the latest tick if there are none;
--                            on a leaf the worker's position
--      provider_node       - the worker's provider
--      provider_location   - connect string of the provider
--      combined_queue      - merge-leaf: queue it merges into
--      combined_type       - node type of the combined queue's node
--      worker_name         - consumer that maintains the node
--      worker_paused       - whether the worker is paused
--      worker_uptodate     - whether the worker has seen the latest change
--      worker_last_tick    - last tick the worker completed; on the root the
--                            latest tick of the queue
--      node_attrs          - urlencoded worker settings
--      target_for          - local queues that merge into this one
-- ----------------------------------------------------------------------
begin
    select 100, 'Ok', n.node_type, n.node_name,
           n.combined_queue, c.node_type,
           w.provider_node, l.node_location,
           n.worker_name, w.paused, w.uptodate, w.last_tick_id,
           n.node_attrs
      into ret_code, ret_note, node_type, node_name,
           combined_queue, combined_type,
           provider_node, provider_location,
           worker_name, worker_paused, worker_uptodate, worker_last_tick,
           node_attrs
      from pgq_node.node_info n
      left join pgq_node.node_info c on (c.queue_name = n.combined_queue)
      left join pgq_node.local_state w
             on (w.queue_name = n.queue_name and w.consumer_name = n.worker_name)
      left join pgq_node.node_location l
             on (l.queue_name = w.queue_name and l.node_name = w.provider_node)
     where n.queue_name = i_queue_name;
    if not found then
        select 404, 'Unknown queue: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;

    if node_type in ('root', 'branch') then
        select min(ci.last_tick) filter (where ci.consumer_name <> '.global_watermark'),
               min(ci.last_tick) filter (where ci.consumer_name = '.global_watermark')
          into local_watermark, global_watermark
          from pgq.get_consumer_info(i_queue_name) ci;
        if local_watermark is null then
            select t.tick_id into local_watermark
              from pgq.tick t, pgq.queue q
             where q.queue_name = i_queue_name
               and t.tick_queue = q.queue_id
             order by t.tick_queue desc, t.tick_id desc
             limit 1;
        end if;

        select array_agg(t.queue_name order by t.queue_name) into target_for
          from pgq_node.node_info t
         where t.combined_queue = i_queue_name;
    else
        local_watermark := worker_last_tick;
    end if;

    if node_type = 'root' then
        select t.tick_id into worker_last_tick
          from pgq.tick t, pgq.queue q
         where q.queue_name = i_queue_name
           and t.tick_queue = q.queue_id
         order by t.tick_queue desc, t.tick_id desc
         limit 1;
    end if;
    return;
end;
$$ language plpgsql security definer;
