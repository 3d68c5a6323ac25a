package org.skytools.londiste.compare;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.skytools.common.db.FqName;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.table.SqlRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a provider table and its local copy to the same logical point and opens a REPEATABLE
 * READ snapshot on both (behaviour.md ). On a root provider the table is locked in SHARE
 * mode (writers wait) until the local worker has passed a tick forced after the lock; on a branch
 * the provider's own worker is paused instead.
 */
final class SyncPoint {
    private static final Logger log = LoggerFactory.getLogger(SyncPoint.class);
    private static final long POLL_MS = 100;

    private final String queue;
    private final Duration lockTimeout;
    private final boolean force;

    SyncPoint(String queue, Duration lockTimeout, boolean force) {
        this.queue = queue;
        this.lockTimeout = lockTimeout;
        this.force = force;
    }

    /**
     * Opens the snapshots: {@code src} and {@code dst} are left inside REPEATABLE READ
     * transactions; {@code lock} and {@code setup} are extra provider connections.
     */
    void open(Connection node, Connection src, Connection lock, Connection setup, FqName srcTable) throws SQLException {
        Map<String, Object> pinfo = SqlRows.query(setup, "select * from pgq_node.get_node_info(?)", queue)
                .get(0);
        boolean root = "root".equals(pinfo.get("node_type"));
        String providerWorker = (String) pinfo.get("worker_name");
        boolean wasPaused = false;
        lock.setAutoCommit(false);
        try {
            if (root) {
                long ms = lockTimeout.toMillis();
                if (ms > 0) {
                    SqlRows.execute(lock, "set local statement_timeout = " + ms);
                }
                log.info("locking \"{}\"", srcTable);
                SqlRows.execute(lock, "lock table " + srcTable.quoted() + " in share mode");
                long tick = forceTick(setup, true);
                forceTick(setup, false);
                waitPast(node, tick);
            } else {
                wasPaused = setPaused(setup, providerWorker, true);
                long tick = forceTick(setup, false);
                waitPast(node, tick);
            }
            src.setAutoCommit(false);
            src.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            SqlRows.value(src, "select 1");
            node.setAutoCommit(false);
            node.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            SqlRows.value(node, "select 1");
        } finally {
            lock.rollback();
            if (!root && !wasPaused) {
                setPaused(setup, providerWorker, false);
            }
        }
    }

    // pgq.force_tick asks the ticker for a tick soon; with wait, polls until a newer tick exists.
    private long forceTick(Connection setup, boolean wait) throws SQLException {
        long cur = ((Number) SqlRows.value(setup, "select pgq.force_tick(?)", queue)).longValue();
        if (!wait) {
            return cur;
        }
        long deadline = System.currentTimeMillis() + Math.max(lockTimeout.toMillis(), 1000);
        while (true) {
            pause();
            long now = ((Number) SqlRows.value(setup, "select pgq.force_tick(?)", queue)).longValue();
            if (now != cur) {
                return now;
            }
            if (System.currentTimeMillis() > deadline && !force) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME, "no new tick on queue \"" + queue + "\"; is the ticker (pgqd) running?");
            }
        }
    }

    private void waitPast(Connection node, long tick) throws SQLException {
        long deadline = System.currentTimeMillis() + lockTimeout.toMillis();
        while (true) {
            Object last = SqlRows.value(node, "select worker_last_tick from pgq_node.get_node_info(?)", queue);
            SqlRows.endRead(node);
            // the tick itself is enough: on a root it was made after the lock, on a branch the
            // paused provider makes no newer one
            if (last != null && ((Number) last).longValue() >= tick) {
                return;
            }
            if (System.currentTimeMillis() > deadline && !force) {
                throw new SkyToolsException(
                        ErrorKind.RUNTIME,
                        "consumer lagging too much: the local worker did not reach tick " + tick
                                + " within lock_timeout; retry later or use --force");
            }
            pause();
        }
    }

    private boolean setPaused(Connection setup, String worker, boolean flag) throws SQLException {
        Map<String, Object> st = SqlRows.query(setup, "select * from pgq_node.get_consumer_state(?, ?)", queue, worker)
                .get(0);
        boolean old = Boolean.TRUE.equals(st.get("paused"));
        SqlRows.query(setup, "select * from pgq_node.set_consumer_paused(?, ?, ?)", queue, worker, flag);
        long deadline = System.currentTimeMillis() + lockTimeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Object up = SqlRows.value(setup, "select uptodate from pgq_node.get_consumer_state(?, ?)", queue, worker);
            if (Boolean.TRUE.equals(up)) {
                break;
            }
            pause();
        }
        return old;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyToolsException(ErrorKind.RUNTIME, "interrupted while waiting for the sync point");
        }
    }
}
