package org.skytools.pgqd;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.skytools.common.config.Secrets;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.PgqClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance rounds of one database, on a connection opened for the round only. With {@code
 * pgq.maint_operations()} every listed operation runs in its own autocommit transaction and runs
 * again while it returns non-zero; {@code vacuum} operations run as statements. Older schemas get
 * the C pgqd's fallback: rotate step 1 for every queue, step 2, then vacuum what {@code
 * pgq.maint_tables_to_vacuum()} lists. A failing operation is logged and the round goes on; a
 * lost connection ends the round, and the next one is tried in 20 s.
 */
final class MaintenanceJob {
    private static final Logger log = LoggerFactory.getLogger(MaintenanceJob.class);

    /** Wait after a round that could not run. */
    static final Duration FAILURE_DELAY = Duration.ofSeconds(20);
    /** Calls of one operation within one round at most, in case it keeps asking for more. */
    static final int MAX_REPEAT = 1000;

    private final String name;
    private final WorkerContext ctx;

    private boolean enabled;
    private boolean running;
    private boolean stopped;
    private Instant next;
    private Statement current;

    MaintenanceJob(String name, WorkerContext ctx) {
        this.name = name;
        this.ctx = ctx;
    }

    /** PgQ was found: the first round is due at {@code now}, unless one is already planned. */
    synchronized void enable(Instant now) {
        enabled = true;
        if (next == null) {
            next = now;
        }
    }

    /** PgQ is gone: no rounds until it is found again. */
    synchronized void disable() {
        enabled = false;
        next = null;
    }

    /** Starts a round on the maintenance pool when one is due and none runs. */
    synchronized void launchIfDue(Instant now) {
        if (!enabled || running || stopped || next == null || now.isBefore(next)) {
            return;
        }
        running = true;
        try {
            ctx.maintenance().execute(this::round);
        } catch (RejectedExecutionException e) {
            // shutting down
            running = false;
        }
    }

    /** No more rounds; a statement in flight is cancelled. */
    void stop() {
        Statement inFlight;
        synchronized (this) {
            stopped = true;
            inFlight = current;
        }
        if (inFlight != null) {
            try {
                inFlight.cancel();
            } catch (SQLException e) {
                log.debug("database \"{}\": cancelling maintenance failed: {}", name, e.getMessage());
            }
        }
    }

    /** Waits until no round runs; false when {@code timeout} passed first. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void round() {
        boolean ok = false;
        try {
            ok = runRound();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // the pool would swallow it: say it here
            log.error("database \"{}\": maintenance failed: {}", name, e, e);
        } finally {
            synchronized (this) {
                running = false;
                Duration wait = ok ? ctx.settings().get().maintPeriod() : FAILURE_DELAY;
                next = ctx.clock().instant().plus(wait);
                notifyAll();
            }
        }
    }

    private boolean runRound() {
        PgqdSettings settings = ctx.settings().get();
        try (Connection conn = ctx.connector().connect(settings.connstr(name))) {
            if (hasMaintOperations(conn)) {
                for (MaintCall op : load(conn)) {
                    if (isStopped()) {
                        return false;
                    }
                    run(conn, op, MAX_REPEAT);
                }
            } else {
                legacyRound(conn);
            }
            if (isStopped()) {
                return false;
            }
            ctx.counters().maintenanceRound();
            log.debug("database \"{}\": maintenance done", name);
            return true;
        } catch (SkyToolsException e) {
            log.error(
                    "database \"{}\": maintenance: {}; next attempt in {} s",
                    name,
                    Secrets.mask(e.getMessage()),
                    SqlFailures.seconds(FAILURE_DELAY));
        } catch (SQLException e) {
            if (!isStopped()) {
                log.error(
                        "database \"{}\": maintenance failed: {}; next attempt in {} s",
                        name,
                        SqlFailures.describe(e),
                        SqlFailures.seconds(FAILURE_DELAY));
            }
        }
        return false;
    }

    /** The C pgqd's round for schemas without pgq.maint_operations(). */
    private void legacyRound(Connection conn) throws SQLException {
        log.debug("database \"{}\": no pgq.maint_operations(), using the fixed maintenance steps", name);
        for (String queue : column(conn, "select queue_name from pgq.get_queue_info()")) {
            run(conn, new MaintCall("pgq.maint_rotate_tables_step1", queue), 1);
        }
        run(conn, new MaintCall("pgq.maint_rotate_tables_step2", null), 1);
        for (String table : column(conn, "select * from pgq.maint_tables_to_vacuum()")) {
            run(conn, new MaintCall("vacuum", table), 1);
        }
    }

    private static boolean hasMaintOperations(Connection conn) throws SQLException {
        return !column(
                        conn,
                        "select p.proname from pg_catalog.pg_proc p"
                                + " join pg_catalog.pg_namespace n on n.oid = p.pronamespace"
                                + " where n.nspname = 'pgq' and p.proname = 'maint_operations'")
                .isEmpty();
    }

    private static List<MaintCall> load(Connection conn) throws SQLException {
        return new PgqClient(conn).maintOperations().stream().map(MaintCall::of).toList();
    }

    private static List<String> column(Connection conn, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Runs {@code op} up to {@code limit} times while it asks for more; throws only on a lost connection. */
    private void run(Connection conn, MaintCall op, int limit) throws SQLException {
        if (op.funcName() == null || op.problem().isPresent()) {
            log.error(
                    "database \"{}\": skipping maintenance operation {}: {}",
                    name,
                    op.funcName() == null ? "(null)" : op.describe(),
                    op.funcName() == null ? "no function name" : op.problem().get());
            return;
        }
        for (int i = 0; i < limit; i++) {
            if (isStopped()) {
                return;
            }
            boolean again;
            try {
                again = execute(conn, op);
            } catch (SQLException e) {
                if (isStopped() || SqlFailures.connectionLost(e, conn)) {
                    throw e;
                }
                log.error(
                        "database \"{}\": maintenance operation {} failed: {}",
                        name,
                        op.describe(),
                        SqlFailures.describe(e));
                return;
            }
            if (!again) {
                return;
            }
        }
        if (limit > 1) {
            log.warn(
                    "database \"{}\": maintenance operation {} still asks to run again after {} calls;"
                            + " going on with the next one",
                    name,
                    op.describe(),
                    limit);
        }
    }

    private boolean execute(Connection conn, MaintCall op) throws SQLException {
        String sql = op.sql();
        log.debug("database \"{}\": {}{}", name, sql, op.hasParameter() ? " [" + op.funcArg() + "]" : "");
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            if (!register(st)) {
                return false;
            }
            if (op.hasParameter()) {
                st.setString(1, op.funcArg());
            }
            if (!st.execute() || op.isStatement()) {
                return false;
            }
            try (ResultSet rs = st.getResultSet()) {
                return rs.next() && MaintCall.repeatRequested(rs.getString(1));
            }
        } finally {
            register(null);
        }
    }

    /** Makes {@code st} the statement that {@link #stop()} cancels; false when already stopped. */
    private synchronized boolean register(Statement st) {
        current = st;
        return !stopped;
    }

    private synchronized boolean isStopped() {
        return stopped;
    }
}
