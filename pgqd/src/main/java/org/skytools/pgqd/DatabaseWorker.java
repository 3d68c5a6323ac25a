package org.skytools.pgqd;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.skytools.common.config.Secrets;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.PgqClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one database on one connection: checks for PgQ, then calls {@code pgq.ticker()} every
 * {@code ticker_period} and drains the retry queue every {@code retry_period} between ticks, and
 * starts the database's maintenance rounds when due. Each step runs on the shared scheduler and
 * schedules the next; a lock keeps the steps of one database in sequence and lets {@link #stop()}
 * wait for the step in flight. Every failure is logged with the database name.
 */
final class DatabaseWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseWorker.class);

    /** State of the worker, for logs and tests. */
    enum State {
        STARTING,
        UNREACHABLE,
        NO_PGQ,
        BAD_VERSION,
        READY,
        FAILING,
        STOPPED
    }

    private final String name;
    private final boolean listed;
    private final WorkerContext ctx;
    private final MaintenanceJob maintenance;
    private final Consumer<FirstCheck> firstCheckListener;
    private final WorkerSchedule schedule = new WorkerSchedule();
    private final ReentrantLock lock = new ReentrantLock();

    private Connection conn;
    private PgqClient pgq;
    private ScheduledFuture<?> pending;
    private boolean stopped;
    private boolean firstCheckSent;
    private boolean noPgqReported;
    private volatile State state = State.STARTING;

    /**
     * @param name the database
     * @param listed whether it was named in database_list (a missing PgQ is then a warning)
     * @param ctx shared pools, settings, counters
     * @param firstCheckListener told once how the first check ended
     */
    DatabaseWorker(String name, boolean listed, WorkerContext ctx, Consumer<FirstCheck> firstCheckListener) {
        this.name = name;
        this.listed = listed;
        this.ctx = ctx;
        this.maintenance = new MaintenanceJob(name, ctx);
        this.firstCheckListener = firstCheckListener;
    }

    String name() {
        return name;
    }

    State state() {
        return state;
    }

    /** Schedules the first step at once. */
    void start() {
        reschedule(Duration.ZERO);
    }

    /** Looks again at once if the database is not being ticked (after a reload). */
    void wakeUp() {
        lock.lock();
        try {
            if (!stopped && state != State.READY) {
                if (pending != null) {
                    pending.cancel(false);
                }
                reschedule(Duration.ZERO);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the worker after the step in flight, cancels its maintenance and closes the connection. */
    void stop() {
        maintenance.stop();
        lock.lock();
        try {
            stopped = true;
            if (pending != null) {
                pending.cancel(false);
            }
            closeConnection();
            state = State.STOPPED;
        } finally {
            lock.unlock();
        }
        sendFirstCheck(FirstCheck.notServed(name, ErrorKind.RUNTIME, "database \"" + name + "\": stopped"));
    }

    /** Waits for the maintenance round in flight, if any, to end; false if it did not in time. */
    boolean awaitMaintenance(Duration timeout) throws InterruptedException {
        return maintenance.awaitIdle(timeout);
    }

    @Override
    public void run() {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            Duration delay;
            try {
                delay = step();
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // the scheduler would drop the task without a word: never lose a database silently
                log.error("database \"{}\": unexpected failure: {}", name, e, e);
                closeConnection();
                state = State.FAILING;
                sendFirstCheck(FirstCheck.notServed(name, ErrorKind.INTERNAL, problem(e.toString())));
                delay = WorkerSchedule.TICK_FAILURE_DELAY;
            }
            reschedule(delay);
        } finally {
            lock.unlock();
        }
    }

    private void reschedule(Duration delay) {
        if (stopped) {
            return;
        }
        try {
            pending = ctx.scheduler().schedule(this, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
            stopped = true;
        }
    }

    private Duration step() {
        PgqdSettings settings = ctx.settings().get();
        Instant now = ctx.clock().instant();
        if (conn != null && schedule.connectionExpired(now, settings.connectionLifetime())) {
            log.debug(
                    "database \"{}\": connection older than {} s, reconnecting",
                    name,
                    SqlFailures.seconds(settings.connectionLifetime()));
            closeConnection();
        }
        if (conn == null) {
            return connectAndCheck(now, settings);
        }
        return tick(settings);
    }

    private Duration connectAndCheck(Instant now, PgqdSettings settings) {
        try {
            conn = ctx.connector().connect(settings.connstr(name));
            pgq = new PgqClient(conn);
        } catch (SkyToolsException e) {
            state = State.UNREACHABLE;
            Duration delay = schedule.connectionFailed();
            // the connector's message names the database and the server already
            String message = Secrets.mask(e.getMessage());
            log.error(
                    "{}; next attempt in {} s (attempt {})",
                    message,
                    SqlFailures.seconds(delay),
                    schedule.connectFailures());
            sendFirstCheck(FirstCheck.notServed(name, e.kind(), message));
            return delay;
        }
        schedule.connected(now);
        PgqProbe.Result found;
        try {
            found = PgqProbe.probe(pgq);
        } catch (SQLException e) {
            return statementFailed("checking for PgQ", e);
        }
        switch (found.status()) {
            case NO_SCHEMA -> {
                closeConnection();
                reportNoPgq(settings);
                state = State.NO_PGQ;
                sendFirstCheck(FirstCheck.notServed(name, ErrorKind.SCHEMA_MISSING, problem("no schema \"pgq\"")));
                maintenance.disable();
                return schedule.noPgq(settings.checkPeriod());
            }
            case BAD_VERSION -> {
                closeConnection();
                log.warn(
                        "database \"{}\": pgq.version() is {}, PgQ 3 or later is needed; ignoring the database,"
                                + " looking again in {} s",
                        name,
                        found.version() == null ? "missing" : "\"" + found.version() + "\"",
                        SqlFailures.seconds(settings.checkPeriod()));
                state = State.BAD_VERSION;
                sendFirstCheck(FirstCheck.notServed(
                        name, ErrorKind.SCHEMA_VERSION, problem("pgq version " + found.version() + " is too old")));
                maintenance.disable();
                return schedule.noPgq(settings.checkPeriod());
            }
            default -> {
                if (state != State.READY) {
                    log.info("database \"{}\": pgq version ok: {}", name, found.version());
                    schedule.pgqFound(now);
                    maintenance.enable(now);
                    noPgqReported = false;
                }
                state = State.READY;
                sendFirstCheck(FirstCheck.served(name));
                return tick(settings);
            }
        }
    }

    private void reportNoPgq(PgqdSettings settings) {
        String again = SqlFailures.seconds(settings.checkPeriod());
        if (listed) {
            log.warn(
                    "database \"{}\": no schema \"pgq\", looking again in {} s; install PgQ there or remove the"
                            + " database from database_list",
                    name,
                    again);
        } else if (!noPgqReported || state == State.READY) {
            // most databases of a cluster have no PgQ: say so once, not every check_period
            log.info("database \"{}\": no schema \"pgq\", looking again every {} s", name, again);
        } else {
            log.debug("database \"{}\": still no schema \"pgq\"", name);
        }
        noPgqReported = true;
    }

    private Duration tick(PgqdSettings settings) {
        try {
            pgq.ticker();
        } catch (SQLException e) {
            return statementFailed("pgq.ticker()", e);
        }
        ctx.counters().tick();
        log.trace("database \"{}\": ticked", name);
        if (schedule.retryDue(ctx.clock().instant())) {
            Duration failed = drainRetries(settings);
            if (failed != null) {
                return failed;
            }
        }
        maintenance.launchIfDue(ctx.clock().instant());
        return schedule.ticked(settings.tickerPeriod());
    }

    /** Moves due retry events back while there are any, within the budget; non-null on a lost connection. */
    private Duration drainRetries(PgqdSettings settings) {
        long started = System.nanoTime();
        long budget = WorkerSchedule.retryBudget(settings.tickerPeriod()).toNanos();
        long moved = 0;
        boolean emptied = false;
        try {
            while (true) {
                long n = pgq.maintRetryEvents();
                moved += n;
                if (n == 0) {
                    emptied = true;
                    break;
                }
                if (System.nanoTime() - started >= budget) {
                    break;
                }
            }
        } catch (SQLException e) {
            ctx.counters().retried(moved);
            if (SqlFailures.connectionLost(e, conn)) {
                return statementFailed("pgq.maint_retry_events()", e);
            }
            schedule.retryFailed(ctx.clock().instant());
            log.error(
                    "database \"{}\": pgq.maint_retry_events() failed: {}; trying again in {} s",
                    name,
                    SqlFailures.describe(e),
                    SqlFailures.seconds(WorkerSchedule.RETRY_FAILURE_DELAY));
            return null;
        }
        ctx.counters().retried(moved);
        schedule.retryDrained(ctx.clock().instant(), emptied, settings.retryPeriod());
        if (moved > 0) {
            log.debug("database \"{}\": {} retry events moved back into their queues", name, moved);
        }
        return null;
    }

    private Duration statementFailed(String what, SQLException e) {
        boolean lost = SqlFailures.connectionLost(e, conn);
        closeConnection();
        state = State.FAILING;
        Duration delay;
        if (lost) {
            delay = schedule.connectionFailed();
            log.error(
                    "database \"{}\": connection lost during {}: {}; reconnecting in {} s (attempt {})",
                    name,
                    what,
                    SqlFailures.describe(e),
                    SqlFailures.seconds(delay),
                    schedule.connectFailures());
        } else {
            delay = schedule.tickFailed();
            log.error(
                    "database \"{}\": {} failed: {}; reconnecting in {} s",
                    name,
                    what,
                    SqlFailures.describe(e),
                    SqlFailures.seconds(delay));
        }
        sendFirstCheck(FirstCheck.notServed(
                name,
                lost ? ErrorKind.DB_CONNECT : ErrorKind.RUNTIME,
                problem(what + " failed: " + SqlFailures.describe(e))));
        return delay;
    }

    private String problem(String text) {
        return "database \"" + name + "\": " + Secrets.mask(text);
    }

    private void sendFirstCheck(FirstCheck check) {
        boolean send;
        synchronized (this) {
            send = !firstCheckSent;
            firstCheckSent = true;
        }
        if (send) {
            firstCheckListener.accept(check);
        }
    }

    private void closeConnection() {
        schedule.disconnected();
        if (conn == null) {
            return;
        }
        try {
            conn.close();
        } catch (SQLException e) {
            log.debug("database \"{}\": closing the connection failed: {}", name, e.getMessage());
        }
        conn = null;
        pgq = null;
    }
}
