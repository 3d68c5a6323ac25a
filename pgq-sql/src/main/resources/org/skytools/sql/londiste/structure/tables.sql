-- londiste tables: which tables and sequences of a cascaded queue this node replicates,
-- and in what state.
--
-- Event types londiste reads from the queue:
--      I:<pk cols>, U:<pk cols>, D:<pk cols>
--                              row change from pgq.logutriga(): ev_data is the urlencoded
--                              row, ev_extra1 the table name (the name on the root)
--      I, U, D                 row change from pgq.sqltriga(): ev_data is partial SQL,
--                              ev_extra1 the table name
--      R                       TRUNCATE, ev_extra1 the table name
--      EXECUTE                 SQL script: ev_data the SQL, ev_extra1 the file name,
--                              ev_extra2 urlencoded attributes
--      londiste.add-table      a table became available: ev_data the table name
--      londiste.remove-table   a table went away: ev_data the table name
--      londiste.update-seq     new sequence value: ev_data the value, ev_extra1 the name
--      londiste.remove-seq     a sequence went away: ev_data the name

create schema londiste;

-- Tables known in each cascaded queue, and the local state of the subscribed ones.
--   table_name      fully qualified name as known in the queue (the root's name)
--   local           the table is replicated into this node
--   merge_state     copy state: NULL (copy needed), in-copy, catching-up,
--                   wanna-sync:<tick>, do-sync:<tick>, ok
--   custom_snapshot txid snapshot of the copy; events visible in it are in the copied data
--   dropped_ddl     indexes and constraints dropped by the lead of a merged copy
--   table_attrs     urlencoded settings: handler, skip_truncate, copy_node, max_parallel_copy
--   dest_table      local table name when it differs from table_name
create table londiste.table_info (
    nr                  serial not null,
    queue_name          text not null,
    table_name          text not null,
    local               boolean not null default false,
    merge_state         text,
    custom_snapshot     text,
    dropped_ddl         text,
    table_attrs         text,
    dest_table          text,

    constraint table_info_pkey primary key (queue_name, table_name),
    constraint table_info_queue_name_fkey foreign key (queue_name)
        references pgq_node.node_info (queue_name) on delete cascade,
    constraint table_info_check
        check (dropped_ddl is null or merge_state in ('in-copy', 'catching-up'))
);

-- Sequences known in each cascaded queue.
--   local       the sequence is kept up to date on this node
--   last_value  last value the root published
create table londiste.seq_info (
    nr                  serial not null,
    queue_name          text not null,
    seq_name            text not null,
    local               boolean not null default false,
    last_value          int8 not null,

    constraint seq_info_pkey primary key (queue_name, seq_name),
    constraint seq_info_queue_name_fkey foreign key (queue_name)
        references pgq_node.node_info (queue_name) on delete cascade
);

-- EXECUTE scripts applied in this database, by file name across all queues, so that a
-- script arriving through several queues runs once.
create table londiste.applied_execute (
    queue_name          text not null,
    execute_file        text not null,
    execute_time        timestamptz not null default now(),
    execute_sql         text not null,
    execute_attrs       text,

    constraint applied_execute_pkey primary key (execute_file)
);

-- Foreign keys dropped while a table is copied, to be created again when both tables are
-- in sync.  fkey_def is the complete statement that creates the key again.
create table londiste.pending_fkeys (
    from_table          text not null,
    to_table            text not null,
    fkey_name           text not null,
    fkey_def            text not null,

    constraint pending_fkeys_pkey primary key (from_table, fkey_name)
);
