package org.skytools.pgq;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.skytools.common.db.Quoting;
import org.skytools.pgq.internal.JdbcRows;
import org.skytools.pgq.internal.SqlCalls;

/**
 * Thin wrappers over the {@code pgq} SQL functions, one method per function, named as the camelCase
 * of the SQL name. Each call runs in the connection's current transaction; the caller commits.
 */
public final class PgqClient {
    private static final String BATCH_COLUMNS = "batch_id, cur_tick_id, prev_tick_id, cur_tick_time, prev_tick_time,"
            + " cur_tick_event_seq, prev_tick_event_seq";
    private static final String QUEUE_COLUMNS = "queue_name, queue_ntables, queue_cur_table,"
            + " extract(epoch from queue_rotation_period), queue_switch_time, queue_external_ticker,"
            + " queue_ticker_paused, queue_ticker_max_count, extract(epoch from queue_ticker_max_lag),"
            + " extract(epoch from queue_ticker_idle_period), extract(epoch from ticker_lag), ev_per_sec,"
            + " ev_new, last_tick_id";
    private static final String CONSUMER_COLUMNS = "queue_name, consumer_name, extract(epoch from lag),"
            + " extract(epoch from last_seen), last_tick, current_batch, next_tick, pending_events";

    private final Connection conn;

    /** Calls run on {@code conn}, in its current transaction. */
    public PgqClient(Connection conn) {
        this.conn = conn;
    }

    /** The connection the calls run on. */
    public Connection connection() {
        return conn;
    }

