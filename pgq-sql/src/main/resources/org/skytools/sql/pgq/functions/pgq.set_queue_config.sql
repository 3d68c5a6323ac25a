create or replace function pgq.set_queue_config(
    x_queue_name    text,
    x_param_name    text,
    x_param_value   text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.set_queue_config(3)
--
--      Changes one setting of a queue.  The parameter is the pgq.queue column
--      name without the "queue_" prefix; the value is cast to the column type.
--
-- Parameters:
--      x_queue_name    - queue name
--      x_param_name    - ticker_max_count, ticker_max_lag, ticker_idle_period,
--                        ticker_paused, rotation_period or external_ticker
--      x_param_value   - new value as text
--
-- Returns:
--      1 - success
-- ----------------------------------------------------------------------
declare
    col text;
begin
    if x_queue_name is null or x_param_name is null then
        raise exception 'Invalid NULL value';
    end if;

    perform 1 from pgq.queue where queue_name = x_queue_name;
    if not found then
        raise exception 'No such event queue';
    end if;

    col := 'queue_' || x_param_name;
    if col not in ('queue_ticker_max_count', 'queue_ticker_max_lag', 'queue_ticker_idle_period',
                   'queue_ticker_paused', 'queue_rotation_period', 'queue_external_ticker')
    then
        raise exception 'cannot change parameter "%"', x_param_name;
    end if;

    execute format('update pgq.queue set %I = %L where queue_name = %L',
                   col, x_param_value, x_queue_name);
    return 1;
end;
$$ language plpgsql security definer;
