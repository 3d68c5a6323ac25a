package org.skytools.qadmin.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC shortcuts: every value is bound as a parameter, never spliced into SQL text. */
final class Db {
    private Db() {}

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
        } catch (SQLException e) {
            st.close();
            throw e;
        }
        return st;
    }

    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            return rs.next();
        }
    }

    /** The first column of every row, as text. */
    static List<String> column(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    /** The rows of a query, laid out for printing. */
    static ResultTable table(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            return ResultTable.of(rs);
        }
    }

    /** Runs a query for its side effects (a PgQ function call) and returns the first row's columns as text. */
    static List<String> call(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            List<String> row = new ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
            }
            return row;
        }
    }

    /** A unit of database work. */
    interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, so that a command touching several objects ({@code
     * alter queue *}) applies everything or nothing; the connection returns to autocommit.
     */
    static void inTransaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
