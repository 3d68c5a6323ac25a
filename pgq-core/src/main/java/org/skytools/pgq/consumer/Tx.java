package org.skytools.pgq.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/** Commit and rollback that respect autocommit connections. */
final class Tx {
    private Tx() {}

    static void commit(Connection db) throws SQLException {
        if (!db.getAutoCommit()) {
            db.commit();
        }
    }

    static void rollback(Connection db) throws SQLException {
        if (!db.getAutoCommit()) {
            db.rollback();
        }
    }

    /** Rolls back after a failure; a second failure is dropped, the first one is what matters. */
    static void rollbackQuietly(Connection db) {
        try {
            if (!db.isClosed() && !db.getAutoCommit()) {
                db.rollback();
            }
        } catch (SQLException e) {
            // the connection is reset by the caller's loop
        }
    }

    /** The tracking row and the applied work must commit together, which autocommit would break. */
    static void requireTransaction(Connection dst) throws SQLException {
        if (dst.getAutoCommit()) {
            throw new SkyToolsException(
                    ErrorKind.INTERNAL, "the target connection of a tracking consumer must not be in autocommit mode");
        }
    }
}
