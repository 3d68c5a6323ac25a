package org.skytools.pgq.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

/** Nullable column getters for result rows; intervals are read as {@code extract(epoch from ...)}. */
public final class JdbcRows {
    private JdbcRows() {}

    /** A bigint column, or null. */
    public static Long longOrNull(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    /** An int column, or null. */
    public static Integer intOrNull(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    /** A float8 column, or null. */
    public static Double doubleOrNull(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    /** A timestamptz column, or null. */
    public static OffsetDateTime time(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, OffsetDateTime.class);
    }

    /** A number of seconds (from {@code extract(epoch from interval)}) as a duration, or null. */
    public static Duration seconds(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : Duration.ofNanos(Math.round(v * 1_000_000_000d));
    }
}
