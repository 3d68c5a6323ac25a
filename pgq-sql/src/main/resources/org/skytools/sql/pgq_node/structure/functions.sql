-- Every function of the pgq_node schema.  All are "create or replace", so the same list
-- serves install and upgrade.

-- Schema upgrades
\i ../functions/pgq_node.upgrade_schema.sql

-- Member map, replicated to every node
\i ../functions/pgq_node.register_location.sql
\i ../functions/pgq_node.unregister_location.sql
\i ../functions/pgq_node.rename_node_step1.sql
\i ../functions/pgq_node.rename_node_step2.sql
\i ../functions/pgq_node.get_queue_locations.sql

-- The local node
\i ../functions/pgq_node.create_node.sql
\i ../functions/pgq_node.drop_node.sql
\i ../functions/pgq_node.get_node_info.sql
\i ../functions/pgq_node.is_root_node.sql
\i ../functions/pgq_node.is_leaf_node.sql
\i ../functions/pgq_node.get_subscriber_info.sql
\i ../functions/pgq_node.get_consumer_info.sql
\i ../functions/pgq_node.set_node_attrs.sql
\i ../functions/pgq_node.demote_root.sql
\i ../functions/pgq_node.promote_branch.sql

-- Provider side, called by the workers of subscriber nodes
\i ../functions/pgq_node.register_subscriber.sql
\i ../functions/pgq_node.unregister_subscriber.sql
\i ../functions/pgq_node.set_subscriber_watermark.sql

-- Subscriber side, the worker that maintains the node
\i ../functions/pgq_node.get_worker_state.sql
\i ../functions/pgq_node.set_global_watermark.sql
\i ../functions/pgq_node.set_partition_watermark.sql

-- Subscriber side, any cascaded consumer
\i ../functions/pgq_node.register_consumer.sql
\i ../functions/pgq_node.unregister_consumer.sql
\i ../functions/pgq_node.get_consumer_state.sql
\i ../functions/pgq_node.change_consumer_provider.sql
\i ../functions/pgq_node.set_consumer_uptodate.sql
\i ../functions/pgq_node.set_consumer_paused.sql
\i ../functions/pgq_node.set_consumer_completed.sql
\i ../functions/pgq_node.set_consumer_error.sql

-- Maintenance
\i ../functions/pgq_node.maint_watermark.sql
\i ../functions/pgq_node.version.sql
