create or replace function londiste.drop_obsolete_partitions(
    in i_parent_table text,
    in i_retention_period interval,
    in i_partition_period text)
returns setof text as $$
-- ----------------------------------------------------------------------
-- Function: londiste.drop_obsolete_partitions(3)
--
--      Drops the partitions of a table partitioned by date that are older
--      than the retention period, judged by their names (see
--      londiste.is_obsolete_partition()).  The parent name is taken in
--      lower case.
--
-- Parameters:
--      i_parent_table      - parent table
--      i_retention_period  - how long partitions are kept
--      i_partition_period  - year, month, day or hour (or yearly,
--                            monthly, daily, hourly)
--
-- Returns:
--      quoted names of the partitions dropped
-- ----------------------------------------------------------------------
declare
    parent      record;
    name_expr   text;
    date_fmt    text;
    part        text;
begin
    select f.name_expr, f.date_fmt into name_expr, date_fmt
      from londiste._partition_format(i_partition_period) f;
    parent := londiste.split_fqname(lower(i_parent_table));

    for part in
        select quote_ident(t.schemaname) || '.' || quote_ident(t.tablename)
          from pg_catalog.pg_tables t
         where t.schemaname = parent.schema_part
           and t.tablename ~ ('^' || regexp_replace(parent.name_part, '([.^$*+?()\[\]{}|\\])', '\\\1', 'g')
                              || name_expr || '$')
           and t.tablename < parent.name_part || to_char(now() - i_retention_period, date_fmt)
         order by 1
    loop
        execute 'drop table ' || part;
        return next part;
    end loop;
    return;
end;
$$ language plpgsql;
