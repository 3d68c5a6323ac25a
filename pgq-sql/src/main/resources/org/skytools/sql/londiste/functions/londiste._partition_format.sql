create or replace function londiste._partition_format(
    in i_partition_period text,
    out name_expr text,
    out date_fmt text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste._partition_format(1)
--
--      Name suffix of date partitions for a period: a regular expression
--      and the to_char() format that writes it.
--
-- Parameters:
--      i_partition_period  - year, month, day or hour (or yearly, monthly,
--                            daily, hourly)
-- ----------------------------------------------------------------------
begin
    if i_partition_period in ('year', 'yearly') then
        name_expr := '_[0-9]{4}';
        date_fmt := '_YYYY';
    elsif i_partition_period in ('month', 'monthly') then
        name_expr := '_[0-9]{4}_[0-9]{2}';
        date_fmt := '_YYYY_MM';
    elsif i_partition_period in ('day', 'daily') then
        name_expr := '_[0-9]{4}_[0-9]{2}_[0-9]{2}';
        date_fmt := '_YYYY_MM_DD';
    elsif i_partition_period in ('hour', 'hourly') then
        name_expr := '_[0-9]{4}_[0-9]{2}_[0-9]{2}_[0-9]{2}';
        date_fmt := '_YYYY_MM_DD_HH24';
    else
        raise exception 'not supported i_partition_period: %', i_partition_period;
    end if;
    return;
end;
$$ language plpgsql immutable;
