create or replace function pgq_node.promote_branch(
    in i_queue_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.promote_branch(1)
--
--      Turns a branch into the root: the queue accepts inserts and ticks
--      on its own again, continuing after the latest tick it received, and
--      the worker reads from the node itself.
--
-- Parameters:
--      i_queue_name    - queue name
--
-- Returns:
--      200 - Ok
--      301 - Node is not a branch
--      404 - No node for the queue
-- ----------------------------------------------------------------------
declare
    n_name      text;
    n_type      text;
    w_name      text;
    top_tick    bigint;
begin
    select node_name, node_type, worker_name into n_name, n_type, w_name
      from pgq_node.node_info
     where queue_name = i_queue_name
       for update;
    if not found then
        select 404, 'Node not initialized for queue: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;
    if n_type <> 'branch' then
        select 301, 'Node not branch' into ret_code, ret_note;
        return;
    end if;

    update pgq.queue
       set queue_disable_insert = false,
           queue_external_ticker = false
     where queue_name = i_queue_name;

    select t.tick_id into top_tick
      from pgq.tick t, pgq.queue q
     where q.queue_name = i_queue_name
       and t.tick_queue = q.queue_id
     order by t.tick_queue desc, t.tick_id desc
     limit 1;

    -- the next local tick must come after the ones copied from the old root
    perform pgq.seq_setval(q.queue_tick_seq, top_tick)
       from pgq.queue q
      where q.queue_name = i_queue_name;

    update pgq_node.node_info
       set node_type = 'root'
     where queue_name = i_queue_name;

    update pgq_node.local_state
       set provider_node = n_name,
           last_tick_id = top_tick,
           uptodate = false
     where queue_name = i_queue_name
       and consumer_name = w_name;

    select 200, 'Branch node promoted to root' into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
