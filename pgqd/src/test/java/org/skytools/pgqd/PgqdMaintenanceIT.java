package org.skytools.pgqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Maintenance rounds (behaviour.md T-4, sql-api.md §2.3.9) against real databases. */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class PgqdMaintenanceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private LogCapture logs;
    private InProcessPgqd pgqd;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void stop() throws Exception {
        if (pgqd != null) {
            pgqd.close();
        }
        logs.close();
    }

    private void startPgqd(PgCluster cluster, TestDatabase db) throws Exception {
        pgqd = InProcessPgqd.start(
                dir.resolve("pgqd.ini"),
                "base_connstr = host=" + cluster.host() + " port=" + cluster.port() + " user=" + cluster.superuser()
                        + "\ndatabase_list = " + db.name()
                        + "\nloop_delay = 0.1\nticker_period = 0.1\nmaint_period = 0.3\nstats_period = 0.3\n");
        await().atMost(WAIT).until(() -> pgqd.started() || pgqd.exited());
        assertThat(pgqd.started()).isTrue();
    }

    private static int curTable(TestDatabase db, String queue) {
        return db.queryValue("select queue_cur_table from pgq.get_queue_info(?)", Integer.class, queue);
    }

    @Test
    void t4_t7_maintenanceRotatesTheEventTables(TestDatabase db, PgCluster cluster) throws Exception {
        PgqFixture.createQueue(db, "rot");
        db.queryValue("select pgq.set_queue_config('rot', 'rotation_period', '1 second')", Integer.class);
        assertThat(curTable(db, "rot")).isZero();

        startPgqd(cluster, db);
        await().atMost(WAIT).until(() -> curTable(db, "rot") > 0);
        await().atMost(WAIT).until(() -> logs.lines().stream()
                .anyMatch(l -> l.matches("INFO \\{ticks: \\d+, maint: [1-9]\\d*, retry: \\d+}")));
    }

    @Test
    void t4_everyOperationRunsInItsOwnTransactionRepeatsWhileNonZeroAndVacuumsRunAsStatements(
            TestDatabase db, PgCluster cluster) throws Exception {
        db.execute("create table public.calls (op text, txid bigint, at timestamptz default clock_timestamp())");
        db.execute("create table public.vac_me (id int)");
        db.execute("create sequence public.countdown_seq");
        db.execute("create function public.countdown(i_arg text) returns int language plpgsql as $$"
                + " begin insert into public.calls (op, txid) values ('countdown:' || i_arg, txid_current());"
                + " return greatest(0, 3 - nextval('public.countdown_seq')::int); end $$");
        db.execute("create function public.broken() returns int language plpgsql as $$"
                + " begin raise exception 'broken on purpose'; end $$");
        db.execute(
                "create function public.after_broken() returns int language plpgsql as $$"
                        + " begin insert into public.calls (op, txid) values ('after_broken', txid_current()); return 0; end $$");
        db.execute("create or replace function pgq.maint_operations(out func_name text, out func_arg text)"
                + " returns setof record language sql as $$"
                + " values ('public.countdown', 'x'), ('vacuum', 'public.vac_me'), ('public.broken', null),"
                + " ('public.after_broken', null) $$");

        startPgqd(cluster, db);
        await().atMost(WAIT)
                .until(() ->
                        db.queryValue("select count(*) from public.calls where op = 'after_broken'", Long.class) >= 1);
        List<Long> txids = db.query("select txid from public.calls where op = 'countdown:x' order by at").stream()
                .limit(3)
                .map(r -> ((Number) r.get("txid")).longValue())
                .toList();
        assertThat(txids)
                .as("called while non-zero, each call its own transaction")
                .hasSize(3)
                .doesNotHaveDuplicates();
        await().atMost(WAIT)
                .until(() -> db.queryValue(
                                "select vacuum_count from pg_stat_user_tables where relid = 'public.vac_me'::regclass",
                                Long.class)
                        > 0);
        assertThat(logs.text())
                .contains("ERROR database \"" + db.name() + "\": maintenance operation public.broken() failed:"
                        + " broken on purpose (SQLSTATE P0001)");
    }

    @Test
    void t4_schemasWithoutMaintOperationsGetTheFixedStepsAndStillRotate(TestDatabase db, PgCluster cluster)
            throws Exception {
        PgqFixture.createQueue(db, "old");
        db.queryValue("select pgq.set_queue_config('old', 'rotation_period', '1 second')", Integer.class);
        db.execute("drop function pgq.maint_operations()");

        startPgqd(cluster, db);
        await().atMost(WAIT).until(() -> curTable(db, "old") > 0);
        assertThat(logs.text()).doesNotContain("ERROR");
    }
}
