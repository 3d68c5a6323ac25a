package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * The modern londiste's circular test: four roots {@code a b c d}, each with its own queue, tied by
 * merge leaves and leaves into a graph with a cycle (a into c, b into a and d, c down to b and d).
 * A table reaches a database through one path only: {@code b_to_acd} goes from b into a's queue by
 * a merge leaf, on into c's queue by another, and down to d by a plain leaf. Every row written on
 * its root arrives everywhere it is added, once, and nothing flows back round the cycle.
 */
@PgTest(clusters = 1)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CircularIT extends CliFixture {
    private static final String[] DBS = {"a", "b", "c", "d"};

    @Test
    void mergeLeavesAndLeavesInACycleCarryEachTableAlongItsOnePath(ClusterGroup group) throws Exception {
        PgCluster pg = group.get(0);
        for (String db : DBS) {
            pg.dropDatabase(db(db));
            pg.createDatabase(db(db), null);
        }
        nodes = new Nodes(dir);
        // job <queue>_<db>: the node of that queue in that database, as the test names them
        Map<String, Path> ini = new LinkedHashMap<>();
        for (String job : List.of("aq_a", "bq_b", "cq_c", "dq_d", "aq_c", "bq_a", "bq_d", "cq_b", "cq_d")) {
            String queue = job.substring(0, 2);
            ini.put(job, nodes.config(job, pg, db(job.substring(3)), "queue_name = " + queue));
        }
        for (String root : DBS) {
            assertThat(Nodes.run(ini.get(root + "q_" + root), "create-root", root, pg.connString(db(root))))
                    .isZero();
        }
        createLeaf(pg, ini.get("aq_c"), "aq_c", "c", "a", "cq");
        createLeaf(pg, ini.get("bq_a"), "bq_a", "a", "b", "aq");
        createLeaf(pg, ini.get("bq_d"), "bq_d", "d", "b", "dq");
        createLeaf(pg, ini.get("cq_b"), "cq_b", "b", "c", null);
        createLeaf(pg, ini.get("cq_d"), "cq_d", "d", "c", null);
        TickTarget[] targets = new TickTarget[DBS.length];
        for (int i = 0; i < DBS.length; i++) {
            fastTicks(pg, db(DBS[i]), DBS[i] + "q");
            targets[i] = new TickTarget(pg, db(DBS[i]));
        }
        startTicker(targets);
        for (Path p : ini.values()) {
            nodes.startWorker(p);
        }

        Map<String, List<String>> tables = Map.of(
                "a", List.of("a_to_cbd", "b_to_acd"),
                "b", List.of("a_to_cbd", "b_to_acd", "b_to_d", "c_to_bd"),
                "c", List.of("a_to_cbd", "b_to_acd", "c_to_bd"),
                "d", List.of("a_to_cbd", "b_to_acd", "b_to_d", "c_to_bd"));
        for (String db : DBS) {
            for (String t : tables.get(db)) {
                sql(pg, db(db), "create table " + t + " (data text primary key)");
            }
        }
        assertThat(Nodes.run(ini.get("aq_a"), "add-table", "a_to_cbd")).isZero();
        assertThat(Nodes.run(ini.get("bq_b"), "add-table", "b_to_acd", "b_to_d"))
                .isZero();
        assertThat(Nodes.run(ini.get("cq_c"), "add-table", "c_to_bd")).isZero();
        assertThat(Nodes.run(ini.get("bq_a"), "add-table", "b_to_acd", "--merge-all"))
                .isZero();
        assertThat(Nodes.run(ini.get("aq_c"), "add-table", "a_to_cbd", "b_to_acd", "--merge-all"))
                .isZero();
        assertThat(Nodes.run(ini.get("bq_d"), "add-table", "b_to_d", "--merge-all"))
                .isZero();
        assertThat(Nodes.run(ini.get("cq_d"), "add-table", "a_to_cbd", "c_to_bd", "b_to_acd", "--no-merge"))
                .isZero();
        assertThat(Nodes.run(ini.get("cq_b"), "add-table", "a_to_cbd", "c_to_bd", "--no-merge"))
                .isZero();
        for (String leaf : List.of("aq_c", "bq_a", "bq_d", "cq_b", "cq_d")) {
            assertThat(Nodes.run(ini.get(leaf), "wait-sync")).as(leaf).isZero();
        }

        sql(pg, db("a"), "insert into a_to_cbd values ('test')");
        sql(pg, db("b"), "insert into b_to_acd values ('test')", "insert into b_to_d values ('test')");
        sql(pg, db("c"), "insert into c_to_bd values ('test')");
        awaitEverywhere(pg, tables, "test");
        // a second round: rows already there do not come back round the cycle
        sql(pg, db("a"), "insert into a_to_cbd values ('more')");
        sql(pg, db("b"), "insert into b_to_acd values ('more')", "insert into b_to_d values ('more')");
        sql(pg, db("c"), "insert into c_to_bd values ('more')");
        awaitEverywhere(pg, tables, "more,test");
        for (Path p : ini.values()) {
            assertThat(Nodes.run(p, "status")).isZero();
        }
    }

    private static String db(String name) {
        return "circ_" + name;
    }

    private static void createLeaf(PgCluster pg, Path ini, String node, String db, String provider, String merge) {
        String[] args = merge == null
                ? new String[] {"create-leaf", node, pg.connString(db(db)), "--provider=" + pg.connString(db(provider))}
                : new String[] {
                    "create-leaf",
                    node,
                    pg.connString(db(db)),
                    "--provider=" + pg.connString(db(provider)),
                    "--merge=" + merge
                };
        assertThat(Nodes.run(ini, args)).as(node).isZero();
    }

    private static void awaitEverywhere(PgCluster pg, Map<String, List<String>> tables, String rows) {
        for (String db : DBS) {
            for (String t : tables.get(db)) {
                String query = "select string_agg(data, ',' order by data) from " + t;
                await(db + "." + t)
                        .atMost(WAIT)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> rows.equals(text(pg, db(db), query)));
            }
        }
    }
}
