package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
class MergeAllIT extends CliFixture {
    private static final String ROWS =
            "select coalesce(string_agg(id || ':' || data, ',' order by id), '') from mydata";

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
            fastTicks(one, parts[i], "replika_" + parts[i]);
            assertThat(Nodes.run(rootIni[i], "add-table", "mydata")).isZero();
        }
        startTicker(new TickTarget(one, parts[0]), new TickTarget(one, parts[1]));
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
            awaitOk(two, full, q, "public.mydata");
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
}
