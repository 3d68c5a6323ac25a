-- ----------------------------------------------------------------------
-- Schema: pgq_ext
--
--      Exactly-once processing of queue batches in another database.  A
--      consumer that writes into this database records, in the same
--      transaction as its writes, the last batch (or tick) it applied;
--      after a crash it sees that a redelivered batch is done already and
--      only finishes it on the queue side.  Event-level tracking exists
--      for consumers that commit within a batch; it is unsafe when the
--      consumer uses the retry queue.
-- ----------------------------------------------------------------------
create schema if not exists pgq_ext;

-- Table: pgq_ext.completed_tick
--      Last applied tick per consumer.
create table pgq_ext.completed_tick (
    consumer_id     text not null,
    subconsumer_id  text not null default '',
    last_tick_id    bigint not null,
    primary key (consumer_id, subconsumer_id)
);

-- Table: pgq_ext.completed_batch
--      Last applied batch per consumer.
create table pgq_ext.completed_batch (
    consumer_id     text not null,
    subconsumer_id  text not null default '',
    last_batch_id   bigint not null,
    primary key (consumer_id, subconsumer_id)
);

-- Table: pgq_ext.completed_event
--      Events applied within the batch in partial_batch.
create table pgq_ext.completed_event (
    consumer_id     text not null,
    subconsumer_id  text not null default '',
    batch_id        bigint not null,
    event_id        bigint not null,
    primary key (consumer_id, subconsumer_id, batch_id, event_id)
);

-- Table: pgq_ext.partial_batch
--      Batch whose events are being tracked.
create table pgq_ext.partial_batch (
    consumer_id     text not null,
    subconsumer_id  text not null default '',
    cur_batch_id    bigint not null,
    primary key (consumer_id, subconsumer_id)
);
