create or replace function pgq_node.get_worker_state(
    in i_queue_name text,
    out ret_code int4,
    out ret_note text,
    out node_type text,
    out node_name text,
    out completed_tick bigint,
    out provider_node text,
    out provider_location text,
    out paused boolean,
    out uptodate boolean,
    out cur_error text,
    out worker_name text,
    out global_watermark bigint,
    out local_watermark bigint,
    out local_queue_top bigint,
    out combined_queue text,
    out combined_type text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.get_worker_state(1)
--
--      Everything the worker that maintains the local node needs at the
--      start of a batch.
--
-- Parameters:
--      i_queue_name    - cascaded queue name
--
-- Returns:
--      ret_code            - 100 ok; 404 when the node, the worker, the
--                            provider's location or the combined queue's
--                            node is missing
--      node_type           - root, branch or leaf
--      node_name           - name of this node
--      completed_tick      - last tick the worker committed here
--      provider_node       - node the worker reads from
--      provider_location   - its connect string
--      paused              - the worker must wait
--      uptodate            - the worker has seen the latest change
--      cur_error           - why the current batch failed
--      worker_name         - the worker's consumer name
--      global_watermark    - lowest tick the cascade needs (root, branch)
--      local_watermark     - lowest tick this subtree needs
--      local_queue_top     - latest tick of the local queue (root, branch)
--      combined_queue      - merge-leaf: the queue it merges into
--      combined_type       - node type of the combined queue's node
-- ----------------------------------------------------------------------
begin
    select n.node_type, n.node_name, n.worker_name, n.combined_queue
      into node_type, node_name, worker_name, combined_queue
      from pgq_node.node_info n
     where n.queue_name = i_queue_name;
    if not found then
        select 404, 'Unknown queue: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;

    select s.last_tick_id, s.provider_node, s.paused, s.uptodate, s.cur_error
      into completed_tick, provider_node, paused, uptodate, cur_error
      from pgq_node.local_state s
     where s.queue_name = i_queue_name
       and s.consumer_name = worker_name;
    if not found then
        select 404, 'Unknown consumer: ' || i_queue_name || '/' || worker_name
          into ret_code, ret_note;
        return;
    end if;

    select 100, 'Ok', l.node_location into ret_code, ret_note, provider_location
      from pgq_node.node_location l
     where l.queue_name = i_queue_name
       and l.node_name = provider_node;
    if not found then
        select 404, 'Unknown provider node: ' || i_queue_name || '/' || provider_node
          into ret_code, ret_note;
        return;
    end if;

    if combined_queue is not null then
        select c.node_type into combined_type
          from pgq_node.node_info c
         where c.queue_name = get_worker_state.combined_queue;
        if not found then
            select 404, 'Combined queue node not found: ' || combined_queue
              into ret_code, ret_note;
            return;
        end if;
    end if;

    if node_type in ('root', 'branch') then
        select min(ci.last_tick) filter (where ci.consumer_name <> '.global_watermark'),
               min(ci.last_tick) filter (where ci.consumer_name = '.global_watermark')
          into local_watermark, global_watermark
          from pgq.get_consumer_info(i_queue_name) ci;

        select t.tick_id into local_queue_top
          from pgq.tick t, pgq.queue q
         where q.queue_name = i_queue_name
           and t.tick_queue = q.queue_id
         order by t.tick_queue desc, t.tick_id desc
         limit 1;

        if local_watermark is null then
            local_watermark := local_queue_top;
        end if;
    else
        local_watermark := completed_tick;
    end if;
    return;
end;
$$ language plpgsql security definer;
