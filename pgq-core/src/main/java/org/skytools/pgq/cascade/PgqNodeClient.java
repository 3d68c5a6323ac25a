package org.skytools.pgq.cascade;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.skytools.pgq.internal.JdbcRows;
import org.skytools.pgq.internal.SqlCalls;

/**
 * Thin wrappers over the {@code pgq_node} SQL functions, one method per function. Calls run in the
 * connection's current transaction; the caller commits. Functions returning
 * {@code (ret_code, ret_note)} give a {@link RetCode}; refusals are not thrown.
 */
public final class PgqNodeClient {
    private final Connection conn;

    /** Calls run on {@code conn}. */
    public PgqNodeClient(Connection conn) {
        this.conn = conn;
    }

    /** The connection the calls run on. */
    public Connection connection() {
        return conn;
    }

    /** Whether schema {@code pgq_node} is installed in the database. */
    public boolean schemaInstalled() throws SQLException {
        Boolean b = SqlCalls.value(
                conn, "select exists (select 1 from pg_namespace where nspname = 'pgq_node')", Boolean.class);
        return Boolean.TRUE.equals(b);
    }

    /** {@code pgq_node.get_node_info}: the local node, or empty when the queue has none (404). */
    public Optional<NodeInfo> getNodeInfo(String queue) throws SQLException {
        return SqlCalls.one(
                conn,
                "select ret_code, node_type, node_name, global_watermark, local_watermark, provider_node,"
                        + " provider_location, combined_queue, combined_type, worker_name, worker_paused,"
                        + " worker_uptodate, worker_last_tick, node_attrs, target_for"
                        + " from pgq_node.get_node_info(?::text)",
                rs -> rs.getInt(1) >= 300 || rs.getString(2) == null ? null : nodeInfoRow(queue, rs),
                queue);
    }

    /** {@code pgq_node.get_worker_state}: the worker's view; empty with the note in {@code why} on 404. */
    public Optional<WorkerState> getWorkerState(String queue, StringBuilder why) throws SQLException {
        return SqlCalls.one(
                conn,
                "select ret_code, ret_note, node_type, node_name, completed_tick, provider_node, provider_location,"
                        + " paused, uptodate, cur_error, worker_name, global_watermark, local_watermark,"
                        + " local_queue_top, combined_queue, combined_type"
                        + " from pgq_node.get_worker_state(?::text)",
                rs -> {
                    if (rs.getInt(1) >= 300) {
                        if (why != null) {
                            why.append(rs.getString(2));
                        }
                        return null;
                    }
                    return new WorkerState(
                            NodeType.fromSql(rs.getString(3)),
                            rs.getString(4),
                            JdbcRows.longOrNull(rs, 5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getBoolean(8),
                            rs.getBoolean(9),
                            rs.getString(10),
                            rs.getString(11),
                            JdbcRows.longOrNull(rs, 12),
                            JdbcRows.longOrNull(rs, 13),
                            JdbcRows.longOrNull(rs, 14),
                            rs.getString(15),
                            NodeType.fromSql(rs.getString(16)));
                },
                queue);
    }

    /** {@code pgq_node.get_queue_locations}: the members of the cascade, by name. */
    public List<NodeLocation> getQueueLocations(String queue) throws SQLException {
        return SqlCalls.list(
                conn,
                "select node_name, node_location, dead from pgq_node.get_queue_locations(?::text)",
                rs -> new NodeLocation(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                queue);
    }

    /** {@code pgq_node.get_subscriber_info}: the nodes reading from this one. */
    public List<SubscriberInfo> getSubscriberInfo(String queue) throws SQLException {
        return SqlCalls.list(
                conn,
                "select node_name, worker_name, node_watermark from pgq_node.get_subscriber_info(?::text)",
                rs -> new SubscriberInfo(rs.getString(1), rs.getString(2), JdbcRows.longOrNull(rs, 3)),
                queue);
    }

    /** {@code pgq_node.get_consumer_info}: the cascaded consumers working on this node. */
    public List<CascadedConsumerInfo> getConsumerInfo(String queue) throws SQLException {
        return SqlCalls.list(
                conn,
                "select consumer_name, provider_node, last_tick_id, paused, uptodate, cur_error"
                        + " from pgq_node.get_consumer_info(?::text)",
                rs -> new CascadedConsumerInfo(
                        rs.getString(1),
                        rs.getString(2),
                        JdbcRows.longOrNull(rs, 3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        rs.getString(6)),
                queue);
    }

    /** {@code pgq_node.register_location}: adds or updates a member; on the root also announces it. */
    public RetCode registerLocation(String queue, String node, String location, Boolean dead) throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.register_location(?::text, ?::text, ?::text, ?::bool)",
                queue,
                node,
                location,
                dead);
    }

    /**
     * {@code pgq_node.rename_node_step1} ({@code step} 1) or {@code _step2} (2): the two halves
     * of renaming a member; 301 where the old name is unknown, 405 when the new name is another
     * node's (step 1), 404 when step 1 has not run (step 2).
     */
    public RetCode renameNodeStep(int step, String queue, String oldName, String newName) throws SQLException {
        if (step != 1 && step != 2) {
            throw new IllegalArgumentException("rename step " + step);
        }
        return ret(
                "select ret_code, ret_note from pgq_node.rename_node_step" + step + "(?::text, ?::text, ?::text)",
                queue,
                oldName,
                newName);
    }

    /** {@code pgq_node.unregister_location}: 403 for the node itself and its provider, 301 when unknown. */
    public RetCode unregisterLocation(String queue, String node) throws SQLException {
        return ret("select ret_code, ret_note from pgq_node.unregister_location(?::text, ?::text)", queue, node);
    }

    /** {@code pgq_node.create_node}: 401 when the node exists or the arguments do not fit the type. */
    public RetCode createNode(
            String queue,
            NodeType type,
            String node,
            String worker,
            String provider,
            Long globalWatermark,
            String combinedQueue)
            throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.create_node(?::text, ?::text, ?::text, ?::text, ?::text,"
                        + " ?::int8, ?::text)",
                queue,
                type.sqlName(),
                node,
                worker,
                provider,
                globalWatermark,
                combinedQueue);
    }

