-- capture triggers: pgq.logutriga(), pgq.sqltriga(), pgq.jsontriga(); includes are relative to this file

-- advanced by every DDL command, read by the triggers to keep their session cache valid
create sequence if not exists pgq.trigger_cache_gen;

-- The cache entry types are created again, and with them the functions that
-- have them in their signature.  Internal functions of earlier releases whose
-- signature or parameters changed are dropped.
do $$
declare
    fn text;
begin
    if to_regtype('pgq._trg_cache') is not null then
        drop type pgq._trg_cache cascade;
    end if;
    if to_regtype('pgq._trg_hot') is not null then
        drop type pgq._trg_hot;
    end if;
    foreach fn in array array['pgq._trg_split(text)', 'pgq._trg_split_slow(text)',
                              'pgq._trg_build(text, oid, text[], text, text)',
                              'pgq._trg_entry(text, oid, text, text[], text, text, text, boolean)',
                              'pgq._logutriga_row(oid, text, text, text, text)',
                              'pgq._jsontriga_row(oid, text, text, text, text, text)']
    loop
        if to_regprocedure(fn) is not null then
            execute 'drop function ' || to_regprocedure(fn)::text;
        end if;
    end loop;
end;
$$;
\i pgq._trg_cache.sql

\i pgq._trg_urlencode.sql
\i pgq._trg_in_list.sql
\i pgq._trg_expr_sql.sql
\i pgq._trg_eqmode.sql
\i pgq._trg_eq.sql
\i pgq._trg_relsig.sql
\i pgq._trg_build.sql
\i pgq._trg_entry.sql
\i pgq._trg_event.sql
\i pgq._trg_fire.sql
\i pgq._trg_ddl_signal.sql
\i pgq.logutriga.sql
\i pgq.sqltriga.sql
\i pgq.jsontriga.sql

-- Only a superuser may create event triggers.  Without it the triggers read
-- the table structure from the catalog once per statement instead.
do $$
begin
    if not exists (select 1 from pg_catalog.pg_event_trigger where evtname = 'pgq_trg_ddl') then
        begin
            create event trigger pgq_trg_ddl on ddl_command_end execute function pgq._trg_ddl_signal();
            -- also in sessions with session_replication_role = replica
            alter event trigger pgq_trg_ddl enable always;
        exception when insufficient_privilege then
            raise notice 'event trigger "pgq_trg_ddl" not created: only a superuser may; the capture triggers will read the table structure once per statement, which is slower; install pgq as a superuser to fix';
        end;
    end if;
end;
$$;
