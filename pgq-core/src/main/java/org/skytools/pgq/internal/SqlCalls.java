package org.skytools.pgq.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Statement helpers shared by the thin SQL wrappers of pgq, pgq_coop and pgq_ext. */
public final class SqlCalls {
    private SqlCalls() {}

    /** Maps the current row. */
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A prepared statement with the parameters bound by {@code setObject}. */
    public static PreparedStatement prepare(Connection conn, String sql, Object... params) throws SQLException {
        PreparedStatement st = conn.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st;
        } catch (SQLException e) {
            st.close();
            throw e;
        }
    }

    /** Every row, mapped. */
    public static <T> List<T> list(Connection conn, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement st = prepare(conn, sql, params);
                ResultSet rs = st.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    /** The first row mapped, or empty when there is no row or the mapper returns null. */
    public static <T> Optional<T> one(Connection conn, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement st = prepare(conn, sql, params);
                ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    /** The first column of the first row, or null. */
    public static <T> T value(Connection conn, String sql, Class<T> type, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(conn, sql, params);
                ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getObject(1, type) : null;
        }
    }

    /** The first column of the first row as an int, 0 when null. */
    public static int intValue(Connection conn, String sql, Object... params) throws SQLException {
        Integer v = value(conn, sql, Integer.class, params);
        return v == null ? 0 : v;
    }
}