    /** {@code pgq_node.drop_node}: removes the node here (its queue too when it is the local node). */
    public RetCode dropNode(String queue, String node) throws SQLException {
        return ret("select ret_code, ret_note from pgq_node.drop_node(?::text, ?::text)", queue, node);
    }

    /** {@code pgq_node.set_node_attrs}: replaces the urlencoded node attributes. */
    public RetCode setNodeAttrs(String queue, String attrs) throws SQLException {
        return ret("select ret_code, ret_note from pgq_node.set_node_attrs(?::text, ?::text)", queue, attrs);
    }

    /** The result of {@link #registerSubscriber}: the code and the global watermark the subscriber starts from. */
    public record Subscription(RetCode ret, Long globalWatermark) {}

    /** {@code pgq_node.register_subscriber} on a provider: 401 when it is a leaf, 404 when not a node. */
    public Subscription registerSubscriber(String queue, String node, String worker, Long customTick)
            throws SQLException {
        return SqlCalls.one(
                        conn,
                        "select ret_code, ret_note, global_watermark"
                                + " from pgq_node.register_subscriber(?::text, ?::text, ?::text, ?::int8)",
                        rs -> new Subscription(new RetCode(rs.getInt(1), rs.getString(2)), JdbcRows.longOrNull(rs, 3)),
                        queue,
                        node,
                        worker,
                        customTick)
                .orElseThrow(() -> new SQLException("no result from pgq_node.register_subscriber"));
    }

    /** The result of {@link #demoteRoot}: the code, and the last tick after step 2. */
    public record Demotion(RetCode ret, Long lastTick) {}

    /**
     * {@code pgq_node.demote_root} step 1 (no more inserts, external ticker), 2 (waits for writers,
     * makes the last tick and returns it) or 3 (the node becomes a branch of {@code newProvider}).
     */
    public Demotion demoteRoot(String queue, int step, String newProvider) throws SQLException {
        return SqlCalls.one(
                        conn,
                        "select ret_code, ret_note, last_tick from pgq_node.demote_root(?::text, ?::int4, ?::text)",
                        rs -> new Demotion(new RetCode(rs.getInt(1), rs.getString(2)), JdbcRows.longOrNull(rs, 3)),
                        queue,
                        step,
                        newProvider)
                .orElseThrow(() -> new SQLException("no result from pgq_node.demote_root"));
    }

    /** {@code pgq_node.promote_branch}: the branch becomes the root (its queue takes inserts, ticks itself). */
    public RetCode promoteBranch(String queue) throws SQLException {
        return ret("select ret_code, ret_note from pgq_node.promote_branch(?::text)", queue);
    }

