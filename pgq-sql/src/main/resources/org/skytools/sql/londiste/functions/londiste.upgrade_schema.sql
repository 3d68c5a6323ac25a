create or replace function londiste.upgrade_schema()
returns int4 as $$
-- ----------------------------------------------------------------------
-- Function: londiste.upgrade_schema(0)
--
--      Brings the tables and roles of an older londiste install up to date.
--      Safe to run any number of times.
--
-- Returns:
--      Number of changes made.
-- ----------------------------------------------------------------------
declare
    changes int4 := 0;
begin
    -- table_info: dropped DDL is kept until the copy has caught up
    perform 1 from pg_catalog.pg_constraint
     where conrelid = 'londiste.table_info'::regclass
       and conname = 'table_info_check'
       and pg_get_constraintdef(oid) not like '%catching-up%';
    if found then
        alter table londiste.table_info drop constraint table_info_check;
        alter table londiste.table_info add constraint table_info_check
            check (dropped_ddl is null or merge_state in ('in-copy', 'catching-up'));
        changes := changes + 1;
    end if;

    -- table_info.dest_table
    perform 1 from pg_catalog.pg_attribute
     where attrelid = 'londiste.table_info'::regclass
       and attname = 'dest_table'
       and not attisdropped;
    if not found then
        alter table londiste.table_info add column dest_table text;
        changes := changes + 1;
    end if;

    -- table_info: the trigger must run before the row goes
    perform 1 from pg_catalog.pg_trigger
     where tgrelid = 'londiste.table_info'::regclass
       and tgname = 'table_info_trigger_sync'
       and (tgtype & 2) = 0;
    if found then
        drop trigger table_info_trigger_sync on londiste.table_info;
        create trigger table_info_trigger_sync before delete on londiste.table_info
            for each row execute procedure londiste.table_info_trigger();
        changes := changes + 1;
    end if;

    -- applied_execute.execute_attrs
    perform 1 from pg_catalog.pg_attribute
     where attrelid = 'londiste.applied_execute'::regclass
       and attname = 'execute_attrs'
       and not attisdropped;
    if not found then
        alter table londiste.applied_execute add column execute_attrs text;
        changes := changes + 1;
    end if;

    -- applied_execute: a file runs once per database, whatever the queue
    perform 1 from pg_catalog.pg_constraint
     where conrelid = 'londiste.applied_execute'::regclass
       and conname = 'applied_execute_pkey'
       and array_length(conkey, 1) > 1;
    if found then
        alter table londiste.applied_execute drop constraint applied_execute_pkey;
        alter table londiste.applied_execute add constraint applied_execute_pkey
            primary key (execute_file);
        changes := changes + 1;
    end if;

    -- applied_execute: rows outlive the queue
    perform 1 from pg_catalog.pg_constraint
     where conrelid = 'londiste.applied_execute'::regclass
       and conname = 'applied_execute_queue_name_fkey';
    if found then
        alter table londiste.applied_execute drop constraint applied_execute_queue_name_fkey;
        changes := changes + 1;
    end if;

    -- roles: roles belong to the cluster, another database may create them at the same time
    if not exists (select 1 from pg_catalog.pg_roles where rolname = 'londiste_writer') then
        begin
            create role londiste_writer in role pgq_admin;
            changes := changes + 1;
        exception when duplicate_object or unique_violation then
            null;
        end;
    end if;
    if not exists (select 1 from pg_catalog.pg_roles where rolname = 'londiste_reader') then
        begin
            create role londiste_reader in role pgq_reader;
            changes := changes + 1;
        exception when duplicate_object or unique_violation then
            null;
        end;
    end if;

    return changes;
end;
$$ language plpgsql;
