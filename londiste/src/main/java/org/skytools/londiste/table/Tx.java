package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

    /**
     * Runs {@code body} in one transaction that first locks the row of the node's worker in
     * {@code pgq_node.local_state}, as the worker does at the start of each batch: admin changes
     * then wait for the batch in progress instead of deadlocking with it.
     */
    public static <T> T runBesideWorker(Connection c, String queue, Body<T> body) throws SQLException {
        return run(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from pgq_node.local_state s"
                    + " join pgq_node.node_info n on n.queue_name = s.queue_name and n.worker_name = s.consumer_name"
                    + " where s.queue_name = ? for update of s")) {
                ps.setString(1, queue);
                ps.executeQuery().close();
            }
            return body.run();
        });
    }
}
