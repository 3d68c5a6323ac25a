create or replace function pgq_node.create_node(
    in i_queue_name text,
    in i_node_type text,
    in i_node_name text,
    in i_worker_name text,
    in i_provider_name text,
    in i_global_watermark bigint,
    in i_combined_queue text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.create_node(7)
--
--      Makes this database a node of a cascade.  The node's location must
--      be registered first.
--
--      root    creates the queue and registers .global_watermark at its
--              current tick; the worker's provider is the node itself.
--      branch  creates the queue with inserts disabled and an external
--              ticker, starting at the cascade's global watermark tick so
--              that tick ids match the provider's.
--      leaf    has no queue of its own; a merge-leaf names the local
--              combined queue its events go into.
--
-- Parameters:
--      i_queue_name        - cascaded queue name
--      i_node_type         - root, branch or leaf
--      i_node_name         - name of this node
--      i_worker_name       - consumer that maintains the node
--      i_provider_name     - provider node (branch and leaf)
--      i_global_watermark  - tick the worker starts from (branch and leaf)
--      i_combined_queue    - merge-leaf: local queue to merge into
--
-- Returns:
--      200 - Ok
--      401 - Node already initialized, or arguments do not fit the type
-- ----------------------------------------------------------------------
declare
    wm_consumer constant text := '.global_watermark';
    start_tick  bigint;
    provider    text;
begin
    perform 1 from pgq_node.node_info where queue_name = i_queue_name;
    if found then
        select 401, 'Node already initialized' into ret_code, ret_note;
        return;
    end if;

    if i_node_type = 'root' then
        if i_provider_name is not null or i_global_watermark is not null
           or i_combined_queue is not null
        then
            select 401, 'unexpected args for ' || i_node_type into ret_code, ret_note;
            return;
        end if;
        perform pgq.create_queue(i_queue_name);
        perform pgq.register_consumer(i_queue_name, wm_consumer);
        select last_tick into start_tick
          from pgq.get_consumer_info(i_queue_name, wm_consumer);
        provider := i_node_name;
    elsif i_node_type = 'branch' then
        if i_provider_name is null then
            select 401, 'provider not set for ' || i_node_type into ret_code, ret_note;
            return;
        end if;
        if i_global_watermark is null then
            select 401, 'global watermark not set for ' || i_node_type into ret_code, ret_note;
            return;
        end if;
        perform pgq.create_queue(i_queue_name);
        update pgq.queue
           set queue_external_ticker = true,
               queue_disable_insert = true
         where queue_name = i_queue_name;
        -- the new queue has tick 1; a later watermark becomes a tick of its own
        if i_global_watermark > 1 then
            perform pgq.ticker(i_queue_name, i_global_watermark, now(), 1);
        end if;
        perform pgq.register_consumer_at(i_queue_name, wm_consumer, i_global_watermark);
        start_tick := i_global_watermark;
        provider := i_provider_name;
    elsif i_node_type = 'leaf' then
        if i_combined_queue is not null then
            perform 1 from pgq.queue where queue_name = i_combined_queue;
            if not found then
                select 401, 'non-existing queue on leaf side: ' || i_combined_queue
                  into ret_code, ret_note;
                return;
            end if;
        end if;
        start_tick := i_global_watermark;
        provider := i_provider_name;
    else
        select 401, 'bad node type: ' || coalesce(i_node_type, 'NULL') into ret_code, ret_note;
        return;
    end if;

    insert into pgq_node.node_info (queue_name, node_type, node_name, worker_name, combined_queue)
        values (i_queue_name, i_node_type, i_node_name, i_worker_name, i_combined_queue);

    select f.ret_code, f.ret_note into ret_code, ret_note
      from pgq_node.register_consumer(i_queue_name, i_worker_name, provider, start_tick) f;
    if ret_code <> 200 then
        return;
    end if;

    select 200, 'Node "' || i_node_name || '" initialized for queue "'
                || i_queue_name || '" with type "' || i_node_type || '"'
      into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
