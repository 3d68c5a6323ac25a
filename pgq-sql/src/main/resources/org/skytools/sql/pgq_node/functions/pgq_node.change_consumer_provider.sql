create or replace function pgq_node.change_consumer_provider(
    in i_queue_name text,
    in i_consumer_name text,
    in i_new_provider text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.change_consumer_provider(3)
--
--      Points a cascaded consumer at another provider node.  The consumer
--      is marked not up to date, so an admin can wait until it noticed.
--
-- Parameters:
--      i_queue_name    - cascaded queue name
--      i_consumer_name - cascaded consumer name
--      i_new_provider  - new provider node, a registered location
--
-- Returns:
--      200 - Ok
--      404 - Unknown provider location or consumer
-- ----------------------------------------------------------------------
begin
    perform 1 from pgq_node.node_location
     where queue_name = i_queue_name
       and node_name = i_new_provider;
    if not found then
        select 404, 'New node not found: ' || i_new_provider into ret_code, ret_note;
        return;
    end if;

    update pgq_node.local_state
       set provider_node = i_new_provider,
           uptodate = false
     where queue_name = i_queue_name
       and consumer_name = i_consumer_name;
    if not found then
        select 404, 'Unknown consumer: ' || i_queue_name || '/' || i_consumer_name
          into ret_code, ret_note;
        return;
    end if;

    select 200, 'Consumer provider node set to : ' || i_new_provider into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
