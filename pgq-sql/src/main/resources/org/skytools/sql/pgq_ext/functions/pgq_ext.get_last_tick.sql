create or replace function pgq_ext.get_last_tick(
    a_consumer text,
    a_subconsumer text)
returns int8 as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.get_last_tick(2)
--
--      Returns the last tick recorded as done for the consumer.
--
-- Parameters:
--      a_consumer      - consumer name
--      a_subconsumer   - subconsumer name
--
-- Returns:
--      Tick id, or NULL when none is recorded.
-- ----------------------------------------------------------------------
declare
    v_tick  int8;
begin
    select last_tick_id into v_tick
      from pgq_ext.completed_tick
     where consumer_id = a_consumer
       and subconsumer_id = a_subconsumer;
    return v_tick;
end;
$$ language plpgsql security definer;

create or replace function pgq_ext.get_last_tick(
    a_consumer text)
returns int8 as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.get_last_tick(1)
--
--      Same as pgq_ext.get_last_tick(2) for the subconsumer ''.
-- ----------------------------------------------------------------------
begin
    return pgq_ext.get_last_tick(a_consumer, '');
end;
$$ language plpgsql;
