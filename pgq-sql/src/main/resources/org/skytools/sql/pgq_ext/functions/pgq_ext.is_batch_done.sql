create or replace function pgq_ext.is_batch_done(
    a_consumer text,
    a_subconsumer text,
    a_batch_id bigint)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.is_batch_done(3)
--
--      Tells whether the batch is the last batch recorded as done for
--      the consumer.  Only the last batch is remembered, as batches come
--      in sequence.
--
-- Parameters:
--      a_consumer      - consumer name
--      a_subconsumer   - subconsumer name
--      a_batch_id      - batch id
-- ----------------------------------------------------------------------
declare
    v_last  bigint;
begin
    select last_batch_id into v_last
      from pgq_ext.completed_batch
     where consumer_id = a_consumer
       and subconsumer_id = a_subconsumer;
    return found and v_last = a_batch_id;
end;
$$ language plpgsql security definer;

create or replace function pgq_ext.is_batch_done(
    a_consumer text,
    a_batch_id bigint)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.is_batch_done(2)
--
--      Same as pgq_ext.is_batch_done(3) for the subconsumer ''.
-- ----------------------------------------------------------------------
begin
    return pgq_ext.is_batch_done(a_consumer, '', a_batch_id);
end;
$$ language plpgsql;
