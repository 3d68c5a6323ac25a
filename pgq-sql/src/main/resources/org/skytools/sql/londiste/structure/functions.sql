-- Every function of the londiste schema.  All are "create or replace", so the same list
-- serves install and upgrade.

-- Schema upgrades
\i ../functions/londiste.upgrade_schema.sql

-- Information
\i ../functions/londiste.get_seq_list.sql
\i ../functions/londiste._coordinate_copy.sql
\i ../functions/londiste.get_table_list.sql
\i ../functions/londiste.local_show_missing.sql

-- Local registration (admin tool)
\i ../functions/londiste.local_add_seq.sql
\i ../functions/londiste.create_trigger.sql
\i ../functions/londiste.local_add_table.sql
\i ../functions/londiste.local_change_handler.sql
\i ../functions/londiste.local_remove_seq.sql
\i ../functions/londiste.local_remove_table.sql

-- Registration in the queue (root, and the worker elsewhere)
\i ../functions/londiste.global_add_table.sql
\i ../functions/londiste.global_remove_table.sql
\i ../functions/londiste.global_update_seq.sql
\i ../functions/londiste.global_remove_seq.sql

-- Foreign keys
\i ../functions/londiste.find_table_fkeys.sql
\i ../functions/londiste.get_table_pending_fkeys.sql
\i ../functions/londiste.get_valid_pending_fkeys.sql
\i ../functions/londiste.drop_table_fkey.sql
\i ../functions/londiste.restore_table_fkey.sql

-- EXECUTE
\i ../functions/londiste.execute_start.sql
\i ../functions/londiste.execute_finish.sql

-- Worker and maintenance
\i ../functions/londiste.root_check_seqs.sql
\i ../functions/londiste.root_notify_change.sql
\i ../functions/londiste.local_set_table_state.sql
\i ../functions/londiste.local_set_table_attrs.sql
\i ../functions/londiste.local_set_table_struct.sql
\i ../functions/londiste.periodic_maintenance.sql
\i ../functions/londiste.set_session_replication_role.sql

-- Utilities
\i ../functions/londiste.find_column_types.sql
\i ../functions/londiste.find_rel_oid.sql
\i ../functions/londiste.find_table_oid.sql
\i ../functions/londiste.find_seq_oid.sql
\i ../functions/londiste.quote_fqname.sql
\i ../functions/londiste.make_fqname.sql
\i ../functions/londiste.split_fqname.sql
\i ../functions/londiste._trigger_args.sql
\i ../functions/londiste.is_replica_func.sql
\i ../functions/londiste.drop_table_triggers.sql
\i ../functions/londiste.table_info_trigger.sql
\i ../functions/londiste.version.sql

-- Partitions, for the dispatch handler
\i ../functions/londiste.create_partition.sql
\i ../functions/londiste._partition_format.sql
\i ../functions/londiste.is_obsolete_partition.sql
\i ../functions/londiste.list_obsolete_partitions.sql
\i ../functions/londiste.drop_obsolete_partitions.sql
