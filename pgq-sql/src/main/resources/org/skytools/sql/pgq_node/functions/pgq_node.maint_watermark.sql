create or replace function pgq_node.maint_watermark(i_queue_name text)
returns int4 as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.maint_watermark(1)
--
--      Safety net run by the ticker's maintenance: on a root whose global
--      watermark has not moved for 5 minutes (no worker running there),
--      publishes the local watermark as the global one.
--
-- Parameters:
--      i_queue_name    - queue name
--
-- Returns:
--      0 - the ticker calls it once per round
-- ----------------------------------------------------------------------
declare
    wm_lag  interval;
begin
    perform 1 from pgq_node.node_info
     where queue_name = i_queue_name
       and node_type = 'root'
       for update;
    if not found then
        return 0;
    end if;

    select lag into wm_lag
      from pgq.get_consumer_info(i_queue_name, '.global_watermark');
    if wm_lag >= '5 minutes'::interval then
        perform pgq_node.set_global_watermark(i_queue_name, null);
    end if;

    return 0;
end;
$$ language plpgsql;
