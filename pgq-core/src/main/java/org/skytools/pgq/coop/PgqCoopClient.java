package org.skytools.pgq.coop;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.skytools.pgq.internal.SqlCalls;

/**
 * Thin wrappers over the {@code pgq_coop} SQL functions: subconsumers of one consumer share its
 * position and take consecutive batches in parallel.
 */
public final class PgqCoopClient {
    private final Connection conn;

    /** Calls run on {@code conn}, in its current transaction. */
    public PgqCoopClient(Connection conn) {
        this.conn = conn;
    }

    /** {@code pgq_coop.register_subconsumer}: 1 when new, 0 when already registered. */
    public int registerSubconsumer(String queue, String consumer, String subconsumer) throws SQLException {
        return SqlCalls.intValue(
                conn, "select pgq_coop.register_subconsumer(?::text, ?::text, ?::text)", queue, consumer, subconsumer);
    }

    /**
     * {@code pgq_coop.unregister_subconsumer}: 0 when not found, 1 when removed. With an open batch,
     * {@code batchHandling} 0 raises and 1 drops the batch (its events are lost for the group).
     */
    public int unregisterSubconsumer(String queue, String consumer, String subconsumer, int batchHandling)
            throws SQLException {
        return SqlCalls.intValue(
                conn,
                "select pgq_coop.unregister_subconsumer(?::text, ?::text, ?::text, ?::int4)",
                queue,
                consumer,
                subconsumer,
                batchHandling);
    }

    /** {@code pgq_coop.next_batch(queue, consumer, subconsumer)}: the batch id, or empty. */
    public OptionalLong nextBatch(String queue, String consumer, String subconsumer) throws SQLException {
        return opt(SqlCalls.value(
                conn,
                "select pgq_coop.next_batch(?::text, ?::text, ?::text)",
                Long.class,
                queue,
                consumer,
                subconsumer));
    }

    /**
     * {@code pgq_coop.next_batch(queue, consumer, subconsumer, dead_interval)}: also takes over the
     * open batch of a subconsumer inactive longer than {@code deadInterval}.
     */
    public OptionalLong nextBatch(String queue, String consumer, String subconsumer, String deadInterval)
            throws SQLException {
        return opt(SqlCalls.value(
                conn,
                "select pgq_coop.next_batch(?::text, ?::text, ?::text, ?::interval)",
                Long.class,
                queue,
                consumer,
                subconsumer,
                deadInterval));
    }

    /** {@code pgq_coop.next_batch_custom} with thresholds (nulls for none) and an optional dead interval. */
    public OptionalLong nextBatchCustom(
            String queue,
            String consumer,
            String subconsumer,
            String minLag,
            Integer minCount,
            String minInterval,
            String deadInterval)
            throws SQLException {
        return opt(SqlCalls.value(
                conn,
                "select pgq_coop.next_batch_custom(?::text, ?::text, ?::text, ?::interval, ?::int4, ?::interval,"
                        + " ?::interval)",
                Long.class,
                queue,
                consumer,
                subconsumer,
                minLag,
                minCount,
                minInterval,
                deadInterval));
    }

    /** {@code pgq_coop.finish_batch}: 1 when closed, 0 (with a warning) when unknown. */
    public int finishBatch(long batchId) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq_coop.finish_batch(?::int8)", batchId);
    }

    /** {@code pgq_coop.version}. */
    public String version() throws SQLException {
        return SqlCalls.value(conn, "select pgq_coop.version()", String.class);
    }

    private static OptionalLong opt(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
