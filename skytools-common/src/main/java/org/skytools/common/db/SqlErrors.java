package org.skytools.common.db;

import java.sql.SQLException;

/**
 * Classifies SQL failures by SQLSTATE, never by message text: retriable (connection lost, server
 * shutting down, serialization failure, deadlock), permanent (authentication, unknown database)
 * and domain errors ({@code raise exception} from PgQ functions, whose message is for the user).
 */
public final class SqlErrors {
    private SqlErrors() {}

    /** The SQLSTATE of {@code e} or of the first exception in its chain that has one; null if none. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** Whether retrying the same work later may succeed: class 08, 57P01-57P03, 40001, 40P01. */
    public static boolean isRetriable(Throwable e) {
        String state = sqlState(e);
        if (state == null) {
            return false;
        }
        return state.startsWith("08")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03")
                || state.equals("40001")
                || state.equals("40P01");
    }

    /** Whether the failure will not go away by itself: class 28 (authentication) or 3D000. */
    public static boolean isPermanent(Throwable e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("28") || state.equals("3D000"));
    }

    /** Whether this is a {@code raise exception} (P0001) whose message should go to the user as is. */
    public static boolean isDomainError(Throwable e) {
        return "P0001".equals(sqlState(e));
    }
}
