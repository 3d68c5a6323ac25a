package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.error.ErrorKind;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/**
 * pgqd in this JVM against real databases (behaviour.md §8): ticking, picking up PgQ installed
 * later, retry drains, connection recycling, failures logged with the database name, start-up
 * refusal, and a clean stop.
 */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class PgqdIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private LogCapture logs;
    private InProcessPgqd pgqd;
    private String job;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
        // the job name is the application_name of pgqd's connections
        job = "pgqd_it_" + Long.toHexString(System.nanoTime());
    }

    @AfterEach
    void stop() throws Exception {
        if (pgqd != null) {
            pgqd.close();
        }
        logs.close();
    }

    private String config(PgCluster cluster, String... lines) {
        StringBuilder body = new StringBuilder()
                .append("job_name = ")
                .append(job)
                .append("\nbase_connstr = host=")
                .append(cluster.host())
                .append(" port=")
                .append(cluster.port())
                .append(" user=")
                .append(cluster.superuser())
                .append("\ninitial_database = postgres\nloop_delay = 0.1\n");
        for (String line : lines) {
            body.append(line).append('\n');
        }
        return body.toString();
    }

    private InProcessPgqd startPgqd(String body) throws Exception {
        pgqd = InProcessPgqd.start(dir.resolve("pgqd.ini"), body);
        await().atMost(WAIT).until(() -> pgqd.started() || pgqd.exited());
        return pgqd;
    }

    @Test
    void t1_t2_t6_ticksEveryListedDatabaseAndLogsStats(TestDatabase a, PgCluster cluster) throws Exception {
        TestDatabase b = PgqFixture.createDatabase(cluster, a.name() + "_b", true);
        try {
            PgqFixture.createQueue(a, "qa");
            PgqFixture.createQueue(b, "qb");
            startPgqd(config(
                    cluster,
                    "database_list = " + a.name() + ", " + b.name(),
                    "ticker_period = 0.1",
                    "stats_period = 0.3"));
            assertThat(pgqd.started()).isTrue();

            PgqFixture.awaitTick(a, "qa", WAIT);
            PgqFixture.awaitTick(b, "qb", WAIT);
            await().atMost(WAIT).until(() -> logs.lines().stream()
                    .anyMatch(l -> l.matches("INFO \\{ticks: [1-9]\\d*, maint: \\d+, retry: \\d+}")));
            assertThat(logs.text())
                    .contains("database \"" + a.name() + "\": pgq version ok: 3.")
                    .contains("database \"" + b.name() + "\": pgq version ok: 3.");
            assertThat(pgqd.supervisor().states())
                    .containsEntry(a.name(), DatabaseWorker.State.READY)
                    .containsEntry(b.name(), DatabaseWorker.State.READY);
        } finally {
            pgqd.close();
            pgqd = null;
            cluster.dropDatabase(b.name());
        }
    }

    @Test
    void t2_picksUpADatabaseWherePgqIsInstalledWhileRunningAndWarnsUntilThen(TestDatabase a, PgCluster cluster)
            throws Exception {
        TestDatabase later = PgqFixture.createDatabase(cluster, a.name() + "_later", false);
        try {
            PgqFixture.createQueue(a, "qa");
            startPgqd(config(cluster, "database_list = " + a.name() + " " + later.name(), "check_period = 0.5"));
            String warning = "WARN database \"" + later.name() + "\": no schema \"pgq\", looking again in 0.5 s";
            await().atMost(WAIT).until(() -> logs.count(warning) >= 2);

            PgqFixture.installPgq(later);
            PgqFixture.createQueue(later, "ql");
            await().atMost(WAIT).until(() -> logs.contains("database \"" + later.name() + "\": pgq version ok"));
            PgqFixture.awaitTick(later, "ql", WAIT);
            PgqFixture.awaitTick(a, "qa", WAIT);
        } finally {
            pgqd.close();
            pgqd = null;
            cluster.dropDatabase(later.name());
        }
    }

    @Test
    void t3_drainsTheRetryQueueBackIntoTheQueue(TestDatabase db, PgCluster cluster) throws Exception {
        PgqFixture.createQueue(db, "q");
        db.queryValue("select pgq.register_consumer('q', 'c')", Integer.class);
        long eventId = db.queryValue("select pgq.insert_event('q', 'flaky', 'payload')", Long.class);
        db.queryValue("select pgq.force_tick('q')", Long.class);
        db.queryValue("select pgq.ticker()", Long.class);
        long batch = db.queryValue("select pgq.next_batch('q', 'c')", Long.class);
        assertThat(db.queryValue("select pgq.event_retry(?, ?, 0)", Integer.class, batch, eventId))
                .isEqualTo(1);
        db.queryValue("select pgq.finish_batch(?)", Integer.class, batch);
        assertThat(db.queryValue("select count(*) from pgq.retry_queue", Long.class))
                .isEqualTo(1);

        startPgqd(config(
                cluster,
                "database_list = " + db.name(),
                "retry_period = 0.2",
                "stats_period = 0.2",
                "ticker_period = 0.1"));

        await().atMost(WAIT).until(() -> db.queryValue("select count(*) from pgq.retry_queue", Long.class) == 0);
        assertThat(db.queryValue(
                        "select ev_retry from pgq.event_template where ev_id = ? and ev_retry is not null",
                        Integer.class,
                        eventId))
                .as("the event is back in the queue with its retry count")
                .isEqualTo(1);
        await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains("retry: 1}")));
    }

    @Test
    void t2_theTickerConnectionIsReplacedAfterConnectionLifetime(TestDatabase db, PgCluster cluster) throws Exception {
        PgqFixture.createQueue(db, "q");
        String body =
                config(cluster, "database_list = " + db.name(), "ticker_period = 0.1", "connection_lifetime = 0.5");
        startPgqd(body);
        await().atMost(WAIT).until(() -> tickerPid(db, job) != null);
        Object first = tickerPid(db, job);
        await().atMost(WAIT).until(() -> {
            Object now = tickerPid(db, job);
            return now != null && !now.equals(first);
        });
        PgqFixture.awaitTick(db, "q", WAIT);
    }

    private static Object tickerPid(TestDatabase db, String job) {
        return PgqFixture.backends(db, job).stream()
                .filter(r -> db.name().equals(r.get("datname")))
                .map(r -> r.get("pid"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void t2_aFailingTickIsLoggedWithTheDatabaseNameAndTheOtherDatabasesGoOn(TestDatabase a, PgCluster cluster)
            throws Exception {
        TestDatabase b = PgqFixture.createDatabase(cluster, a.name() + "_b", true);
        try {
            PgqFixture.createQueue(a, "qa");
            PgqFixture.createQueue(b, "qb");
            startPgqd(config(cluster, "database_list = " + a.name() + "," + b.name(), "ticker_period = 0.1"));
            PgqFixture.awaitTick(b, "qb", WAIT);

            b.execute("alter function pgq.ticker() rename to ticker_off");
            await().atMost(WAIT)
                    .until(() -> logs.contains("ERROR database \"" + b.name() + "\": pgq.ticker() failed: "));
            assertThat(logs.text()).contains("reconnecting in 10 s");
            PgqFixture.awaitTick(a, "qa", WAIT);
        } finally {
            pgqd.close();
            pgqd = null;
            cluster.dropDatabase(b.name());
        }
    }

    @Test
    void t5_stopEndsWithinATickAndLeavesNoTransactionNorConnection(TestDatabase db, PgCluster cluster)
            throws Exception {
        PgqFixture.createQueue(db, "q");
        String body = config(cluster, "database_list = " + db.name(), "ticker_period = 0.2", "maint_period = 0.2");
        startPgqd(body);
        PgqFixture.awaitTick(db, "q", WAIT);
        assertThat(PgqFixture.backends(db, job)).isNotEmpty();

        long started = System.nanoTime();
        pgqd.requestStop();
        assertThat(pgqd.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(PgqFixture.backends(db, job))
                .as("no backend of pgqd is inside a transaction")
                .allSatisfy(r -> assertThat(r.get("xact_start")).isNull());
        await().atMost(WAIT).until(() -> PgqFixture.backends(db, job).isEmpty());
        pgqd = null;
        assertThat(logs.text()).contains("INFO stopped");
    }

    @Test
    void startupFailsWhenNoListedDatabaseHasPgqNamingEachDatabase(TestDatabase a, PgCluster cluster) throws Exception {
        TestDatabase plain = PgqFixture.createDatabase(cluster, a.name() + "_plain", false);
        try {
            pgqd = InProcessPgqd.start(
                    dir.resolve("pgqd.ini"),
                    config(cluster, "database_list = " + plain.name() + ", " + a.name() + "_gone"));
            assertThat(pgqd.awaitExit(WAIT)).isEqualTo(ErrorKind.DB_AUTH.exitCode());
            pgqd = null;
            assertThat(logs.text())
                    .contains("WARN database \"" + plain.name() + "\": no schema \"pgq\"")
                    .contains("ERROR database \"" + a.name() + "_gone\" does not exist")
                    .contains("ERROR failed: no database can be served: ")
                    .contains("database \"" + plain.name() + "\": no schema \"pgq\"");
        } finally {
            cluster.dropDatabase(plain.name());
        }
    }

    @Test
    void startupFailsWhenTheServerCannotBeReached(TestDatabase db, PgCluster cluster) throws Exception {
        String body = config(cluster).replace("port=" + cluster.port(), "port=1");
        pgqd = InProcessPgqd.start(dir.resolve("pgqd.ini"), body);
        assertThat(pgqd.awaitExit(WAIT)).isEqualTo(ErrorKind.DB_CONNECT.exitCode());
        pgqd = null;
        assertThat(logs.text())
                .contains("ERROR failed: cannot connect to database \"postgres\" at " + cluster.host() + ":1:");
    }

    @Test
    void startupFailsWhenOnlyOnePgqlessDatabaseIsListed(TestDatabase db, PgCluster cluster) throws Exception {
        TestDatabase plain = PgqFixture.createDatabase(cluster, db.name() + "_nopgq", false);
        try {
            pgqd = InProcessPgqd.start(dir.resolve("pgqd.ini"), config(cluster, "database_list = " + plain.name()));
            assertThat(pgqd.awaitExit(WAIT)).isEqualTo(ErrorKind.SCHEMA_MISSING.exitCode());
            pgqd = null;
            assertThat(logs.text())
                    .contains("no database can be served: database \"" + plain.name() + "\": no schema \"pgq\";"
                            + " install PgQ 3 in the databases to tick");
        } finally {
            cluster.dropDatabase(plain.name());
        }
    }
}
