package org.skytools.pgq.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.skytools.pgq.NextBatchInfo;

/**
 * How a consumer gets and closes batches: on its own subscription ({@link QueueBatchSource}) or
 * as a subconsumer of a cooperative group. Calls run in the caller's transaction.
 */
public interface BatchSource {
    /** The open or next batch, or empty when there is no new tick. */
    Optional<NextBatchInfo> next(Connection db) throws SQLException;

    /** Closes the batch so that the position moves on. */
    void finish(Connection db, long batchId) throws SQLException;

    /** Registers on the queue; 1 when new, 0 when already registered. */
    int register(Connection db) throws SQLException;

    /** Unregisters from the queue; the number of registrations removed. */
    int unregister(Connection db) throws SQLException;

    /**
     * Fails with a message for people when the queue is missing or the consumer is not registered,
     * before the first batch is asked for.
     */
    void verify(Connection db) throws SQLException;

    /** The queue name, for messages. */
    String queueName();

    /** The registration name, for messages and tracking. */
    String consumerName();
}
