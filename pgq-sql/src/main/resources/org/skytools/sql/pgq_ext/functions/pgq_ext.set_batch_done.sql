create or replace function pgq_ext.set_batch_done(
    a_consumer text,
    a_subconsumer text,
    a_batch_id bigint)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.set_batch_done(3)
--
--      Records the batch as the last one done by the consumer; call it
--      in the transaction that applies the batch.
--
-- Parameters:
--      a_consumer      - consumer name
--      a_subconsumer   - subconsumer name
--      a_batch_id      - batch id (ids up to 0 are not stored)
--
-- Returns:
--      false when the batch was recorded already, true otherwise.
-- ----------------------------------------------------------------------
begin
    if pgq_ext.is_batch_done(a_consumer, a_subconsumer, a_batch_id) then
        return false;
    end if;
    if a_batch_id > 0 then
        update pgq_ext.completed_batch
           set last_batch_id = a_batch_id
         where consumer_id = a_consumer
           and subconsumer_id = a_subconsumer;
        if not found then
            insert into pgq_ext.completed_batch (consumer_id, subconsumer_id, last_batch_id)
            values (a_consumer, a_subconsumer, a_batch_id);
        end if;
    end if;
    return true;
end;
$$ language plpgsql security definer;

create or replace function pgq_ext.set_batch_done(
    a_consumer text,
    a_batch_id bigint)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.set_batch_done(2)
--
--      Same as pgq_ext.set_batch_done(3) for the subconsumer ''.
-- ----------------------------------------------------------------------
begin
    return pgq_ext.set_batch_done(a_consumer, '', a_batch_id);
end;
$$ language plpgsql;