    /** {@code pgq.create_queue}: 1 when created, 0 when the queue already exists. */
    public int createQueue(String queue) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.create_queue(?::text)", queue);
    }

    /** {@code pgq.drop_queue(queue)}: fails while consumers are registered. */
    public int dropQueue(String queue) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.drop_queue(?::text)", queue);
    }

    /** {@code pgq.drop_queue(queue, force)}: with force, unregisters the consumers first. */
    public int dropQueue(String queue, boolean force) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.drop_queue(?::text, ?::bool)", queue, force);
    }

    /** {@code pgq.set_queue_config}: param without the {@code queue_} prefix, e.g. {@code ticker_max_lag}. */
    public int setQueueConfig(String queue, String param, String value) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.set_queue_config(?::text, ?::text, ?::text)", queue, param, value);
    }

    /** {@code pgq.register_consumer}: 1 when new, 0 when already registered (position unchanged). */
    public int registerConsumer(String queue, String consumer) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.register_consumer(?::text, ?::text)", queue, consumer);
    }

    /** {@code pgq.register_consumer_at}: registers or moves the consumer to {@code tickId}, dropping an open batch. */
    public int registerConsumerAt(String queue, String consumer, long tickId) throws SQLException {
        return SqlCalls.intValue(
                conn, "select pgq.register_consumer_at(?::text, ?::text, ?::int8)", queue, consumer, tickId);
    }

    /** {@code pgq.unregister_consumer}: the number of (sub)consumers removed, 0 when none. */
    public int unregisterConsumer(String queue, String consumer) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.unregister_consumer(?::text, ?::text)", queue, consumer);
    }

    /** {@code pgq.next_batch}: the batch id, or empty when there is no new tick yet. */
    public OptionalLong nextBatch(String queue, String consumer) throws SQLException {
        Long id = SqlCalls.value(conn, "select pgq.next_batch(?::text, ?::text)", Long.class, queue, consumer);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /** {@code pgq.next_batch_info}: the open or new batch, or empty when there is no new tick yet. */
    public Optional<NextBatchInfo> nextBatchInfo(String queue, String consumer) throws SQLException {
        return nextBatch("pgq.next_batch_info(?::text, ?::text)", queue, consumer);
    }

    /**
     * {@code pgq.next_batch_custom}: like {@link #nextBatchInfo} with optional thresholds; {@code minLag}
     * and {@code minInterval} are PostgreSQL intervals ({@code "5 minutes"}), nulls mean no threshold.
     */
    public Optional<NextBatchInfo> nextBatchCustom(
            String queue, String consumer, String minLag, Integer minCount, String minInterval) throws SQLException {
        return nextBatch(
                "pgq.next_batch_custom(?::text, ?::text, ?::interval, ?::int4, ?::interval)",
                queue,
                consumer,
                minLag,
                minCount,
                minInterval);
    }

    /**
     * {@code pgq.next_batch_custom} for a consumer that is behind: up to the first tick with at least
     * {@code minCount} events after its position, or up to the queue's latest tick when fewer wait.
     * The second part passes, as the minimal interval, the time between the consumer's last tick and
     * the queue's latest one (its lag less the ticker's), so that the tail of a backlog is one batch,
     * not one per tick. Uses only PgQ's documented functions, as a provider may run the original.
     */
    public Optional<NextBatchInfo> nextBatchCatchingUp(String queue, String consumer, String minLag, int minCount)
            throws SQLException {
        return nextBatch(
                "pgq.next_batch_custom(?::text, ?::text, ?::interval, ?::int4,"
                        + " (select c.lag - q.ticker_lag from pgq.get_consumer_info(?::text, ?::text) c,"
                        + " pgq.get_queue_info(?::text) q))",
                queue,
                consumer,
                minLag,
                minCount,
                queue,
                consumer,
                queue);
    }

    // the batch that a next_batch_* call gives, empty when it gives none
    private Optional<NextBatchInfo> nextBatch(String call, Object... args) throws SQLException {
        return SqlCalls.one(conn, "select " + BATCH_COLUMNS + " from " + call, PgqClient::nextBatchRow, args)
                .flatMap(Optional::ofNullable);
    }

    /** {@code pgq.get_batch_events}: all events of an open batch, ordered by id. */
    public List<Event> getBatchEvents(long batchId) throws SQLException {
        return SqlCalls.list(
                conn,
                "select " + Event.COLUMNS + " from pgq.get_batch_events(?::int8)",
                rs -> Event.fromRow(rs, RetryTagger.NONE),
                batchId);
    }

    /**
     * {@code pgq.get_batch_cursor}: declares cursor {@code cursorName} over the batch (inside the
     * current transaction), returns its first {@code quickLimit} events; {@link #fetch} reads the
     * rest. {@code extraWhere} is an SQL condition on the event columns, or null.
     */
    public List<Event> getBatchCursor(long batchId, String cursorName, int quickLimit, String extraWhere)
            throws SQLException {
        return SqlCalls.list(
                conn,
                "select " + Event.COLUMNS + " from pgq.get_batch_cursor(?::int8, ?::text, ?::int4, ?::text)",
                rs -> Event.fromRow(rs, RetryTagger.NONE),
                batchId,
                cursorName,
                quickLimit,
                extraWhere);
    }

    /** {@code FETCH count FROM cursorName} on a cursor opened by {@link #getBatchCursor}. */
    public List<Event> fetch(String cursorName, int count) throws SQLException {
        return SqlCalls.list(
                conn,
                "fetch " + count + " from " + Quoting.quoteIdent(cursorName),
                rs -> Event.fromRow(rs, RetryTagger.NONE));
    }

    /** {@code CLOSE cursorName}. */
    public void closeCursor(String cursorName) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("close " + Quoting.quoteIdent(cursorName));
        }
    }

    /** {@code pgq.event_retry(batch, event, seconds)}: 1 when queued for retry, 0 when already queued. */
    public int eventRetry(long batchId, long eventId, int retrySeconds) throws SQLException {
        return SqlCalls.intValue(
                conn, "select pgq.event_retry(?::int8, ?::int8, ?::int4)", batchId, eventId, retrySeconds);
    }

    /** {@code pgq.event_retry(batch, event, time)}: retry at a given time. */
    public int eventRetry(long batchId, long eventId, OffsetDateTime retryTime) throws SQLException {
        return SqlCalls.intValue(
                conn, "select pgq.event_retry(?::int8, ?::int8, ?::timestamptz)", batchId, eventId, retryTime);
    }

    /** {@code pgq.batch_retry}: queues every event of the batch for retry; returns how many. */
    public int batchRetry(long batchId, int retrySeconds) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.batch_retry(?::int8, ?::int4)", batchId, retrySeconds);
    }

    /** {@code pgq.finish_batch}: 1 when closed, 0 (with a server warning) when the batch is unknown. */
    public int finishBatch(long batchId) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.finish_batch(?::int8)", batchId);
    }

    /** {@code pgq.force_tick}: makes the next ticker run tick; returns the current last tick id. */
    public long forceTick(String queue) throws SQLException {
        return SqlCalls.value(conn, "select pgq.force_tick(?::text)", Long.class, queue);
    }

    /** {@code pgq.ticker()}: ticks every queue that needs it; returns how many ticked. */
    public long ticker() throws SQLException {
        return SqlCalls.value(conn, "select pgq.ticker()", Long.class);
    }

    /** {@code pgq.ticker(queue)}: the new tick id, or empty when the queue did not need a tick. */
    public OptionalLong ticker(String queue) throws SQLException {
        Long id = SqlCalls.value(conn, "select pgq.ticker(?::text)", Long.class, queue);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /** {@code pgq.ticker(queue, tick_id, time, event_seq)}: an external tick. */
    public long ticker(String queue, long tickId, OffsetDateTime time, long eventSeq) throws SQLException {
        return SqlCalls.value(
                conn,
                "select pgq.ticker(?::text, ?::int8, ?::timestamptz, ?::int8)",
                Long.class,
                queue,
                tickId,
                time,
                eventSeq);
    }

    /** {@code pgq.get_queue_info()}: every queue, ordered by name. */
    public List<QueueInfo> getQueueInfo() throws SQLException {
        return SqlCalls.list(conn, "select " + QUEUE_COLUMNS + " from pgq.get_queue_info()", PgqClient::queueRow);
    }

    /** {@code pgq.get_queue_info(queue)}: the queue, or empty when it does not exist. */
    public Optional<QueueInfo> getQueueInfo(String queue) throws SQLException {
        return SqlCalls.one(
                conn, "select " + QUEUE_COLUMNS + " from pgq.get_queue_info(?::text)", PgqClient::queueRow, queue);
    }

    /** {@code pgq.get_consumer_info()}: every consumer of every queue. */
    public List<ConsumerInfo> getConsumerInfo() throws SQLException {
        return SqlCalls.list(
                conn, "select " + CONSUMER_COLUMNS + " from pgq.get_consumer_info()", PgqClient::consumerRow);
    }

    /** {@code pgq.get_consumer_info(queue)}: the consumers of one queue. */
    public List<ConsumerInfo> getConsumerInfo(String queue) throws SQLException {
        return SqlCalls.list(
                conn,
                "select " + CONSUMER_COLUMNS + " from pgq.get_consumer_info(?::text)",
                PgqClient::consumerRow,
                queue);
    }

    /** {@code pgq.get_consumer_info(queue, consumer)}: the consumer, or empty when not registered. */
    public Optional<ConsumerInfo> getConsumerInfo(String queue, String consumer) throws SQLException {
        return SqlCalls.one(
                conn,
                "select " + CONSUMER_COLUMNS + " from pgq.get_consumer_info(?::text, ?::text)",
                PgqClient::consumerRow,
                queue,
                consumer);
    }

    /** {@code pgq.get_batch_info}: the open batch, or empty when no such batch is open. */
    public Optional<BatchInfo> getBatchInfo(long batchId) throws SQLException {
        return SqlCalls.one(
                        conn,
                        "select queue_name, consumer_name, batch_start, batch_end, prev_tick_id, tick_id,"
                                + " extract(epoch from lag), seq_start, seq_end from pgq.get_batch_info(?::int8)",
                        PgqClient::batchInfoRow,
                        batchId)
                .flatMap(Optional::ofNullable);
    }

    /** {@code pgq.insert_event(queue, type, data)}: inserts in the caller's transaction; returns ev_id. */
    public long insertEvent(String queue, String type, String data) throws SQLException {
        return SqlCalls.value(
                conn, "select pgq.insert_event(?::text, ?::text, ?::text)", Long.class, queue, type, data);
    }

    /** {@code pgq.insert_event} with the four extra fields; returns ev_id. */
    public long insertEvent(
            String queue, String type, String data, String extra1, String extra2, String extra3, String extra4)
            throws SQLException {
        return SqlCalls.value(
                conn,
                "select pgq.insert_event(?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text)",
                Long.class,
                queue,
                type,
                data,
                extra1,
                extra2,
                extra3,
                extra4);
    }

    /** {@code pgq.current_event_table}: the table new events go to; valid in the current transaction only. */
    public String currentEventTable(String queue) throws SQLException {
        return SqlCalls.value(conn, "select pgq.current_event_table(?::text)", String.class, queue);
    }

    /** {@code pgq.maint_retry_events}: moves up to 10 due retry events back; call until 0. */
    public int maintRetryEvents() throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.maint_retry_events()");
    }

    /** {@code pgq.maint_operations}: the maintenance steps to run, each in its own transaction. */
    public List<MaintOperation> maintOperations() throws SQLException {
        return SqlCalls.list(
                conn,
                "select func_name, func_arg from pgq.maint_operations()",
                rs -> new MaintOperation(rs.getString(1), rs.getString(2)));
    }

    /** {@code pgq.maint_rotate_tables_step1}: first step of a table rotation. */
    public int maintRotateTablesStep1(String queue) throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.maint_rotate_tables_step1(?::text)", queue);
    }

    /** {@code pgq.maint_rotate_tables_step2}: second step; must run in a later transaction than step 1. */
    public int maintRotateTablesStep2() throws SQLException {
        return SqlCalls.intValue(conn, "select pgq.maint_rotate_tables_step2()");
    }

    /** {@code pgq.version}: the installed schema version. */
    public String version() throws SQLException {
        return SqlCalls.value(conn, "select pgq.version()", String.class);
    }

    private static NextBatchInfo nextBatchRow(ResultSet rs) throws SQLException {
        Long batchId = JdbcRows.longOrNull(rs, 1);
        if (batchId == null) {
            return null;
        }
        return new NextBatchInfo(
                batchId,
                rs.getLong(2),
                rs.getLong(3),
                JdbcRows.time(rs, 4),
                JdbcRows.time(rs, 5),
                JdbcRows.longOrNull(rs, 6),
                JdbcRows.longOrNull(rs, 7));
    }

    private static QueueInfo queueRow(ResultSet rs) throws SQLException {
        return new QueueInfo(
                rs.getString(1),
                rs.getInt(2),
                rs.getInt(3),
                JdbcRows.seconds(rs, 4),
                JdbcRows.time(rs, 5),
                rs.getBoolean(6),
                rs.getBoolean(7),
                rs.getInt(8),
                JdbcRows.seconds(rs, 9),
                JdbcRows.seconds(rs, 10),
                JdbcRows.seconds(rs, 11),
                JdbcRows.doubleOrNull(rs, 12),
                JdbcRows.longOrNull(rs, 13),
                JdbcRows.longOrNull(rs, 14));
    }

    private static ConsumerInfo consumerRow(ResultSet rs) throws SQLException {
        return new ConsumerInfo(
                rs.getString(1),
                rs.getString(2),
                JdbcRows.seconds(rs, 3),
                JdbcRows.seconds(rs, 4),
                JdbcRows.longOrNull(rs, 5),
                JdbcRows.longOrNull(rs, 6),
                JdbcRows.longOrNull(rs, 7),
                JdbcRows.longOrNull(rs, 8));
    }

    private static BatchInfo batchInfoRow(ResultSet rs) throws SQLException {
        String queue = rs.getString(1);
        if (queue == null) {
            return null;
        }
        return new BatchInfo(
                queue,
                rs.getString(2),
                JdbcRows.time(rs, 3),
                JdbcRows.time(rs, 4),
                rs.getLong(5),
                rs.getLong(6),
                JdbcRows.seconds(rs, 7),
                JdbcRows.longOrNull(rs, 8),
                JdbcRows.longOrNull(rs, 9));
    }
}
