-- PgQ tables.
--
-- A queue keeps its events in a parent table pgq.event_<queue_id> that inherits
-- pgq.event_template, with queue_ntables (3) child tables pgq.event_<queue_id>_<n> that hold
-- the rows.  Producers write into the current child; maintenance rotates to the next one and
-- empties it with TRUNCATE once no consumer can still need its events, so events are never
-- deleted row by row.  Ticks store transaction snapshots: two consecutive ticks bound a batch.

create schema pgq;

-- Consumer names.  A row lives as long as the consumer has at least one subscription.
create table pgq.consumer (
    co_id       serial,
    co_name     text not null,

    constraint consumer_pkey primary key (co_id),
    constraint consumer_name_uq unique (co_name)
);

-- One row per queue: the rotation state and the ticker settings.
--   queue_switch_step1     txid of the transaction that did the last rotation
--   queue_switch_step2     txid of a later transaction that saw the rotation committed;
--                          NULL until maint_rotate_tables_step2() has run
--   queue_per_tx_limit     maximum number of events one transaction may insert (NULL = no limit)
--   queue_extra_maint      functions maint_operations() lists for this queue
create table pgq.queue (
    queue_id                    serial,
    queue_name                  text        not null,

    queue_ntables               integer     not null default 3,
    queue_cur_table             integer     not null default 0,
    queue_rotation_period       interval    not null default '2 hours',
    queue_switch_step1          bigint      not null default txid_current(),
    queue_switch_step2          bigint               default txid_current(),
    queue_switch_time           timestamptz not null default now(),

    queue_external_ticker       boolean     not null default false,
    queue_disable_insert        boolean     not null default false,
    queue_ticker_paused         boolean     not null default false,

    queue_ticker_max_count      integer     not null default 500,
    queue_ticker_max_lag        interval    not null default '3 seconds',
    queue_ticker_idle_period    interval    not null default '1 minute',
    queue_per_tx_limit          integer,

    queue_data_pfx              text        not null,
    queue_event_seq             text        not null,
    queue_tick_seq              text        not null,

    queue_extra_maint           text[],

    constraint queue_pkey primary key (queue_id),
    constraint queue_name_uq unique (queue_name)
);

-- Ticks: the snapshot of running transactions at the moment of the tick, and the value of
-- the queue's event sequence then (a cheap estimate of how many events arrived).
create table pgq.tick (
    tick_queue                  int4            not null,
    tick_id                     bigint          not null,
    tick_time                   timestamptz     not null default now(),
    tick_snapshot               txid_snapshot   not null default txid_current_snapshot(),
    tick_event_seq              bigint          not null,

    constraint tick_pkey primary key (tick_queue, tick_id),
    constraint tick_queue_fkey foreign key (tick_queue) references pgq.queue (queue_id)
);

-- Batch ids, shared by all queues.
create sequence pgq.batch_id_seq;

-- Consumer registrations.  sub_last_tick is the end of the last finished batch; while a
-- batch is open sub_batch holds its id and sub_next_tick its end tick.  Cooperative
-- subconsumers share the sub_id of their main consumer and may have sub_last_tick NULL.
create table pgq.subscription (
    sub_id              serial      not null,
    sub_queue           int4        not null,
    sub_consumer        int4        not null,
    sub_last_tick       bigint,
    sub_active          timestamptz not null default now(),
    sub_batch           bigint,
    sub_next_tick       bigint,

    constraint subscription_pkey primary key (sub_queue, sub_consumer),
    constraint subscription_batch_idx unique (sub_batch),
    constraint sub_queue_fkey foreign key (sub_queue) references pgq.queue (queue_id),
    constraint sub_consumer_fkey foreign key (sub_consumer) references pgq.consumer (co_id)
);

-- Parent of every event table.
--   ev_txid    the inserting transaction; decides which batch the event belongs to
--   ev_owner   NULL for ordinary events; the subscription id for a retried event, which
--              only that subscription sees
--   ev_retry   NULL on first delivery, then the retry count
create table pgq.event_template (
    ev_id           bigint          not null,
    ev_time         timestamptz     not null,

    ev_txid         bigint          not null default txid_current(),
    ev_owner        int4,
    ev_retry        int4,

    ev_type         text,
    ev_data         text,
    ev_extra1       text,
    ev_extra2       text,
    ev_extra3       text,
    ev_extra4       text
);

-- Events waiting to be put back into their queue at ev_retry_after.
create table pgq.retry_queue (
    ev_retry_after  timestamptz     not null,
    ev_queue        int4            not null,

    like pgq.event_template,

    constraint rq_pkey primary key (ev_owner, ev_id),
    constraint rq_queue_id_fkey foreign key (ev_queue) references pgq.queue (queue_id)
);
alter table pgq.retry_queue alter column ev_owner set not null;
alter table pgq.retry_queue alter column ev_txid drop not null;
create index rq_retry_idx on pgq.retry_queue (ev_retry_after);
