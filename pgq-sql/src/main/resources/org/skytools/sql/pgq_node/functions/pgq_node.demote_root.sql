create or replace function pgq_node.demote_root(
    in i_queue_name text,
    in i_step int4,
    in i_new_provider text,
    out ret_code int4,
    out ret_note text,
    out last_tick int8)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: pgq_node.demote_root(3)
--
--      Turns the root into a branch, in steps that must be called in order,
--      each in its own transaction:
--
--      1. disable inserts and the internal ticker of the queue;
--      2. wait for writers still inserting (by locking the event table)
--         and insert the final tick, covering every event written;
--      3. make the node a branch that reads from the new provider, starting
--         at that final tick.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_step          - step number, 1 to 3
--      i_new_provider  - node that becomes the provider
--
-- Returns:
--      ret_code    - 200 ok, 301 node is not root, 404 no node for the queue
--      last_tick   - step 2 and 3: the final tick
-- ----------------------------------------------------------------------
declare
    n_type      text;
    w_name      text;
    q           record;
begin
    select node_type, worker_name into n_type, w_name
      from pgq_node.node_info
     where queue_name = i_queue_name
       for update;
    if not found then
        select 404, 'Node not initialized for queue: ' || i_queue_name into ret_code, ret_note;
        return;
    end if;
    if n_type <> 'root' then
        select 301, 'Node not root' into ret_code, ret_note;
        return;
    end if;

    if i_step > 1 then
        select queue_data_pfx, queue_tick_seq, queue_event_seq into q
          from pgq.queue
         where queue_name = i_queue_name
           and queue_disable_insert
           and queue_external_ticker;
        if not found then
            raise exception 'steps in wrong order';
        end if;
    end if;

    if i_step = 1 then
        update pgq.queue
           set queue_disable_insert = true,
               queue_external_ticker = true
         where queue_name = i_queue_name;
        if not found then
            select 404, 'Queue not found: ' || i_queue_name into ret_code, ret_note;
            return;
        end if;
        select 200, 'Step 1: Writing disabled for: ' || i_queue_name into ret_code, ret_note;
    elsif i_step = 2 then
        -- writers that got in before step 1 hold row locks on the event table;
        -- this waits until they are gone, readers are not blocked
        execute 'lock table ' || pgq.quote_fqname(q.queue_data_pfx) || ' in exclusive mode';

        last_tick := nextval(q.queue_tick_seq);
        perform pgq.ticker(i_queue_name, last_tick, now(), nextval(q.queue_event_seq));

        select 200, 'Step 2: Inserted last tick: ' || i_queue_name into ret_code, ret_note;
    elsif i_step = 3 then
        select t.tick_id into last_tick
          from pgq.tick t, pgq.queue pq
         where pq.queue_name = i_queue_name
           and t.tick_queue = pq.queue_id
         order by t.tick_queue desc, t.tick_id desc
         limit 1;

        update pgq_node.node_info
           set node_type = 'branch'
         where queue_name = i_queue_name;

        update pgq_node.local_state
           set provider_node = i_new_provider,
               last_tick_id = last_tick,
               uptodate = false
         where queue_name = i_queue_name
           and consumer_name = w_name;

        select 200, 'Step 3: Demoted root to branch: ' || i_queue_name into ret_code, ret_note;
    else
        raise exception 'incorrect step number';
    end if;
    return;
end;
$$ language plpgsql security definer;
