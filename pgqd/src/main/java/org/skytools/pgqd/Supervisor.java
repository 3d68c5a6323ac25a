package org.skytools.pgqd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.skytools.common.config.Secrets;
import org.skytools.common.daemon.Stats;
import org.skytools.common.db.DbConnector;
import org.skytools.common.error.SkyToolsException;
import org.skytools.common.log.LogSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps one {@link DatabaseWorker} per database to serve: lists the databases at start and every
 * {@code check_period}, starts workers for new ones and stops those of databases gone, and hands
 * the stats counters to the loop every {@code stats_period}. Workers run on a small shared
 * scheduler (ticks, retries) and a smaller maintenance pool; their number does not grow with the
 * number of databases. {@link #start()}, {@link #poll}, {@link #reload} and {@link #close()} are
 * called from the loop thread only.
 */
final class Supervisor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    /** Threads ticking and draining retries for every database. */
    static final int TICK_THREADS = 3;
    /** Threads running maintenance rounds, so a long vacuum never holds up a tick. */
    static final int MAINT_THREADS = 2;
    /** How long start-up waits for a first database to be served. */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    /** How long stopping waits for maintenance in flight before closing its connection anyway. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final AtomicReference<PgqdSettings> settings;
    private final Clock clock;
    private final Counters counters = new Counters();
    private final ScheduledThreadPoolExecutor scheduler;
    private final ThreadPoolExecutor maintenance;
    private final Map<String, DatabaseWorker> workers = new TreeMap<>();
    private WorkerContext context;
    private Instant nextCheck;
    private Instant nextStats;
    private boolean syslogWarned;

    Supervisor(PgqdSettings initial, Clock clock) {
        this.settings = new AtomicReference<>(initial);
        this.clock = clock;
        this.scheduler = new ScheduledThreadPoolExecutor(TICK_THREADS, threads("pgqd-tick", initial.jobName()));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.maintenance = new ThreadPoolExecutor(
                MAINT_THREADS,
                MAINT_THREADS,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                threads("pgqd-maint", initial.jobName()));
        this.maintenance.allowCoreThreadTimeOut(true);
        this.context = newContext(initial);
    }

    /**
     * Lists the databases, starts their workers and waits until one of them is served.
     *
     * @throws SkyToolsException when the database list cannot be read or no database can be
     *     served; the exit code follows the most telling problem
     */
    void start() throws InterruptedException {
        PgqdSettings s = settings.get();
        startSyslog(s);
        List<String> databases;
        try {
            databases = DatabaseLister.list(s, context.connector());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info(
                "serving {} databases{}: {}",
                databases.size(),
                s.listed() ? " from database_list" : " of the cluster",
                String.join(", ", databases));
        StartupReport report = new StartupReport(databases.size());
        for (String db : databases) {
            startWorker(db, s.listed(), report::add);
        }
        report.await(STARTUP_TIMEOUT.toMillis());
        var failure = report.failure();
        if (failure.isPresent()) {
            close();
            throw failure.get();
        }
        Instant now = clock.instant();
        nextCheck = now.plus(s.checkPeriod());
        nextStats = now.plus(s.statsPeriod());
    }

    /** Re-lists the databases when check_period is due, and fills {@code stats} when stats_period is. */
    void poll(Stats stats) {
        Instant now = clock.instant();
        PgqdSettings s = settings.get();
        if (!now.isBefore(nextCheck)) {
            refresh(s);
            nextCheck = clock.instant().plus(s.checkPeriod());
        }
        if (!now.isBefore(nextStats)) {
            Counters.Snapshot counts = counters.drain();
            stats.put("ticks", counts.ticks());
            stats.put("maint", counts.maint());
            stats.put("retry", counts.retry());
            nextStats = now.plus(s.statsPeriod());
        }
    }

    /** Applies reloaded settings: reconnects everything if the connect settings changed, then re-checks. */
    void reload(PgqdSettings next) {
        PgqdSettings previous = settings.getAndSet(next);
        if (previous.connectsDifferently(next)) {
            log.info("connect settings changed, reconnecting to every database");
            stopAll();
            context = newContext(next);
        }
        startSyslog(next);
        refresh(next);
        workers.values().forEach(DatabaseWorker::wakeUp);
        Instant now = clock.instant();
        nextCheck = now.plus(next.checkPeriod());
        nextStats = now.plus(next.statsPeriod());
    }

    /** The state of each database's worker, by name. */
    Map<String, DatabaseWorker.State> states() {
        Map<String, DatabaseWorker.State> states = new LinkedHashMap<>();
        workers.forEach((name, worker) -> states.put(name, worker.state()));
        return states;
    }

    /** Stops every worker, waits briefly for maintenance in flight and ends the threads. */
    @Override
    public void close() {
        stopAll();
        scheduler.shutdown();
        maintenance.shutdown();
        try {
            long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT.toNanos();
            if (!scheduler.awaitTermination(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("ticker threads still busy after {} s", SqlFailures.seconds(SHUTDOWN_TIMEOUT));
            }
            long left = Math.max(0, deadline - System.nanoTime());
            if (!maintenance.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                log.warn("maintenance still running after {} s, leaving it", SqlFailures.seconds(SHUTDOWN_TIMEOUT));
                maintenance.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
            maintenance.shutdownNow();
        }
    }

    private void refresh(PgqdSettings s) {
        List<String> databases;
        try {
            databases = DatabaseLister.list(s, context.connector());
        } catch (SkyToolsException e) {
            log.error(
                    "cannot list the databases: {}; serving the {} known ones, trying again in {} s",
                    Secrets.mask(e.getMessage()),
                    workers.size(),
                    SqlFailures.seconds(s.checkPeriod()));
            return;
        }
        DatabaseSet.Diff diff = DatabaseSet.diff(workers.keySet(), databases);
        for (String db : diff.stop()) {
            log.info("database \"{}\": no longer {}, stopping", db, s.listed() ? "in database_list" : "in the cluster");
            workers.remove(db).stop();
        }
        for (String db : diff.start()) {
            log.info("database \"{}\": new, starting", db);
            startWorker(db, s.listed(), check -> {});
        }
    }

    private void startWorker(String db, boolean listed, Consumer<FirstCheck> firstCheck) {
        DatabaseWorker worker = new DatabaseWorker(db, listed, context, firstCheck);
        workers.put(db, worker);
        worker.start();
    }

    private void stopAll() {
        List<DatabaseWorker> all = new ArrayList<>(workers.values());
        workers.clear();
        all.forEach(DatabaseWorker::stop);
        for (DatabaseWorker worker : all) {
            try {
                if (!worker.awaitMaintenance(SHUTDOWN_TIMEOUT)) {
                    log.warn("database \"{}\": maintenance did not stop in time", worker.name());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // Called after each logging set-up (start and reload), which drops the syslog output.
    private void startSyslog(PgqdSettings s) {
        PgqdSettings.SyslogTarget target = s.syslog();
        if (target == null) {
            return;
        }
        if (System.getenv("JOURNAL_STREAM") != null) {
            // under systemd the console output is in the journal already; syslog would repeat it
            log.debug("stderr goes to the journal: not logging to syslog as well");
            return;
        }
        if (LogSetup.addSyslog(target.ident(), target.facility())) {
            log.debug("logging to syslog as \"{}\", facility {}", target.ident(), target.facility());
        } else if (target.explicit() && !syslogWarned) {
            syslogWarned = true;
            log.warn("syslog = 1 but this host has no syslog socket (/dev/log) or no logger(1): logging to"
                    + " the console and 'logfile' only");
        }
    }

    private WorkerContext newContext(PgqdSettings s) {
        return new WorkerContext(settings::get, new DbConnector(s.jobName()), scheduler, maintenance, counters, clock);
    }

    private static ThreadFactory threads(String prefix, String jobName) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(
                    () -> {
                        MDC.put("job_name", jobName);
                        task.run();
                    },
                    prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
