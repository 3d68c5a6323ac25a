package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * Two shard roots merged into one database through two leaf nodes, as SkyTools' merge_all test:
 * one {@code add-table --merge-all} registers the table from both queues (L-18, L-19); the first
 * source's copy empties the table, the other adds its rows (L-20), and both replay into it.
 */
@PgTest(clusters = 2)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MergeAllIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String ROWS =
            "select coalesce(string_agg(id || ':' || data, ',' order by id), '') from mydata";

    @TempDir
    Path dir;

    private Nodes nodes;
    private ScheduledExecutorService ticker;

    @AfterEach
    void stop() throws Exception {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (nodes != null) {
            nodes.stopAll();
        }
    }

    @Test
    void l18_l19_l20_twoShardsMergeIntoOneTableWithoutLosingEitherCopy(ClusterGroup group) throws Exception {
        PgCluster one = group.get(0);
        PgCluster two = group.get(1);
        String[] parts = {"mpart1", "mpart2"};
        String full = "mfull";
        two.dropDatabase(full);
        two.createDatabase(full, null);
        nodes = new Nodes(dir);
        Path[] rootIni = new Path[2];
        Path[] leafIni = new Path[2];
        for (int i = 0; i < 2; i++) {
            one.dropDatabase(parts[i]);
            one.createDatabase(parts[i], null);
            String q = "queue_name = replika_" + parts[i];
            rootIni[i] = nodes.config("root_" + parts[i], one, parts[i], q);
            leafIni[i] = nodes.config("merge_" + parts[i], two, full, q);
            sql(
                    one,
                    parts[i],
                    "create table mydata (id int4 primary key, data text)",
                    "insert into mydata select g, 'p" + (i + 1) + "_' || g from generate_series(" + (i * 1000 + 1)
                            + ", " + (i * 1000 + 500) + ") g");
            assertThat(Nodes.run(rootIni[i], "create-root", parts[i] + "_root", one.connString(parts[i])))
                    .isZero();
            assertThat(Nodes.run(
                            leafIni[i],
                            "create-leaf",
                            "merge_" + parts[i],
                            two.connString(full),
                            "--provider=" + one.connString(parts[i])))
                    .isZero();
            sql(
                    one,
                    parts[i],
                    "select pgq.set_queue_config('replika_" + parts[i] + "', 'ticker_max_lag', '0.2 seconds'),"
                            + " pgq.set_queue_config('replika_" + parts[i] + "', 'ticker_idle_period', '0.5 seconds')");
            assertThat(Nodes.run(rootIni[i], "add-table", "mydata")).isZero();
        }
        ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleWithFixedDelay(
                () -> {
                    tick(one, parts[0]);
                    tick(one, parts[1]);
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
        nodes.startWorker(leafIni[0]);
        nodes.startWorker(leafIni[1]);
        // both leaves learn the roots' table from their queues
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "2"
                .equals(text(
                        two, full, "select count(*) from londiste.table_info where table_name = 'public.mydata'")));
        sql(two, full, "create table mydata (id int4 primary key, data text)");
        // the table comes from two queues here: a plain add-table is refused
        assertThat(Nodes.run(leafIni[0], "add-table", "mydata")).isNotZero();
        assertThat(Nodes.run(leafIni[0], "add-table", "mydata", "--merge-all")).isZero();
        assertThat(text(
                        two,
                        full,
                        "select count(*) from londiste.table_info where table_name = 'public.mydata'" + " and local"))
                .isEqualTo("2");
        for (int i = 0; i < 2; i++) {
            String q = "replika_" + parts[i];
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "ok"
                    .equals(text(
                            two,
                            full,
                            "select coalesce(max(merge_state), '') from londiste.get_table_list('" + q + "')"
                                    + " where table_name = 'public.mydata' and local")));
        }
        assertThat(text(two, full, "select count(*) from mydata")).isEqualTo("1000");
        sql(one, parts[0], "insert into mydata values (600, 'p1_new')", "delete from mydata where id = 1");
        sql(
                one,
                parts[1],
                "insert into mydata values (1600, 'p2_new')",
                "update mydata set data = 'x' where id = 1002");
        String want = text(one, parts[0], ROWS) + "," + text(one, parts[1], ROWS);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(text(two, full, ROWS))
                .isEqualTo(want));
        assertThat(text(
                        two,
                        full,
                        "select count(*) from pg_index where indrelid = 'mydata'::regclass and indisprimary"))
                .as("the primary key is back after the copies")
                .isEqualTo("1");
    }

    private static void sql(PgCluster cluster, String db, String... statements) throws SQLException {
        try (Connection c = cluster.connect(db);
                Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static String text(PgCluster cluster, String db, String query) throws SQLException {
        try (Connection c = cluster.connect(db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void tick(PgCluster cluster, String db) {
        try (Connection c = cluster.connect(db);
                Statement st = c.createStatement()) {
            st.execute("select pgq.ticker()");
        } catch (SQLException e) {
            // the schema may not be there yet
        }
    }
}
