package org.skytools.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A database made for one test, with small helpers to run SQL in autocommit. */
public final class TestDatabase {
    private final PgCluster cluster;
    private final String name;

    public TestDatabase(PgCluster cluster, String name) {
        this.cluster = cluster;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public PgCluster cluster() {
        return cluster;
    }

    /** A new connection in autocommit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return cluster.connect(name);
    }

    public String jdbcUrl() {
        return cluster.jdbcUrl(name);
    }

    public String connString() {
        return cluster.connString(name);
    }

    /** Runs one statement in its own transaction and returns the update count (0 for queries). */
    public int execute(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepare(c, sql, params)) {
            boolean hasRows = st.execute();
            return hasRows ? 0 : Math.max(0, st.getUpdateCount());
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** All rows of a query, each as column name to value in select order. */
    public List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepare(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public <T> T queryValue(String sql, Class<T> type, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepare(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getObject(1, type) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + " on " + cluster + "]";
    }
}
