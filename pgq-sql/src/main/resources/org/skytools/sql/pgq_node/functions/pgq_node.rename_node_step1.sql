create or replace function pgq_node.rename_node_step1(
    in i_queue_name text,
    in i_old_name text,
    in i_new_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.rename_node_step1(3)
--
--      First half of renaming a member node, run on every member: makes
--      the new name a copy of the old one, so that both are valid while
--      the members change over.  Adds the new name's member row with the
--      old one's location and dead flag; where this node is the old one's
--      provider, also its subscription, with the watermark consumer of the
--      new name registered at the old one's position.  Running it again
--      changes nothing.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_old_name      - current node name
--      i_new_name      - new node name
--
-- Returns:
--      200 - Ok
--      301 - Old node not found (nothing to do here)
--      405 - The new name is another node's
-- ----------------------------------------------------------------------
declare
    old_loc     record;
    new_loc     record;
    sub         record;
    new_wm      text;
    wm_tick     bigint;
begin
    select node_location, dead into old_loc
      from pgq_node.node_location
     where queue_name = i_queue_name
       and node_name = i_old_name
       for update;
    if not found then
        select 301, 'Node ' || i_old_name || ' not found' into ret_code, ret_note;
        return;
    end if;

    select node_location into new_loc
      from pgq_node.node_location
     where queue_name = i_queue_name
       and node_name = i_new_name;
    if not found then
        insert into pgq_node.node_location (queue_name, node_name, node_location, dead)
        values (i_queue_name, i_new_name, old_loc.node_location, old_loc.dead);
    elsif new_loc.node_location <> old_loc.node_location then
        select 405, 'Node ' || i_new_name || ' already exists at another location'
          into ret_code, ret_note;
        return;
    end if;

    select worker_name, watermark_name into sub
      from pgq_node.subscriber_info
     where queue_name = i_queue_name
       and subscriber_node = i_old_name;
    if found then
        new_wm := '.' || i_new_name || '.watermark';
        perform 1 from pgq_node.subscriber_info
         where queue_name = i_queue_name
           and subscriber_node = i_new_name;
        if not found then
            select last_tick into wm_tick
              from pgq.get_consumer_info(i_queue_name, sub.watermark_name);
            perform pgq.register_consumer_at(i_queue_name, new_wm, wm_tick);
            insert into pgq_node.subscriber_info
                   (queue_name, subscriber_node, worker_name, watermark_name)
            values (i_queue_name, i_new_name, sub.worker_name, new_wm);
        end if;
    end if;

    select 200, 'Node ' || i_old_name || ' copied as ' || i_new_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
