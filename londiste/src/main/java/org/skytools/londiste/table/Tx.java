package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a body in one transaction on a connection: commit on success, rollback on any failure. */
public final class Tx {
    private Tx() {}

    /** A unit of work that may fail with SQL or product errors. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws SQLException;
    }

    /** Runs {@code body} in one transaction and restores the connection's autocommit mode after. */
    public static <T> T run(Connection c, Body<T> body) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = body.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
