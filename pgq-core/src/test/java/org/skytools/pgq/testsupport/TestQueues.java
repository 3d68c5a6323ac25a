package org.skytools.pgq.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import org.skytools.pgq.PgqClient;

/** Queue set-up and deterministic ticks for tests. */
public final class TestQueues {
    private TestQueues() {}

    /**
     * Creates {@code queue} tuned so that a plain {@code pgq.ticker()} ticks at once when there are
     * events and about every 100 ms when idle; plain ticker calls then tick when a test wants them to.
     */
    public static void createFastQueue(Connection c, String queue) throws SQLException {
        PgqClient pgq = new PgqClient(c);
        pgq.createQueue(queue);
        pgq.setQueueConfig(queue, "ticker_max_count", "1");
        pgq.setQueueConfig(queue, "ticker_max_lag", "0");
        pgq.setQueueConfig(queue, "ticker_idle_period", "0.1 seconds");
        commit(c);
    }

    /** Makes a new tick on {@code queue} now, whatever its thresholds say; returns its id. */
    public static long tick(Connection c, String queue) throws SQLException {
        PgqClient pgq = new PgqClient(c);
        long last = pgq.forceTick(queue);
        commit(c);
        long id = pgq.ticker(queue).orElseThrow(() -> new IllegalStateException("no tick after force_tick"));
        commit(c);
        if (id == last) {
            throw new IllegalStateException("tick did not advance on " + queue);
        }
        return id;
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
