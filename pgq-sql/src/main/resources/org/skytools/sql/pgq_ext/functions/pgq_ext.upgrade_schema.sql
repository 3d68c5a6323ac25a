create or replace function pgq_ext.upgrade_schema()
returns int4 as $$
-- ----------------------------------------------------------------------
-- Function: pgq_ext.upgrade_schema(0)
--
--      Brings tables made before subconsumers existed up to date: adds
--      subconsumer_id (filled with '') to each tracking table, makes it
--      part of the primary key, and gives it the default ''.
--
-- Returns:
--      Number of changes made.
-- ----------------------------------------------------------------------
declare
    cnt     int4 := 0;
    tbl     text;
    keycols text;
begin
    foreach tbl in array array['completed_batch', 'completed_tick', 'partial_batch', 'completed_event']
    loop
        perform 1 from pg_catalog.pg_attribute
          where attrelid = ('pgq_ext.' || tbl)::regclass
            and attname = 'subconsumer_id' and not attisdropped;
        if not found then
            keycols := case tbl when 'completed_event'
                                then 'consumer_id, subconsumer_id, batch_id, event_id'
                                else 'consumer_id, subconsumer_id' end;
            execute format('alter table pgq_ext.%I add column subconsumer_id text', tbl);
            execute format('update pgq_ext.%I set subconsumer_id = %L', tbl, '');
            execute format('alter table pgq_ext.%I alter column subconsumer_id set not null', tbl);
            execute format('alter table pgq_ext.%I drop constraint %I', tbl, tbl || '_pkey');
            execute format('alter table pgq_ext.%I add constraint %I primary key (%s)',
                           tbl, tbl || '_pkey', keycols);
            cnt := cnt + 1;
        end if;
    end loop;

    for tbl in
        select c.relname
          from pg_catalog.pg_attribute a
          join pg_catalog.pg_class c on c.oid = a.attrelid
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'pgq_ext'
           and c.relname in ('completed_tick', 'completed_event', 'partial_batch', 'completed_batch')
           and a.attname = 'subconsumer_id'
           and not a.atthasdef
         order by c.relname
    loop
        execute format('alter table pgq_ext.%I alter column subconsumer_id set default %L', tbl, '');
        cnt := cnt + 1;
    end loop;
    return cnt;
end;
$$ language plpgsql;
