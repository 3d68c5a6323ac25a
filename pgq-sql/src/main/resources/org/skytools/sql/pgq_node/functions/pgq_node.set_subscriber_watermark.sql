create or replace function pgq_node.set_subscriber_watermark(
    in i_queue_name text,
    in i_node_name text,
    in i_watermark bigint,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.set_subscriber_watermark(3)
--
--      Moves a subscriber's watermark forward: the lowest tick its subtree
--      still needs.  Called on the provider by the subscriber's worker.
--
-- Parameters:
--      i_queue_name    - cascaded queue name
--      i_node_name     - subscriber node
--      i_watermark     - tick id
--
-- Returns:
--      100 - Watermark already there
--      200 - Ok
--      404 - The node is not subscribed
--      405 - The watermark would move backwards
-- ----------------------------------------------------------------------
declare
    wm_name     text;
    cur_tick    bigint;
begin
    wm_name := '.' || i_node_name || '.watermark';
    select last_tick into cur_tick
      from pgq.get_consumer_info(i_queue_name, wm_name);
    if not found then
        select 404, 'node ' || i_node_name || ' not subscribed to queue ' || i_queue_name
          into ret_code, ret_note;
        return;
    end if;

    if i_watermark < cur_tick then
        select 405, 'watermark must not be moved backwards' into ret_code, ret_note;
        return;
    elsif i_watermark = cur_tick then
        select 100, 'watermark already set' into ret_code, ret_note;
        return;
    end if;

    perform pgq.register_consumer_at(i_queue_name, wm_name, i_watermark);

    select 200, wm_name || ' set to ' || i_watermark::text into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
