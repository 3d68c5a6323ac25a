create or replace function pgq_node.rename_node_step2(
    in i_queue_name text,
    in i_old_name text,
    in i_new_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.rename_node_step2(3)
--
--      Second half of renaming a member node, run on every member once
--      step 1 ran on all of them: everything that named the old node
--      names the new one (this node's own name, the provider of its
--      consumers) and the old name's member row, subscription and
--      watermark consumer go.  A sync_watermark node attribute that lists
--      the old name is left as it is.
--      Running it again changes nothing.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_old_name      - current node name
--      i_new_name      - new node name
--
-- Returns:
--      200 - Ok
--      301 - Old node not found (renamed already, or never here)
--      404 - Step 1 has not run here
-- ----------------------------------------------------------------------
declare
    sub     record;
begin
    perform 1 from pgq_node.node_location
     where queue_name = i_queue_name
       and node_name = i_old_name
       for update;
    if not found then
        select 301, 'Node ' || i_old_name || ' not found' into ret_code, ret_note;
        return;
    end if;
    perform 1 from pgq_node.node_location
     where queue_name = i_queue_name
       and node_name = i_new_name;
    if not found then
        select 404, 'Node ' || i_new_name || ' not found: run rename_node_step1 first'
          into ret_code, ret_note;
        return;
    end if;

    update pgq_node.node_info
       set node_name = i_new_name
     where queue_name = i_queue_name
       and node_name = i_old_name;

    update pgq_node.local_state
       set provider_node = i_new_name
     where queue_name = i_queue_name
       and provider_node = i_old_name;

    select watermark_name into sub
      from pgq_node.subscriber_info
     where queue_name = i_queue_name
       and subscriber_node = i_old_name;
    if found then
        perform 1 from pgq_node.subscriber_info
         where queue_name = i_queue_name
           and subscriber_node = i_new_name;
        if not found then
            select 404, 'Subscriber ' || i_new_name || ' not found: run rename_node_step1 first'
              into ret_code, ret_note;
            return;
        end if;
        delete from pgq_node.subscriber_info
         where queue_name = i_queue_name
           and subscriber_node = i_old_name;
        perform pgq.unregister_consumer(i_queue_name, sub.watermark_name);
    end if;

    delete from pgq_node.node_location
     where queue_name = i_queue_name
       and node_name = i_old_name;

    select 200, 'Node ' || i_old_name || ' renamed to ' || i_new_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
