package org.skytools.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skytools.testkit.TestDatabase;

/** One database session for the pgq tests, with the pgq calls they make most. */
final class PgqSession implements AutoCloseable {
    private final Connection conn;
    private SQLWarning lastWarning;

    private PgqSession(Connection conn) {
        this.conn = conn;
    }

    static PgqSession open(TestDatabase db) throws SQLException {
        return new PgqSession(db.connect());
    }

    Connection connection() {
        return conn;
    }

    /** Creates a queue whose ticker ticks on every pgq.ticker() call. */
    void createEagerQueue(String queue) throws SQLException {
        value("select pgq.create_queue(?)", Integer.class, queue);
        value("select pgq.set_queue_config(?, 'ticker_max_lag', '0')", Integer.class, queue);
        value("select pgq.set_queue_config(?, 'ticker_idle_period', '0')", Integer.class, queue);
    }

    long insert(String queue, String data) throws SQLException {
        return value("select pgq.insert_event(?, 'test', ?)", Long.class, queue, data);
    }

    Long tick(String queue) throws SQLException {
        return value("select pgq.ticker(?)", Long.class, queue);
    }

    void register(String queue, String consumer) throws SQLException {
        value("select pgq.register_consumer(?, ?)", Integer.class, queue, consumer);
    }

    Long nextBatch(String queue, String consumer) throws SQLException {
        return value("select pgq.next_batch(?, ?)", Long.class, queue, consumer);
    }

    /** ev_data of the batch's events in the order get_batch_events returns them. */
    List<String> batchData(long batchId) throws SQLException {
        List<String> data = new ArrayList<>();
        for (Map<String, Object> row : rows("select ev_data from pgq.get_batch_events(?)", batchId)) {
            data.add((String) row.get("ev_data"));
        }
        return data;
    }

    int finish(long batchId) throws SQLException {
        return value("select pgq.finish_batch(?)", Integer.class, batchId);
    }

    /** Reads batches until there is none, finishing each; returns all ev_data in batch order. */
    List<String> drain(String queue, String consumer) throws SQLException {
        List<String> all = new ArrayList<>();
        for (Long batch = nextBatch(queue, consumer); batch != null; batch = nextBatch(queue, consumer)) {
            all.addAll(batchData(batch));
            finish(batch);
        }
        return all;
    }

    void begin() throws SQLException {
        conn.setAutoCommit(false);
    }

    void commit() throws SQLException {
        conn.commit();
        conn.setAutoCommit(true);
    }

    void rollback() throws SQLException {
        conn.rollback();
        conn.setAutoCommit(true);
    }

    /** First column of the first row, or null. Warnings of the statement are kept for {@link #lastWarning}. */
    <T> T value(String sql, Class<T> type, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(sql, params);
                ResultSet rs = st.executeQuery()) {
            lastWarning = st.getWarnings();
            return rs.next() ? rs.getObject(1, type) : null;
        }
    }

    List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(sql, params);
                ResultSet rs = st.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            lastWarning = st.getWarnings();
            return rows;
        }
    }

    void exec(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(sql, params)) {
            st.execute();
            lastWarning = st.getWarnings();
        }
    }

    SQLWarning lastWarning() {
        return lastWarning;
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement st = conn.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
