create or replace function pgq_node.set_partition_watermark(
    in i_combined_queue_name text,
    in i_part_queue_name text,
    in i_watermark bigint,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.set_partition_watermark(3)
--
--      On a combined branch (the failover copy of a combined root): moves
--      the position of a local merge-leaf to the partition tick that came
--      inside a batch of the combined queue.
--
-- Parameters:
--      i_combined_queue_name   - local combined queue (a branch)
--      i_part_queue_name       - local partition queue (a merge-leaf)
--      i_watermark             - partition tick id
--
-- Returns:
--      200 - Ok
--      201 - No such merge-leaf of a combined branch here
--      401 - The merge-leaf's worker is not registered
-- ----------------------------------------------------------------------
declare
    part_worker text;
begin
    select p.worker_name into part_worker
      from pgq_node.node_info c, pgq_node.node_info p
     where p.queue_name = i_part_queue_name
       and c.queue_name = i_combined_queue_name
       and p.combined_queue = c.queue_name
       and p.node_type = 'leaf'
       and c.node_type = 'branch';
    if not found then
        select 201, 'Part-queue does not exist' into ret_code, ret_note;
        return;
    end if;

    update pgq_node.local_state
       set last_tick_id = i_watermark
     where queue_name = i_part_queue_name
       and consumer_name = part_worker;
    if not found then
        select 401, 'Worker registration not found' into ret_code, ret_note;
        return;
    end if;

    select 200, 'Ok' into ret_code, ret_note;
    return;
end;
$$ language plpgsql security definer;
