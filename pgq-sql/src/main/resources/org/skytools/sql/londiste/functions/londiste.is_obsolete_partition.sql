create or replace function londiste.is_obsolete_partition(
    in i_partition_table text,
    in i_retention_period interval,
    in i_partition_period text)
returns boolean as $$
-- ----------------------------------------------------------------------
-- Function: londiste.is_obsolete_partition(3)
--
--      Whether a partition of a table partitioned by date is older than
--      the retention period, judged by its name: <parent>_YYYY, _YYYY_MM,
--      _YYYY_MM_DD or _YYYY_MM_DD_HH for the period.
--
-- Parameters:
--      i_partition_table   - partition name
--      i_retention_period  - how long partitions are kept
--      i_partition_period  - year, month, day or hour (or yearly,
--                            monthly, daily, hourly)
--
-- Returns:
--      true when too old, false if not, NULL when the name does not fit
-- ----------------------------------------------------------------------
declare
    name_expr   text;
    date_fmt    text;
    base        text;
begin
    select f.name_expr, f.date_fmt into name_expr, date_fmt
      from londiste._partition_format(i_partition_period) f;

    base := substring(i_partition_table from '^(.+)' || name_expr || '$');
    if base is null then
        return null;
    end if;
    return i_partition_table < base || to_char(now() - i_retention_period, date_fmt);
end;
$$ language plpgsql;
