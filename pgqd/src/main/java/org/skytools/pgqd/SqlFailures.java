package org.skytools.pgqd;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.skytools.common.config.Secrets;
import org.skytools.common.error.SqlErrors;

/** How the workers read a failed statement: lost connection or not, and the text to log. */
final class SqlFailures {
    private SqlFailures() {}

    /**
     * Whether the failure means the connection is gone: SQLSTATE class 08 (connection exception)
     * or 57P (operator intervention: shutdown, crash, database dropped), or a closed connection.
     */
    static boolean connectionLost(SQLException e, Connection conn) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return conn == null || conn.isClosed();
        } catch (SQLException ignored) {
            return true;
        }
    }

    /**
     * The message of a failure on one line: the server's own message when there is one (without
     * pgjdbc's severity prefix, hint and position), passwords masked, with its SQLSTATE.
     */
    static String describe(Throwable e) {
        String text = null;
        for (Throwable t = e; t != null && text == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                text = psql.getServerErrorMessage().getMessage();
            }
        }
        String shown = Secrets.mask(text != null ? text : SqlErrors.userMessage(e))
                .strip()
                .replaceAll("\\s*\\R\\s*", " ");
        return SqlErrors.sqlState(e).map(s -> shown + " (SQLSTATE " + s + ")").orElse(shown);
    }

    /** A duration as seconds for log lines: {@code 10}, {@code 0.5}. */
    static String seconds(java.time.Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
