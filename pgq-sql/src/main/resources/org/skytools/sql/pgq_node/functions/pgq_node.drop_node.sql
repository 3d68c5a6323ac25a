create or replace function pgq_node.drop_node(
    in i_queue_name text,
    in i_node_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.drop_node(2)
--
--      Removes a node from this database's view of the cascade.  Run it on
--      every member to get rid of a node completely.
--
--      For the local node: the subscribers, cascaded consumers, node info,
--      the queue (with its consumers) and every other member location go.
--      For another node: its subscription on this node goes.  Its location
--      goes in both cases.  Cleaning up is best effort, so an unknown queue
--      or node is no error.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_node_name     - node to drop
--
-- Returns:
--      200 - Ok
--      405 - The node is this node's provider
-- ----------------------------------------------------------------------
declare
    is_local    boolean;
    is_provider boolean;
    res         record;
begin
    select n.node_name = i_node_name,
           coalesce(s.provider_node = i_node_name, false)
      into is_local, is_provider
      from pgq_node.node_info n
      left join pgq_node.local_state s
             on (s.queue_name = n.queue_name and s.consumer_name = n.worker_name)
     where n.queue_name = i_queue_name;
    if not found then
        -- leftovers of a half-done setup may exist without node info
        is_local := true;
        is_provider := false;
    end if;

    if is_local then
        delete from pgq_node.subscriber_info where queue_name = i_queue_name;
        delete from pgq_node.local_state where queue_name = i_queue_name;
        delete from pgq_node.node_info where queue_name = i_queue_name and node_name = i_node_name;

        perform pgq.drop_queue(q.queue_name, true)
           from pgq.queue q
          where q.queue_name = i_queue_name;

        delete from pgq_node.node_location
         where queue_name = i_queue_name
           and node_name <> i_node_name;
    elsif is_provider then
        select 405, 'Cannot drop provider node: ' || i_node_name into ret_code, ret_note;
        return;
    else
        perform pgq_node.unregister_subscriber(i_queue_name, i_node_name);
    end if;

    -- done last, so that the root can announce it
    select * into res from pgq_node.unregister_location(i_queue_name, i_node_name);

    select 200, 'Node dropped: ' || i_node_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
