create or replace function pgq._trg_relsig(relid oid)
returns text as $$
-- ----------------------------------------------------------------------
-- Function: pgq._trg_relsig(1)
--
--      Structure signature of a table, used to notice that cached trigger
--      information is stale.  Any ALTER TABLE that adds, drops, renames or
--      retypes a column, renames the table or changes its primary key
--      writes a new row version into pg_class, pg_attribute or pg_index,
--      and so changes the transaction ids listed here.
--
-- Parameters:
--      relid   - table oid
-- ----------------------------------------------------------------------
    select c.xmin::text
        || ':' || coalesce((select array_agg(a.xmin)::text from pg_catalog.pg_attribute a
                             where a.attrelid = $1 and a.attnum > 0), '')
        || ':' || coalesce((select array_agg(i.xmin)::text from pg_catalog.pg_index i
                             where i.indrelid = $1 and i.indisprimary), '')
      from pg_catalog.pg_class c
     where c.oid = $1;
$$ language sql stable strict;