    /** {@code pgq_node.unregister_subscriber}: 304 when not subscribed. */
    public RetCode unregisterSubscriber(String queue, String node) throws SQLException {
        return ret("select ret_code, ret_note from pgq_node.unregister_subscriber(?::text, ?::text)", queue, node);
    }

    /** {@code pgq_node.set_subscriber_watermark}: 405 backwards, 100 unchanged, 200 moved. */
    public RetCode setSubscriberWatermark(String queue, String node, long watermark) throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.set_subscriber_watermark(?::text, ?::text, ?::int8)",
                queue,
                node,
                watermark);
    }

    /** {@code pgq_node.set_global_watermark}: on the root null means the local watermark. */
    public RetCode setGlobalWatermark(String queue, Long watermark) throws SQLException {
        return ret("select ret_code, ret_note from pgq_node.set_global_watermark(?::text, ?::int8)", queue, watermark);
    }

    /** {@code pgq_node.set_partition_watermark}: moves a merge-leaf's position on a combined branch. */
    public RetCode setPartitionWatermark(String combinedQueue, String partQueue, long watermark) throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.set_partition_watermark(?::text, ?::text, ?::int8)",
                combinedQueue,
                partQueue,
                watermark);
    }

    /** {@code pgq_node.register_consumer}: a plain cascaded consumer; 201 when it existed (moved). */
    public RetCode registerConsumer(String queue, String consumer, String provider, Long tick) throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.register_consumer(?::text, ?::text, ?::text, ?::int8)",
                queue,
                consumer,
                provider,
                tick);
    }

    /** {@code pgq_node.unregister_consumer}. */
    public RetCode unregisterConsumer(String queue, String consumer) throws SQLException {
        return ret("select ret_code, ret_note from pgq_node.unregister_consumer(?::text, ?::text)", queue, consumer);
    }

    /** {@code pgq_node.change_consumer_provider}: 404 when the new provider has no location here. */
    public RetCode changeConsumerProvider(String queue, String consumer, String provider) throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.change_consumer_provider(?::text, ?::text, ?::text)",
                queue,
                consumer,
                provider);
    }

    /** {@code pgq_node.set_consumer_uptodate}. */
    public RetCode setConsumerUptodate(String queue, String consumer, boolean uptodate) throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.set_consumer_uptodate(?::text, ?::text, ?::bool)",
                queue,
                consumer,
                uptodate);
    }

    /** {@code pgq_node.set_consumer_paused}: 201 when already so; otherwise also clears uptodate. */
    public RetCode setConsumerPaused(String queue, String consumer, boolean paused) throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.set_consumer_paused(?::text, ?::text, ?::bool)",
                queue,
                consumer,
                paused);
    }

    /** {@code pgq_node.set_consumer_completed}: records the tick as applied here; clears the error. */
    public RetCode setConsumerCompleted(String queue, String consumer, long tick) throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.set_consumer_completed(?::text, ?::text, ?::int8)",
                queue,
                consumer,
                tick);
    }

    /** {@code pgq_node.set_consumer_error}: stores why the current batch failed. */
    public RetCode setConsumerError(String queue, String consumer, String error) throws SQLException {
        return ret(
                "select ret_code, ret_note from pgq_node.set_consumer_error(?::text, ?::text, ?::text)",
                queue,
                consumer,
                error);
    }

    private RetCode ret(String sql, Object... params) throws SQLException {
        return SqlCalls.one(conn, sql, rs -> new RetCode(rs.getInt(1), rs.getString(2)), params)
                .orElseThrow(() -> new SQLException("no result from " + sql));
    }

    private static NodeInfo nodeInfoRow(String queue, ResultSet rs) throws SQLException {
        Array targets = rs.getArray(15);
        List<String> targetFor = targets == null ? List.of() : Arrays.asList((String[]) targets.getArray());
        return new NodeInfo(
                queue,
                NodeType.fromSql(rs.getString(2)),
                rs.getString(3),
                JdbcRows.longOrNull(rs, 4),
                JdbcRows.longOrNull(rs, 5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                NodeType.fromSql(rs.getString(9)),
                rs.getString(10),
                rs.getBoolean(11),
                rs.getBoolean(12),
                JdbcRows.longOrNull(rs, 13),
                rs.getString(14),
                targetFor);
    }
}
