package org.skytools.pgq.consumer;

import java.sql.Connection;
import org.skytools.pgq.Event;
import org.skytools.pgq.NextBatchInfo;

/**
 * A batch handed to a {@link BatchHandler}: its id and ticks, its events (read once, lazily) and
 * the source connection, whose transaction is committed when the batch is finished.
 */
public final class Batch {
    private final String queueName;
    private final NextBatchInfo info;
    private final BatchEvents events;
    private final Connection source;

    Batch(String queueName, NextBatchInfo info, BatchEvents events, Connection source) {
        this.queueName = queueName;
        this.info = info;
        this.events = events;
        this.source = source;
    }

    /** The batch id. */
    public long id() {
        return info.batchId();
    }

    /** The queue the batch comes from. */
    public String queueName() {
        return queueName;
    }

    /** Batch id and bounding ticks. */
    public NextBatchInfo info() {
        return info;
    }

    /** The events, ordered by id; can be iterated once. */
    public Iterable<Event> events() {
        return events;
    }

    /** How many events were read so far. */
    public long eventCount() {
        return events.count();
    }

    /** The most events held in memory at once while reading; bounded by twice the fetch size. */
    public int peakEventsHeld() {
        return events.peakHeld();
    }

    /** How many events are tagged for retry. */
    public int retryCount() {
        return events.retryCount();
    }

    /** The source database connection; its transaction ends when the batch is finished. */
    public Connection sourceConnection() {
        return source;
    }
}
