-- pgq_node tables: the same queue on several databases (nodes) forms a cascade.
--
-- A root node produces events and ticks; a branch node carries a full copy of the queue
-- (same event ids, tick ids and tick times) and can serve other nodes; a leaf node only
-- consumes.  On each node a worker copies the provider's batches into the local queue
-- and records the provider tick it completed, in the same transaction.
--
-- Events of the cascade itself, inserted into the queue on the root:
--      pgq.location-info       ev_data: node name, extra1: queue, extra2: connect string,
--                              extra3: dead flag ('true'/'false')
--      pgq.unregister-location ev_data: node name, extra1: queue
--      pgq.global-watermark    ev_data: tick id, extra1: queue; the lowest tick some node
--                              of the cascade still needs
--      pgq.tick-id             ev_data: tick id, extra1: queue; written by a merge-leaf
--                              into its combined queue

create schema pgq_node;

-- Every member of a cascade, with the connect string to reach it.  The same rows exist
-- on every node.
create table pgq_node.node_location (
    queue_name      text not null,
    node_name       text not null,
    node_location   text not null,
    dead            boolean not null default false,

    constraint node_location_pkey primary key (queue_name, node_name)
);

-- The local node of each cascaded queue.
--   worker_name     consumer that maintains the node (required)
--   combined_queue  for a merge-leaf: the local queue its events are merged into
--   node_attrs      urlencoded settings for the worker, e.g. sync_watermark=node4,node5
create table pgq_node.node_info (
    queue_name      text not null,
    node_type       text not null,
    node_name       text not null,
    worker_name     text,
    combined_queue  text,
    node_attrs      text,

    constraint node_info_pkey primary key (queue_name),
    constraint node_info_queue_name_node_name_fkey foreign key (queue_name, node_name)
        references pgq_node.node_location,
    constraint node_info_node_type_check check (node_type in ('root', 'branch', 'leaf')),
    constraint node_info_check check (
        case when node_type = 'root'   then (worker_name is not null and combined_queue is null)
             when node_type = 'branch' then (worker_name is not null and combined_queue is null)
             when node_type = 'leaf'   then (worker_name is not null)
             else false end)
);

-- Every cascaded consumer that writes into this database (the worker and plain ones).
--   provider_node   node it reads batches from
--   last_tick_id    last provider tick whose batch was committed here
--   cur_error       why the current batch failed, NULL after a success
--   paused          the consumer must wait
--   uptodate        the consumer has seen the latest change of paused or provider
create table pgq_node.local_state (
    queue_name      text not null,
    consumer_name   text not null,
    provider_node   text not null,
    last_tick_id    bigint not null,
    cur_error       text,

    paused          boolean not null default false,
    uptodate        boolean not null default false,

    constraint local_state_pkey primary key (queue_name, consumer_name),
    constraint local_state_queue_name_fkey foreign key (queue_name)
        references pgq_node.node_info,
    constraint local_state_queue_name_provider_node_fkey foreign key (queue_name, provider_node)
        references pgq_node.node_location
);

-- Nodes that use this node as their provider.  Each has two consumers on the local queue:
-- its worker, and watermark_name (".<node>.watermark"), the lowest tick its subtree needs.
create table pgq_node.subscriber_info (
    queue_name          text not null,
    subscriber_node     text not null,
    worker_name         text not null,
    watermark_name      text not null,

    constraint subscriber_info_pkey primary key (queue_name, subscriber_node),
    constraint subscriber_info_queue_name_subscriber_node_fkey foreign key (queue_name, subscriber_node)
        references pgq_node.node_location,
    constraint subscriber_info_worker_name_fkey foreign key (worker_name)
        references pgq.consumer (co_name),
    constraint subscriber_info_watermark_name_fkey foreign key (watermark_name)
        references pgq.consumer (co_name)
);
