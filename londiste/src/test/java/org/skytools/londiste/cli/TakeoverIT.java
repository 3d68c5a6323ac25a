package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * {@code takeover} end to end: a root, two branches and a leaf under the first branch. The
 * branches swap places both ways (C-20), and again with {@code --all}, which takes the leaf along
 * (C-19), once started from the leaf's config with {@code --target}. The first branch takes over the live root (switchover, C-18): every row written on the
 * old root before reaches every node,
 * the old root becomes a branch of the new one and gets what is written on the new root. Then the
 * old root takes over the new one as if it had died (failover, C-21): the leaf moves with it, and
 * writes on the third root reach the leaf. At last the old root comes back and is resurrected
 * (C-23): its lost events go to a file and it follows the new root.
 */
@PgTest(clusters = 2)
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class TakeoverIT extends CliFixture {
    private static final String ROWS =
            "select coalesce(string_agg(id || ':' || data, ',' order by id), '') from mytable";

    @Test
    void c18_c19_c20_c21_switchoverToTheBranchThenFailoverBackLosesNoRow(ClusterGroup group) throws Exception {
        PgCluster one = group.get(0);
        PgCluster two = group.get(1);
        String r = "tk_root";
        String b = "tk_branch";
        String l = "tk_leaf";
        String b2 = "tk_branch2";
        one.dropDatabase(r);
        one.createDatabase(r, null);
        for (String db : new String[] {b, l, b2}) {
            two.dropDatabase(db);
            two.createDatabase(db, null);
        }
        nodes = new Nodes(dir);
        Path rootIni = nodes.config("tkroot", one, r);
        Path branchIni = nodes.config("tkbranch", two, b);
        Path leafIni = nodes.config("tkleaf", two, l);
        Path branch2Ini = nodes.config("tkbranch2", two, b2);
        sql(
                one,
                r,
                "create table mytable (id int4 primary key, data text)",
                "insert into mytable select i, 'r' || i from generate_series(1, 10) i");
        assertThat(Nodes.run(rootIni, "create-root", "node1", one.connString(r)))
                .isZero();
        assertThat(Nodes.run(branchIni, "create-branch", "node2", two.connString(b), "--provider=" + one.connString(r)))
                .isZero();
        assertThat(Nodes.run(leafIni, "create-leaf", "node3", two.connString(l), "--provider=" + two.connString(b)))
                .isZero();
        assertThat(Nodes.run(
                        branch2Ini, "create-branch", "node4", two.connString(b2), "--provider=" + one.connString(r)))
                .isZero();
        fastTicks(one, r, "replq");
        AtomicBoolean node2Ticks = new AtomicBoolean(true);
        // as pgqd: every database is ticked, and only a root's queue takes the ticks
        startTicker(
                new TickTarget(one, r),
                new TickTarget(two, b, node2Ticks::get),
                new TickTarget(two, l),
                new TickTarget(two, b2));
        nodes.startWorker(rootIni);
        Process branchWorker = nodes.startWorker(branchIni);
        nodes.startWorker(leafIni);
        nodes.startWorker(branch2Ini);
        assertThat(Nodes.run(rootIni, "add-table", "mytable")).isZero();
        assertThat(Nodes.run(branch2Ini, "add-table", "mytable", "--create")).isZero();
        assertThat(Nodes.run(branchIni, "add-table", "mytable", "--create")).isZero();
        assertThat(Nodes.run(leafIni, "add-table", "mytable", "--create")).isZero();
        sql(one, r, "insert into mytable select i, 'r' || i from generate_series(11, 20) i");
        String before = text(one, r, ROWS);
        awaitRows(two, b, before);
        awaitRows(two, l, before);
        awaitRows(two, b2, before);

        // non-root takeover (C-20): node4 takes node2's place, node2 then reads from node4; and
        // back: node2, below node4, first moves up to node1, then node4 reads from node2
        assertThat(Nodes.run(branch2Ini, "takeover", "node2")).isZero();
        assertThat(provider(two, b)).isEqualTo("node4");
        assertThat(provider(two, b2)).isEqualTo("node1");
        assertThat(provider(two, l))
                .as("without --all the leaf stays with node2")
                .isEqualTo("node2");
        assertThat(Nodes.run(branchIni, "takeover", "node4")).isZero();
        assertThat(provider(two, b)).isEqualTo("node1");
        assertThat(provider(two, b2)).isEqualTo("node2");

        // with --all the old node's other subscribers move to the new node too (C-19), both ways;
        // --target lets another node's config start it
        assertThat(Nodes.run(leafIni, "takeover", "node2", "--all", "--target=node9"))
                .isNotZero();
        assertThat(Nodes.run(leafIni, "takeover", "node2", "--all", "--target=node4"))
                .isZero();
        assertThat(provider(two, b)).isEqualTo("node4");
        assertThat(provider(two, l)).isEqualTo("node4");
        assertThat(Nodes.run(branchIni, "takeover", "node4", "--all")).isZero();
        assertThat(provider(two, b)).isEqualTo("node1");
        assertThat(provider(two, b2)).isEqualTo("node2");
        assertThat(provider(two, l)).isEqualTo("node2");

        // bad input: an unknown node changes nothing
        assertThat(Nodes.run(branchIni, "takeover", "node9")).isNotZero();

        // switchover: the branch takes over the live root
        sql(one, r, "insert into mytable select i, 'r' || i from generate_series(21, 30) i");
        assertThat(Nodes.run(branchIni, "takeover", "node1")).isZero();
        assertThat(nodeType(two, b)).isEqualTo("root");
        assertThat(nodeType(one, r)).isEqualTo("branch");
        assertThat(provider(one, r)).isEqualTo("node2");
        assertThat(provider(two, l)).isEqualTo("node2");
        sql(two, b, "insert into mytable select i, 'b' || i from generate_series(31, 40) i");
        String afterSwitch = text(two, b, ROWS);
        assertThat(afterSwitch).contains("30:r30", "31:b31", "40:b40");
        awaitRows(one, r, afterSwitch);
        awaitRows(two, l, afterSwitch);
        awaitRows(two, b2, afterSwitch);

        // failover: node1 falls behind (paused) while node2 goes on; then node2 "dies" (it stops
        // ticking, its worker stops) once node3 and node4 have its last tick, and node1 takes
        // over: it first catches up from node4, the survivor that got furthest, then moves the others
        assertThat(Nodes.run(rootIni, "pause")).isZero();
        sql(
                two,
                b,
                "insert into mytable select i, 'b' || i from generate_series(36, 39) i"
                        + " on conflict (id) do update set data = excluded.data || 'y'");
        String ahead = text(two, b, ROWS);
        awaitRows(two, b2, ahead);
        node2Ticks.set(false);
        String lastTick = text(two, b, "select last_tick_id from pgq.get_queue_info('replq')");
        for (Object[] n : new Object[][] {{two, l}, {two, b2}}) {
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> lastTick.equals(text(
                            (PgCluster) n[0],
                            (String) n[1],
                            "select worker_last_tick from pgq_node.get_node_info('replq')")));
        }
        Nodes.kill(branchWorker);
        assertThat(text(one, r, "select worker_last_tick < " + lastTick + " from pgq_node.get_node_info('replq')"))
                .as("node1 is behind node4")
                .isEqualTo("t");
        assertThat(Nodes.run(rootIni, "takeover", "node2", "--dead-root")).isZero();
        assertThat(text(one, r, ROWS)).as("node1 caught up from node4 first").isEqualTo(ahead);
        assertThat(nodeType(one, r)).isEqualTo("root");
        assertThat(provider(two, l)).isEqualTo("node1");
        assertThat(provider(two, b2)).isEqualTo("node1");
        assertThat(text(
                        one,
                        r,
                        "select count(*) from pgq_node.subscriber_info where subscriber_node = 'node2'"
                                + " and worker_name = 'node2.gravestone'"))
                .isEqualTo("1");
        assertThat(text(one, r, "select dead from pgq_node.node_location where node_name = 'node2'"))
                .isEqualTo("t");
        sql(one, r, "insert into mytable select i, 'f' || i from generate_series(41, 50) i");
        String afterFailover = text(one, r, ROWS);
        assertThat(afterFailover).contains("40:b40", "41:f41", "50:f50");
        awaitRows(two, l, afterFailover);
        awaitRows(two, b2, afterFailover);
        assertThat(Nodes.run(rootIni, "status", "--dead=node2")).isZero();

        // the old root comes back, having taken writes after the failover: resurrect (C-23)
        String graveTick = text(one, r, "select last_tick from pgq.get_consumer_info('replq', 'node2.gravestone')");
        sql(two, b, "insert into mytable values (901, 'lost1'), (902, 'lost2')");
        node2Ticks.set(true);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Long.parseLong(text(two, b, "select last_tick_id from pgq.get_queue_info('replq')"))
                        > Long.parseLong(graveTick) + 1);
        // resurrect writes its file in the current directory: a child JVM runs it in a temp dir
        Path cwd = Files.createDirectories(dir.resolve("resurrect"));
        assertThat(nodes.runIn(cwd, branchIni, "resurrect")).isZero();
        String dump = Files.readString(cwd.resolve("resurrect-lost-events.json"));
        assertThat(dump).startsWith("[").contains("lost1", "lost2", "\"tick_id\"");
        assertThat(nodeType(two, b)).isEqualTo("branch");
        assertThat(provider(two, b)).isEqualTo("node1");
        assertThat(text(two, b, "select worker_paused from pgq_node.get_node_info('replq')"))
                .isEqualTo("t");
        assertThat(text(two, b, "select worker_last_tick from pgq_node.get_node_info('replq')"))
                .isEqualTo(graveTick);
        assertThat(text(one, r, "select count(*) from pgq.get_consumer_info('replq', 'node2.gravestone')"))
                .isEqualTo("0");
        // a second run would overwrite the first one's file: refused
        assertThat(nodes.runIn(cwd, branchIni, "resurrect")).isNotZero();
        // resumed, it replays what the new root took since the failover; its own lost rows stay
        nodes.startWorker(branchIni);
        assertThat(Nodes.run(branchIni, "resume")).isZero();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "50:f50"
                .equals(text(two, b, "select id || ':' || data from mytable where id = 50")));
        assertThat(text(two, b, "select count(*) from mytable where id in (901, 902)"))
                .isEqualTo("2");
    }

    private void awaitRows(PgCluster cluster, String db, String want) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(text(cluster, db, ROWS)).isEqualTo(want));
    }

    private static String provider(PgCluster cluster, String db) throws SQLException {
        return text(cluster, db, "select provider_node from pgq_node.get_node_info('replq')");
    }

    private static String nodeType(PgCluster cluster, String db) throws SQLException {
        return text(cluster, db, "select node_type from pgq_node.get_node_info('replq')");
    }
}
