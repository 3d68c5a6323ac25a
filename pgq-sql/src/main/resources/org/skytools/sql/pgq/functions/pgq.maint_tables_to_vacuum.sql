create or replace function pgq.maint_tables_to_vacuum()
returns setof text as $$
-- ----------------------------------------------------------------------
-- Function: pgq.maint_tables_to_vacuum(0)
--
--      Tables with frequent updates that maintenance should vacuum.  Empty
--      when autovacuum is on.
--
-- Returns:
--      Table names, those of the list that exist.
-- ----------------------------------------------------------------------
declare
    scm     text;
    tbl     text;
begin
    if current_setting('autovacuum') = 'on' then
        return;
    end if;

    for scm, tbl in
        values ('pgq', 'subscription'),
               ('pgq', 'consumer'),
               ('pgq', 'queue'),
               ('pgq', 'tick'),
               ('pgq', 'retry_queue'),
               ('pgq_ext', 'completed_tick'),
               ('pgq_ext', 'completed_batch'),
               ('pgq_ext', 'completed_event'),
               ('pgq_ext', 'partial_batch'),
               ('pgq_node', 'local_state'),
               ('londiste', 'seq_info'),
               ('txid', 'epoch'),
               ('londiste', 'completed')
    loop
        perform 1
           from pg_catalog.pg_class c
           join pg_catalog.pg_namespace n on (n.oid = c.relnamespace)
          where n.nspname = scm
            and c.relname = tbl;
        if found then
            return next scm || '.' || tbl;
        end if;
    end loop;
    return;
end;
$$ language plpgsql;
