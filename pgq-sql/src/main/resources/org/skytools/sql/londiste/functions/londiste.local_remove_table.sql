create or replace function londiste.local_remove_table(
    in i_queue_name text,
    in i_table_name text,
    out ret_code int4,
    out ret_note text)
returns record as $$
-- ----------------------------------------------------------------------
-- Function: londiste.local_remove_table(2)
--
--      Unsubscribes the local node from a table: drops its replication
--      triggers, restores indexes and constraints a merged copy had dropped
--      (after emptying the half-copied table) and forgets the local state
--      and the table's serial sequences.  On the root the table also leaves
--      the queue and a londiste.remove-table event tells the other nodes.
--
-- Parameters:
--      i_queue_name    - queue name
--      i_table_name    - table name in the queue
--
-- Returns:
--      200 - Ok
--      400 - No such table in the queue, or not subscribed (not on root)
-- ----------------------------------------------------------------------
declare
    fq_table_name   text;
    tbl             record;
    qdest           text;
    dest_oid        oid;
    seq_name        text;
    is_root         boolean;
begin
    fq_table_name := londiste.make_fqname(i_table_name);
    is_root := pgq_node.is_root_node(i_queue_name);

    select t.local, t.dropped_ddl, coalesce(t.dest_table, t.table_name) as dest into tbl
      from londiste.table_info t
     where t.queue_name = i_queue_name
       and t.table_name = fq_table_name
       for update;
    if not found then
        select 400, 'Table not found: ' || fq_table_name into ret_code, ret_note;
        return;
    end if;

    if tbl.local then
        perform londiste.drop_table_triggers(i_queue_name, fq_table_name);

        qdest := londiste.quote_fqname(tbl.dest);
        dest_oid := londiste.find_table_oid(tbl.dest);
        if tbl.dropped_ddl is not null then
            -- the copy did not finish: empty the table so that the DDL is quick
            execute 'truncate only ' || qdest;
            execute tbl.dropped_ddl;
        end if;

        update londiste.table_info
           set local = false,
               custom_snapshot = null,
               table_attrs = null,
               dropped_ddl = null,
               merge_state = null,
               dest_table = null
         where queue_name = i_queue_name
           and table_name = fq_table_name;

        -- sequences of serial columns leave with their table
        for seq_name in
            select n.nspname || '.' || s.relname
              from pg_catalog.pg_attribute a
              join pg_catalog.pg_class s
                on (s.oid = pg_get_serial_sequence(qdest, a.attname)::regclass)
              join pg_catalog.pg_namespace n on (n.oid = s.relnamespace)
             where a.attrelid = dest_oid
               and a.attnum > 0
               and not a.attisdropped
               and a.atttypid in ('int4'::regtype, 'int8'::regtype)
             order by a.attnum
        loop
            perform londiste.local_remove_seq(i_queue_name, seq_name);
        end loop;
    elsif not is_root then
        select 400, 'Table not registered locally: ' || fq_table_name into ret_code, ret_note;
        return;
    end if;

    if is_root then
        perform londiste.global_remove_table(i_queue_name, fq_table_name);
        perform londiste.root_notify_change(i_queue_name, 'londiste.remove-table', fq_table_name);
    end if;

    select 200, 'Table removed: ' || fq_table_name into ret_code, ret_note;
    return;
end;
$$ language plpgsql strict;
