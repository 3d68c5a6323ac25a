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
 * source's copy empties the table, the other adds its rows (L-20), and both replay into it; and
 * {@code --max-parallel-copy} holds back a source while enough others copy (L-21, L-23).
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
        Shards s = shards(one, two, "mpart", "mfull", 2);
        // the table comes from two queues here: a plain add-table is refused
        assertThat(Nodes.run(s.leafIni()[0], "add-table", "mydata")).isNotZero();
        assertThat(Nodes.run(s.leafIni()[0], "add-table", "mydata", "--merge-all"))
                .isZero();
        assertThat(text(
                        two,
                        s.full(),
                        "select count(*) from londiste.table_info where table_name = 'public.mydata'" + " and local"))
                .isEqualTo("2");
        for (int i = 0; i < 2; i++) {
            awaitOk(two, s.full(), s.queue(i), "public.mydata");
        }
        assertThat(text(two, s.full(), "select count(*) from mydata")).isEqualTo("1000");
        assertThat(nodes.log("merge_" + s.parts()[0]) + nodes.log("merge_" + s.parts()[1]))
                .contains("is fed from several queues, loading over one connection")
                .doesNotContain("loading over 2 connections");
        sql(one, s.parts()[0], "insert into mydata values (600, 'p1_new')", "delete from mydata where id = 1");
        sql(
                one,
                s.parts()[1],
                "insert into mydata values (1600, 'p2_new')",
                "update mydata set data = 'x' where id = 1002");
        String want = text(one, s.parts()[0], ROWS) + "," + text(one, s.parts()[1], ROWS);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(text(two, s.full(), ROWS)).isEqualTo(want));
        assertThat(text(
                        two,
                        s.full(),
                        "select count(*) from pg_index where indrelid = 'mydata'::regclass and indisprimary"))
                .as("the primary key is back after the copies")
                .isEqualTo("1");
    }

    @Test
    void l21_l23_aSourceWaitsWhileMaxParallelCopyOthersCopyTheMergedTable(ClusterGroup group) throws Exception {
        PgCluster one = group.get(0);
        PgCluster two = group.get(1);
        Shards s = shards(one, two, "lpart", "lfull", 3);
        // the first source copies alone; the others are stopped until the limit is in place
        Nodes.stop(s.workers()[1]);
        Nodes.stop(s.workers()[2]);
        assertThat(Nodes.run(s.leafIni()[0], "add-table", "mydata", "--merge-all", "--max-parallel-copy=1"))
                .isZero();
        awaitOk(two, s.full(), s.queue(0), "public.mydata");
        Nodes.stop(s.workers()[0]);
        // the first source is still catching up and the second copies, as far as the third can see
        sql(
                two,
                s.full(),
                "update londiste.table_info set merge_state = 'catching-up' where queue_name = '" + s.queue(0) + "'",
                "update londiste.table_info set merge_state = 'in-copy' where queue_name = '" + s.queue(1) + "'");
        nodes.startWorker(s.leafIni()[2]);
        String job = "merge_" + s.parts()[2];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> nodes.log(job)
                .contains("(max_parallel_copy 1), waiting"));
        assertThat(text(
                        two,
                        s.full(),
                        "select merge_state || ' ' || copy_role || ' ' || copy_pos" + " from londiste.get_table_list('"
                                + s.queue(2) + "') where table_name = 'public.mydata'"))
                .as("the third source would copy beside the second, but the limit is one")
                .isEqualTo("in-copy wait-replay 1");
        assertThat(text(two, s.full(), "select count(*) from mydata")).isEqualTo("500");
        // once the second source has copied, the third follows
        sql(two, s.full(), "update londiste.table_info set merge_state = 'ok' where queue_name = '" + s.queue(0) + "'");
        nodes.startWorker(s.leafIni()[1]);
        for (int i = 1; i < 3; i++) {
            awaitOk(two, s.full(), s.queue(i), "public.mydata");
        }
        assertThat(text(two, s.full(), "select count(*) from mydata")).isEqualTo("1500");
    }

    /** Shard roots in {@code one}, each with a leaf in database {@code full} of {@code two}, workers running. */
    private Shards shards(PgCluster one, PgCluster two, String prefix, String full, int n) throws Exception {
        two.dropDatabase(full);
        two.createDatabase(full, null);
        nodes = new Nodes(dir);
        Shards s = new Shards(new String[n], full, new Path[n], new Path[n], new Process[n]);
        TickTarget[] ticks = new TickTarget[n];
        for (int i = 0; i < n; i++) {
            String part = prefix + (i + 1);
            s.parts()[i] = part;
            one.dropDatabase(part);
            one.createDatabase(part, null);
            String q = "queue_name = " + s.queue(i);
            s.rootIni()[i] = nodes.config("root_" + part, one, part, q);
            // asked to load over two connections, which a merged table does not do
            s.leafIni()[i] = nodes.config(
                    "merge_" + part, two, full, q, "threaded_copy_tables = mydata", "threaded_copy_pool_size = 2");
            sql(
                    one,
                    part,
                    "create table mydata (id int4 primary key, data text)",
                    "insert into mydata select g, 'p" + (i + 1) + "_' || g from generate_series(" + (i * 1000 + 1)
                            + ", " + (i * 1000 + 500) + ") g");
            assertThat(Nodes.run(s.rootIni()[i], "create-root", part + "_root", one.connString(part)))
                    .isZero();
            assertThat(Nodes.run(
                            s.leafIni()[i],
                            "create-leaf",
                            "merge_" + part,
                            two.connString(full),
                            "--provider=" + one.connString(part)))
                    .isZero();
            fastTicks(one, part, s.queue(i));
            assertThat(Nodes.run(s.rootIni()[i], "add-table", "mydata")).isZero();
            ticks[i] = new TickTarget(one, part);
        }
        startTicker(ticks);
        for (int i = 0; i < n; i++) {
            s.workers()[i] = nodes.startWorker(s.leafIni()[i]);
        }
        // every leaf learns the roots' table from its queue
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> String.valueOf(n)
                .equals(text(
                        two, full, "select count(*) from londiste.table_info where table_name = 'public.mydata'")));
        sql(two, full, "create table mydata (id int4 primary key, data text)");
        return s;
    }

    private record Shards(String[] parts, String full, Path[] rootIni, Path[] leafIni, Process[] workers) {
        String queue(int i) {
            return "replika_" + parts[i];
        }
    }
}
