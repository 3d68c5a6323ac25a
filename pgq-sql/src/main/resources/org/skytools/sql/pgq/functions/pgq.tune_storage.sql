create or replace function pgq.tune_storage(i_queue_name text)
returns integer as $$
-- ----------------------------------------------------------------------
-- Function: pgq.tune_storage(1)
--
--      Storage settings for a queue's data tables: rows are never updated, so
--      fillfactor 100; tables are emptied by TRUNCATE on rotation, so
--      autovacuum is not needed on them.
--
-- Returns:
--      1 - done, 0 - no such queue
-- ----------------------------------------------------------------------
declare
    q   record;
begin
    select * into q from pgq.queue where queue_name = i_queue_name;
    if not found then
        return 0;
    end if;

    for i in 0 .. q.queue_ntables - 1 loop
        execute 'alter table ' || pgq.quote_fqname(q.queue_data_pfx || '_' || i::text)
            || ' set (fillfactor = 100, autovacuum_enabled = off, toast.autovacuum_enabled = off)';
    end loop;
    return 1;
end;
$$ language plpgsql strict;
