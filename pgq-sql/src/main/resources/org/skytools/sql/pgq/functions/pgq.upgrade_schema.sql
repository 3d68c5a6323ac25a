create or replace function pgq.upgrade_schema()
returns int4 as $$
-- ----------------------------------------------------------------------
-- Function: pgq.upgrade_schema(0)
--
--      Brings the table structure and the roles of an older pgq install up to
--      date.  Every step probes the catalog first, so the function can run any
--      number of times.
--
-- Returns:
--      Number of changes made.
-- ----------------------------------------------------------------------
declare
    changes int4 := 0;
begin
    -- cooperative subconsumers need sub_last_tick to be nullable (pgq 3.1)
    perform 1 from pg_catalog.pg_attribute
     where attrelid = 'pgq.subscription'::regclass
       and attname = 'sub_last_tick'
       and attnotnull;
    if found then
        alter table pgq.subscription alter column sub_last_tick drop not null;
        changes := changes + 1;
    end if;

    -- per-queue extra maintenance functions
    perform 1 from pg_catalog.pg_attribute
     where attrelid = 'pgq.queue'::regclass
       and attname = 'queue_extra_maint'
       and not attisdropped;
    if not found then
        alter table pgq.queue add column queue_extra_maint text[];
        changes := changes + 1;
    end if;

    -- Roles of the role-based grants.  Roles belong to the cluster: an install into
    -- another database may create them at the same time, which is fine.
    if not exists (select 1 from pg_catalog.pg_roles where rolname = 'pgq_reader') then
        begin
            create role pgq_reader;
            changes := changes + 1;
        exception when duplicate_object or unique_violation then
            null;
        end;
    end if;
    if not exists (select 1 from pg_catalog.pg_roles where rolname = 'pgq_writer') then
        begin
            create role pgq_writer;
            changes := changes + 1;
        exception when duplicate_object or unique_violation then
            null;
        end;
    end if;
    if not exists (select 1 from pg_catalog.pg_roles where rolname = 'pgq_admin') then
        begin
            create role pgq_admin in role pgq_reader, pgq_writer;
            changes := changes + 1;
        exception when duplicate_object or unique_violation then
            null;
        end;
    end if;

    return changes;
end;
$$ language plpgsql;
