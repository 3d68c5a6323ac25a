create or replace function pgq_node.set_global_watermark(
    in i_queue_name text,
    in i_watermark bigint,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.set_global_watermark(2)
--
--      Moves the global watermark, the lowest tick some node of the
--      cascade still needs; the queue keeps its events from there on.
--
--      root    publishes the watermark: moves .global_watermark, sends a
--              pgq.global-watermark event down the cascade and moves the
--              root worker's position with it, so it cannot go stale.
--      branch  moves .global_watermark, if the tick exists locally (batches
--              from before the branch existed may carry older ticks).
--      leaf    has no queue; the call is ignored.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_watermark     - tick id; on the root NULL means the local watermark
--
-- Returns:
--      100 - Ignored on a leaf
--      200 - Ok, or skipped because the tick is not here
--      404 - No node for the queue
--      500 - NULL watermark on a branch
-- ----------------------------------------------------------------------
declare
    wm_consumer constant text := '.global_watermark';
    this_node   record;
    wm          bigint;
begin
    select node_type, worker_name into this_node
      from pgq_node.node_info
     where queue_name = i_queue_name
       for update;
    if not found then
        select 404, 'Queue ' || i_queue_name || ' not found' into ret_code, ret_note;
        return;
    end if;

    wm := i_watermark;
    if this_node.node_type = 'root' then
        if wm is null then
            select f.ret_code, f.ret_note, f.local_watermark into ret_code, ret_note, wm
              from pgq_node.get_node_info(i_queue_name) f;
            if ret_code >= 300 then
                return;
            end if;
            if wm is null then
                raise exception 'local_watermark=NULL from get_node_info()?';
            end if;
        end if;

        perform pgq.register_consumer_at(i_queue_name, wm_consumer, wm);
        perform pgq.insert_event(i_queue_name, 'pgq.global-watermark', wm::text,
                                 i_queue_name, null, null, null);
        update pgq_node.local_state
           set last_tick_id = wm
         where queue_name = i_queue_name
           and consumer_name = this_node.worker_name;
    elsif this_node.node_type = 'branch' then
        if wm is null then
            select 500, 'bad usage: wm=null on branch node' into ret_code, ret_note;
            return;
        end if;

        perform 1 from pgq.tick t, pgq.queue q
         where q.queue_name = i_queue_name
           and t.tick_queue = q.queue_id
           and t.tick_id = wm;
        if not found then
            select 200, 'Skipping global watermark update to ' || wm::text into ret_code, ret_note;
            return;
        end if;

        perform pgq.register_consumer_at(i_queue_name, wm_consumer, wm);
    else
        select 100, 'Ignoring global watermark in leaf' into ret_code, ret_note;
        return;
    end if;

    select 200, 'Global watermark set to ' || wm::text into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
