create or replace function pgq_coop.register_subconsumer(
    i_queue_name text,
    i_consumer_name text,
    i_subconsumer_name text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq_coop.register_subconsumer(3)
--
--      Registers a subconsumer of a cooperative consumer on a queue,
--      registering the main consumer too when needed.  The subconsumer
--      is an ordinary subscription named '<consumer>.<subconsumer>' that
--      shares the main consumer's sub_id, so that retried events of the
--      group reach every member; its position stays empty, as positions
--      are kept on the main consumer's row.
--
-- Parameters:
--      i_queue_name        - queue name
--      i_consumer_name     - main consumer name
--      i_subconsumer_name  - subconsumer name
--
-- Returns:
--      0 when the subconsumer was registered already, 1 when it is new.
-- ----------------------------------------------------------------------
declare
    v_name      text := i_consumer_name || '.' || i_subconsumer_name;
    v_result    integer;
    v_queue_id  integer;
    v_sub_id    integer;
    v_co_id     integer;
begin
    perform pgq.register_consumer(i_queue_name, i_consumer_name);
    v_result := pgq.register_consumer(i_queue_name, v_name);
    if v_result = 1 then
        select q.queue_id, s.sub_id into v_queue_id, v_sub_id
          from pgq.queue q
          join pgq.subscription s on s.sub_queue = q.queue_id
          join pgq.consumer c on c.co_id = s.sub_consumer
         where q.queue_name = i_queue_name
           and c.co_name = i_consumer_name;
        if not found then
            raise exception 'main consumer not found';
        end if;
        select co_id into v_co_id from pgq.consumer where co_name = v_name;

        update pgq.subscription
           set sub_id = v_sub_id,
               sub_last_tick = null,
               sub_next_tick = null
         where sub_queue = v_queue_id
           and sub_consumer = v_co_id;
    end if;
    return v_result;
end;
$$ language plpgsql security definer;
