create or replace function pgq_ext.set_event_done(
    a_consumer text,
    a_subconsumer text,
    a_batch_id bigint,
    a_event_id bigint)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.set_event_done(4)
--
--      Records an event of a batch as done.  When the batch differs from
--      the one tracked so far, the previous batch must have been finished
--      on the queue side, so its event rows are deleted.
--
-- Parameters:
--      a_consumer      - consumer name
--      a_subconsumer   - subconsumer name
--      a_batch_id      - batch id
--      a_event_id      - event id
--
-- Returns:
--      false when the event was recorded already, true otherwise.
-- ----------------------------------------------------------------------
declare
    v_old   bigint;
begin
    if pgq_ext.is_event_done(a_consumer, a_subconsumer, a_batch_id, a_event_id) then
        return false;
    end if;

    select cur_batch_id into v_old
      from pgq_ext.partial_batch
     where consumer_id = a_consumer
       and subconsumer_id = a_subconsumer;
    if not found then
        insert into pgq_ext.partial_batch (consumer_id, subconsumer_id, cur_batch_id)
        values (a_consumer, a_subconsumer, a_batch_id);
    elsif v_old <> a_batch_id then
        delete from pgq_ext.completed_event
         where consumer_id = a_consumer
           and subconsumer_id = a_subconsumer
           and batch_id = v_old;
        update pgq_ext.partial_batch
           set cur_batch_id = a_batch_id
         where consumer_id = a_consumer
           and subconsumer_id = a_subconsumer;
    end if;

    insert into pgq_ext.completed_event (consumer_id, subconsumer_id, batch_id, event_id)
    values (a_consumer, a_subconsumer, a_batch_id, a_event_id);
    return true;
end;
$$ language plpgsql security definer;

create or replace function pgq_ext.set_event_done(
    a_consumer text,
    a_batch_id bigint,
    a_event_id bigint)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.set_event_done(3)
--
--      Same as pgq_ext.set_event_done(4) for the subconsumer ''.
-- ----------------------------------------------------------------------
begin
    return pgq_ext.set_event_done(a_consumer, '', a_batch_id, a_event_id);
end;
$$ language plpgsql;
