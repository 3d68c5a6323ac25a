create or replace function pgq_coop.unregister_subconsumer(
    i_queue_name text,
    i_consumer_name text,
    i_subconsumer_name text,
    i_batch_handling integer)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq_coop.unregister_subconsumer(4)
--
--      Removes a subconsumer from a queue.
--
-- Parameters:
--      i_queue_name        - queue name
--      i_consumer_name     - main consumer name
--      i_subconsumer_name  - subconsumer name
--      i_batch_handling    - what to do when the subconsumer has a batch open:
--                            0 - raise an exception,
--                            1 - drop the batch; its events are then never
--                                processed by this consumer group
--
-- Returns:
--      0 when no such subconsumer exists, 1 when it was removed.
-- ----------------------------------------------------------------------
declare
    v_queue_id  integer;
    v_co_id     integer;
    v_batch     bigint;
begin
    select q.queue_id, c.co_id, s.sub_batch
      into v_queue_id, v_co_id, v_batch
      from pgq.queue q
      join pgq.subscription s on s.sub_queue = q.queue_id
      join pgq.consumer c on c.co_id = s.sub_consumer
     where q.queue_name = i_queue_name
       and c.co_name = i_consumer_name || '.' || i_subconsumer_name;
    if not found then
        return 0;
    end if;

    if v_batch is not null and i_batch_handling is distinct from 1 then
        raise exception 'subconsumer has active batch';
    end if;

    delete from pgq.subscription
     where sub_queue = v_queue_id
       and sub_consumer = v_co_id;
    return 1;
end;
$$ language plpgsql security definer;
