-- Privileges of the londiste schema:
--   public           reads the tables (as SkyTools 3 allowed) and may call the helpers
--                    that only read the catalog;
--   londiste_reader  (member of pgq_reader) is what a subscriber's worker uses on its
--                    provider: the table and sequence lists;
--   londiste_writer  (member of pgq_admin) runs the worker and the admin tool on a node.
-- The functions run with the caller's rights; pgq_admin, and so londiste_writer, may change
-- the tables.  The roles are created by londiste.upgrade_schema().  Applied on install and
-- again on every upgrade.

grant usage on schema londiste to public;

revoke all on table londiste.table_info, londiste.seq_info, londiste.pending_fkeys,
                    londiste.applied_execute
    from public, pgq_admin, londiste_reader, londiste_writer cascade;
grant select, insert, update, delete
    on table londiste.table_info, londiste.seq_info, londiste.pending_fkeys,
             londiste.applied_execute
    to pgq_admin;
grant select
    on table londiste.table_info, londiste.seq_info, londiste.pending_fkeys,
             londiste.applied_execute
    to londiste_reader, public;

revoke all on sequence londiste.table_info_nr_seq, londiste.seq_info_nr_seq
    from public, pgq_admin, londiste_reader, londiste_writer cascade;
grant usage on sequence londiste.table_info_nr_seq, londiste.seq_info_nr_seq
    to londiste_writer;

do $$
declare
    g record;
begin
    for g in
        select fn, grantees from (values
            -- read-only catalog helpers, for everybody
            ('londiste.find_column_types(text)', 'public'),
            ('londiste.find_table_fkeys(text)', 'public'),
            ('londiste.find_rel_oid(text, text)', 'public'),
            ('londiste.find_table_oid(text)', 'public'),
            ('londiste.find_seq_oid(text)', 'public'),
            ('londiste.is_replica_func(oid)', 'public'),
            ('londiste.quote_fqname(text)', 'public'),
            ('londiste.make_fqname(text)', 'public'),
            ('londiste.split_fqname(text)', 'public'),
            ('londiste._trigger_args(bytea)', 'public'),
            ('londiste._partition_format(text)', 'public'),
            ('londiste.is_obsolete_partition(text, interval, text)', 'public'),
            ('londiste.list_obsolete_partitions(text, interval, text)', 'public'),
            ('londiste.version()', 'public'),
            -- provider side, called by the subscribers' workers
            ('londiste.get_seq_list(text)', 'londiste_reader, londiste_writer'),
            ('londiste.get_table_list(text)', 'londiste_reader, londiste_writer'),
            ('londiste._coordinate_copy(text, text)', 'londiste_reader, londiste_writer'),
            -- the worker and the admin tool on the node
            ('londiste.local_show_missing(text)', 'londiste_writer'),
            ('londiste.local_add_seq(text, text)', 'londiste_writer'),
            ('londiste.local_add_table(text, text, text[], text, text)', 'londiste_writer'),
            ('londiste.local_add_table(text, text, text[], text)', 'londiste_writer'),
            ('londiste.local_add_table(text, text, text[])', 'londiste_writer'),
            ('londiste.local_add_table(text, text)', 'londiste_writer'),
            ('londiste.local_change_handler(text, text, text[], text)', 'londiste_writer'),
            ('londiste.local_remove_seq(text, text)', 'londiste_writer'),
            ('londiste.local_remove_table(text, text)', 'londiste_writer'),
            ('londiste.global_add_table(text, text)', 'londiste_writer'),
            ('londiste.global_remove_table(text, text)', 'londiste_writer'),
            ('londiste.global_update_seq(text, text, int8)', 'londiste_writer'),
            ('londiste.global_remove_seq(text, text)', 'londiste_writer'),
            ('londiste.get_table_pending_fkeys(text)', 'londiste_writer'),
            ('londiste.get_valid_pending_fkeys(text)', 'londiste_writer'),
            ('londiste.drop_table_fkey(text, text)', 'londiste_writer'),
            ('londiste.restore_table_fkey(text, text)', 'londiste_writer'),
            ('londiste.execute_start(text, text, text, boolean, text)', 'londiste_writer'),
            ('londiste.execute_start(text, text, text, boolean)', 'londiste_writer'),
            ('londiste.execute_finish(text, text)', 'londiste_writer'),
            ('londiste.root_check_seqs(text, int8)', 'londiste_writer'),
            ('londiste.root_check_seqs(text)', 'londiste_writer'),
            ('londiste.root_notify_change(text, text, text)', 'londiste_writer'),
            ('londiste.local_set_table_state(text, text, text, text)', 'londiste_writer'),
            ('londiste.local_set_table_attrs(text, text, text)', 'londiste_writer'),
            ('londiste.local_set_table_struct(text, text, text)', 'londiste_writer'),
            ('londiste.drop_table_triggers(text, text)', 'londiste_writer'),
            ('londiste.table_info_trigger()', 'londiste_writer'),
            ('londiste.create_trigger(text, text, text[], text, text)', 'londiste_writer'),
            ('londiste.create_partition(text, text, text, text, timestamptz, text)', 'londiste_writer'),
            ('londiste.drop_obsolete_partitions(text, interval, text)', 'londiste_writer'),
            ('londiste.upgrade_schema()', 'londiste_writer'),
            ('londiste.set_session_replication_role(text, boolean)', 'londiste_writer'),
            -- ticker maintenance
            ('londiste.periodic_maintenance()', 'londiste_writer, pgq_admin')
        ) as grants (fn, grantees)
        where to_regprocedure(fn) is not null
    loop
        execute 'revoke all on function ' || to_regprocedure(g.fn)::text
             || ' from public, pgq_admin, londiste_reader, londiste_writer cascade';
        execute 'grant execute on function ' || to_regprocedure(g.fn)::text || ' to ' || g.grantees;
    end loop;
end;
$$;
