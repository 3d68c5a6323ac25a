-- Privileges of the pgq_node schema, on the roles of pgq:
--   public      may ask whether a node is root or leaf, and the version;
--   pgq_reader  is what a subscriber's worker uses on its provider (the "remote" calls);
--   pgq_writer  runs cascaded consumers that write into this node;
--   pgq_admin   maintains the node (worker, admin tool, ticker maintenance).
-- The functions run as the schema owner (SECURITY DEFINER) where they change tables, so
-- the roles need no privileges on the tables beyond reading them.  Applied on install and
-- again on every upgrade.

grant usage on schema pgq_node to public;

revoke all on table pgq_node.node_location, pgq_node.node_info, pgq_node.local_state,
                    pgq_node.subscriber_info
    from public, pgq_reader, pgq_writer, pgq_admin cascade;
grant select on table pgq_node.node_location, pgq_node.node_info, pgq_node.local_state,
                      pgq_node.subscriber_info
    to pgq_reader, pgq_writer;
grant select, insert, update, delete
    on table pgq_node.node_location, pgq_node.node_info, pgq_node.local_state,
             pgq_node.subscriber_info
    to pgq_admin;

do $$
declare
    g record;
begin
    for g in
        select fn, grantees from (values
            -- for everybody
            ('pgq_node.is_root_node(text)', 'public'),
            ('pgq_node.is_leaf_node(text)', 'public'),
            ('pgq_node.version()', 'public'),
            -- provider side, called by the subscribers' workers
            ('pgq_node.get_consumer_info(text)', 'pgq_reader, pgq_writer, pgq_admin'),
            ('pgq_node.get_consumer_state(text, text)', 'pgq_reader, pgq_writer, pgq_admin'),
            ('pgq_node.get_queue_locations(text)', 'pgq_reader, pgq_writer, pgq_admin'),
            ('pgq_node.get_node_info(text)', 'pgq_reader, pgq_writer, pgq_admin'),
            ('pgq_node.get_subscriber_info(text)', 'pgq_reader, pgq_writer, pgq_admin'),
            ('pgq_node.register_subscriber(text, text, text, int8)', 'pgq_reader, pgq_writer, pgq_admin'),
            ('pgq_node.unregister_subscriber(text, text)', 'pgq_reader, pgq_writer, pgq_admin'),
            ('pgq_node.set_subscriber_watermark(text, text, bigint)', 'pgq_reader, pgq_writer, pgq_admin'),
            -- cascaded consumers, target side
            ('pgq_node.register_consumer(text, text, text, int8)', 'pgq_writer, pgq_admin'),
            ('pgq_node.unregister_consumer(text, text)', 'pgq_writer, pgq_admin'),
            ('pgq_node.change_consumer_provider(text, text, text)', 'pgq_writer, pgq_admin'),
            ('pgq_node.set_consumer_uptodate(text, text, boolean)', 'pgq_writer, pgq_admin'),
            ('pgq_node.set_consumer_paused(text, text, boolean)', 'pgq_writer, pgq_admin'),
            ('pgq_node.set_consumer_completed(text, text, int8)', 'pgq_writer, pgq_admin'),
            ('pgq_node.set_consumer_error(text, text, text)', 'pgq_writer, pgq_admin'),
            -- the worker that maintains the node
            ('pgq_node.create_node(text, text, text, text, text, bigint, text)', 'pgq_admin'),
            ('pgq_node.drop_node(text, text)', 'pgq_admin'),
            ('pgq_node.demote_root(text, int4, text)', 'pgq_admin'),
            ('pgq_node.promote_branch(text)', 'pgq_admin'),
            ('pgq_node.set_node_attrs(text, text)', 'pgq_admin'),
            ('pgq_node.get_worker_state(text)', 'pgq_admin'),
            ('pgq_node.set_global_watermark(text, bigint)', 'pgq_admin'),
            ('pgq_node.set_partition_watermark(text, text, bigint)', 'pgq_admin'),
            -- member map, ticker maintenance, upgrades
            ('pgq_node.register_location(text, text, text, boolean)', 'pgq_admin'),
            ('pgq_node.unregister_location(text, text)', 'pgq_admin'),
            ('pgq_node.rename_node_step1(text, text, text)', 'pgq_admin'),
            ('pgq_node.rename_node_step2(text, text, text)', 'pgq_admin'),
            ('pgq_node.upgrade_schema()', 'pgq_admin'),
            ('pgq_node.maint_watermark(text)', 'pgq_admin')
        ) as grants (fn, grantees)
        where to_regprocedure(fn) is not null
    loop
        execute 'revoke all on function ' || to_regprocedure(g.fn)::text
             || ' from public, pgq_reader, pgq_writer, pgq_admin cascade';
        execute 'grant execute on function ' || to_regprocedure(g.fn)::text || ' to ' || g.grantees;
    end loop;
end;
$$;
