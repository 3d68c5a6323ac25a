create or replace function pgq_node.register_location(
    in i_queue_name text,
    in i_node_name text,
    in i_node_location text,
    in i_dead boolean,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.register_location(4)
--
--      Adds a member node of the cascade or updates its connect string and
--      dead flag.  On the root the change is also sent down the cascade as
--      a pgq.location-info event.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_node_name     - node name
--      i_node_location - connect string; NULL keeps the stored one (and
--                        registers nothing for an unknown node)
--      i_dead          - whether the node is dead; NULL keeps the stored flag
--
-- Returns:
--      200 - Ok
-- ----------------------------------------------------------------------
declare
    node_type   text;
    cur_loc     text;
    cur_dead    boolean;
begin
    -- the row lock orders concurrent changes of one cascade
    select n.node_type into node_type
      from pgq_node.node_info n
     where n.queue_name = i_queue_name
       for update;

    update pgq_node.node_location l
       set node_location = coalesce(i_node_location, l.node_location),
           dead = coalesce(i_dead, l.dead)
     where l.queue_name = i_queue_name
       and l.node_name = i_node_name
    returning l.node_location, l.dead into cur_loc, cur_dead;
    if not found and i_node_location is not null then
        insert into pgq_node.node_location (queue_name, node_name, node_location, dead)
            values (i_queue_name, i_node_name, i_node_location, coalesce(i_dead, false))
        returning node_location, dead into cur_loc, cur_dead;
    end if;

    if node_type = 'root' and cur_loc is not null then
        perform pgq.insert_event(i_queue_name, 'pgq.location-info', i_node_name,
                                 i_queue_name, cur_loc, cur_dead::text, null);
    end if;

    select 200, 'Location registered' into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
