create or replace function pgq_node.unregister_location(
    in i_queue_name text,
    in i_node_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.unregister_location(2)
--
--      Removes a member node from the cascade's member map.  A leftover
--      subscription of that node on this one is removed with it.  On the
--      root a pgq.unregister-location event tells the other nodes.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_node_name     - node to remove
--
-- Returns:
--      200 - Ok
--      301 - Location not found
--      403 - Cannot drop the node's own location or its provider's
-- ----------------------------------------------------------------------
declare
    this_node    record;
begin
    select n.node_name, n.node_type, s.provider_node into this_node
      from pgq_node.node_info n
      left join pgq_node.local_state s
             on (s.queue_name = n.queue_name and s.consumer_name = n.worker_name)
     where n.queue_name = i_queue_name;
    if found then
        if this_node.node_name = i_node_name then
            select 403, 'Cannot drop node''s own location' into ret_code, ret_note;
            return;
        end if;
        if this_node.provider_node = i_node_name then
            select 403, 'Cannot drop location of node''s parent' into ret_code, ret_note;
            return;
        end if;
    end if;

    -- an obsolete subscription may be left behind; it goes silently
    perform pgq_node.unregister_subscriber(i_queue_name, i_node_name);

    delete from pgq_node.node_location
     where queue_name = i_queue_name
       and node_name = i_node_name;
    if found then
        select 200, 'Ok' into ret_code, ret_note;
    else
        select 301, 'Location not found: ' || i_queue_name || '/' || i_node_name
          into ret_code, ret_note;
    end if;

    if this_node.node_type = 'root' then
        perform pgq.insert_event(i_queue_name, 'pgq.unregister-location', i_node_name,
                                 i_queue_name, null, null, null);
    end if;
    return;
end;
$$ language plpgsql security definer;
