package org.skytools.pgq.ext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.skytools.pgq.internal.SqlCalls;

/**
 * Thin wrappers over the {@code pgq_ext} SQL functions, which record in the target database which
 * batch, tick or event a consumer has applied, in the same transaction as the applied work. The
 * forms without a subconsumer use the empty subconsumer name, as the SQL does.
 */
public final class PgqExtClient {
    private final Connection conn;

    /** Calls run on {@code conn}, in its current transaction. */
    public PgqExtClient(Connection conn) {
        this.conn = conn;
    }

    /** {@code pgq_ext.is_batch_done(consumer, batch)}: whether it is the last batch recorded. */
    public boolean isBatchDone(String consumer, long batchId) throws SQLException {
        return bool(SqlCalls.value(
                conn, "select pgq_ext.is_batch_done(?::text, ?::int8)", Boolean.class, consumer, batchId));
    }

    /** {@code pgq_ext.is_batch_done(consumer, subconsumer, batch)}. */
    public boolean isBatchDone(String consumer, String subconsumer, long batchId) throws SQLException {
        return bool(SqlCalls.value(
                conn,
                "select pgq_ext.is_batch_done(?::text, ?::text, ?::int8)",
                Boolean.class,
                consumer,
                subconsumer,
                batchId));
    }

    /** {@code pgq_ext.set_batch_done(consumer, batch)}: false when it was already the last one. */
    public boolean setBatchDone(String consumer, long batchId) throws SQLException {
        return bool(SqlCalls.value(
                conn, "select pgq_ext.set_batch_done(?::text, ?::int8)", Boolean.class, consumer, batchId));
    }

    /** {@code pgq_ext.set_batch_done(consumer, subconsumer, batch)}. */
    public boolean setBatchDone(String consumer, String subconsumer, long batchId) throws SQLException {
        return bool(SqlCalls.value(
                conn,
                "select pgq_ext.set_batch_done(?::text, ?::text, ?::int8)",
                Boolean.class,
                consumer,
                subconsumer,
                batchId));
    }

    /** {@code pgq_ext.is_event_done(consumer, batch, event)}. */
    public boolean isEventDone(String consumer, long batchId, long eventId) throws SQLException {
        return bool(SqlCalls.value(
                conn,
                "select pgq_ext.is_event_done(?::text, ?::int8, ?::int8)",
                Boolean.class,
                consumer,
                batchId,
                eventId));
    }

    /** {@code pgq_ext.set_event_done(consumer, batch, event)}: false when already done. */
    public boolean setEventDone(String consumer, long batchId, long eventId) throws SQLException {
        return bool(SqlCalls.value(
                conn,
                "select pgq_ext.set_event_done(?::text, ?::int8, ?::int8)",
                Boolean.class,
                consumer,
                batchId,
                eventId));
    }

    /** {@code pgq_ext.get_last_tick(consumer)}: the last applied tick, or empty when none. */
    public OptionalLong getLastTick(String consumer) throws SQLException {
        Long t = SqlCalls.value(conn, "select pgq_ext.get_last_tick(?::text)", Long.class, consumer);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /** {@code pgq_ext.get_last_tick(consumer, subconsumer)}. */
    public OptionalLong getLastTick(String consumer, String subconsumer) throws SQLException {
        Long t = SqlCalls.value(
                conn, "select pgq_ext.get_last_tick(?::text, ?::text)", Long.class, consumer, subconsumer);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /** {@code pgq_ext.set_last_tick(consumer, tick)}: a null tick deletes the tracking row. */
    public int setLastTick(String consumer, Long tickId) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq_ext.set_last_tick(?::text, ?::int8)", consumer, tickId);
    }

    /** {@code pgq_ext.set_last_tick(consumer, subconsumer, tick)}. */
    public int setLastTick(String consumer, String subconsumer, Long tickId) throws SQLException {
        return SqlCalls.intValue(
                conn, "select pgq_ext.set_last_tick(?::text, ?::text, ?::int8)", consumer, subconsumer, tickId);
    }

    /** {@code pgq_ext.version}. */
    public String version() throws SQLException {
        return SqlCalls.value(conn, "select pgq_ext.version()", String.class);
    }

    private static boolean bool(Boolean b) {
        return b != null && b;
    }
}
