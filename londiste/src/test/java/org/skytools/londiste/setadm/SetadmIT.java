package org.skytools.londiste.setadm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * setadm on a cascaded queue of its own: root, branch and leaf made with {@code --worker}, the
 * tree in {@code status} and {@code members}, a node tagged dead and alive again, a branch
 * renamed, the consumers of a node, and the refusals of bad command lines.
 */
@PgTest(clusters = 2)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SetadmIT {
    @TempDir
    Path dir;

    @Test
    void nodesOfAPlainCascadedQueueAreMadeShownTaggedAndDropped(ClusterGroup group) throws Exception {
        PgCluster one = group.get(0);
        PgCluster two = group.get(1);
        String[] dbs = {"sa_root", "sa_branch", "sa_leaf"};
        PgCluster[] at = {one, two, two};
        Path[] ini = new Path[3];
        for (int i = 0; i < 3; i++) {
            at[i].dropDatabase(dbs[i]);
            at[i].createDatabase(dbs[i], null);
            ini[i] = dir.resolve(dbs[i] + ".ini");
            Files.writeString(
                    ini[i],
                    "[cascade_admin]\njob_name = admin_" + dbs[i] + "\nnode_db = "
                            + at[i].connString(dbs[i]) + "\nqueue_name = events\nlogfile = "
                            + dir.resolve(dbs[i] + ".log")
                            + "\n");
        }
        // bad input: the worker name is required, a wrong command is refused
        assertThat(run(ini[0], "create-root", "n1", one.connString(dbs[0]))).isNotZero();
        assertThat(run(ini[0], "create-nothing")).isNotZero();
        assertThat(run(ini[0], "create-root", "n1", one.connString(dbs[0]), "--worker=w1"))
                .isZero();
        assertThat(run(
                        ini[1],
                        "create-branch",
                        "n2",
                        two.connString(dbs[1]),
                        "--worker=w2",
                        "--provider=" + one.connString(dbs[0])))
                .isZero();
        assertThat(run(
                        ini[2],
                        "create-leaf",
                        "n3",
                        two.connString(dbs[2]),
                        "--worker=w3",
                        "--provider=" + two.connString(dbs[1])))
                .isZero();
        assertThat(text(
                        two,
                        dbs[2],
                        "select provider_node || '/' || worker_name from pgq_node.get_node_info('events')"))
                .isEqualTo("n2/w3");
        assertThat(text(one, dbs[0], "select count(*) from pg_namespace where nspname = 'londiste'"))
                .as("setadm installs pgq and pgq_node only")
                .isEqualTo("0");

        String status = output(ini[2], "status");
        assertThat(status).contains("n1", "n2", "n3");
        // --compact: one line per node, indented under its provider, its lag on the same line
        assertThat(output(ini[2], "status", "--compact").lines().filter(l -> l.contains("Lag: ")))
                .map(l -> l.substring(0, l.indexOf(')') + 1))
                .containsExactly("n1 (root)", "   n2 (branch)", "      n3 (leaf)");
        assertThat(output(ini[0], "members")).contains("n1", "n2", "n3");
        assertThat(output(ini[2], "node-info")).contains("n3");

        assertThat(run(ini[0], "tag-dead", "n3")).isZero();
        assertThat(text(
                        one,
                        dbs[0],
                        "select dead from pgq_node.node_location where queue_name = 'events'"
                                + " and node_name = 'n3'"))
                .isEqualTo("t");

        // the node is back: tag-alive clears the mark on every member; an unknown node is refused
        assertThat(run(ini[0], "tag-alive", "n9")).isNotZero();
        assertThat(run(ini[0], "tag-alive", "n3")).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(text(
                            at[i],
                            dbs[i],
                            "select dead from pgq_node.node_location where queue_name = 'events'"
                                    + " and node_name = 'n3'"))
                    .as(dbs[i])
                    .isEqualTo("f");
        }

        // rename-node renames the branch on every member: the leaf now reads from "mid"
        assertThat(run(ini[2], "rename-node", "n2"))
                .as("the new name is missing")
                .isNotZero();
        assertThat(run(ini[2], "rename-node", "n2", "mid")).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(text(
                            at[i],
                            dbs[i],
                            "select string_agg(node_name, ',' order by node_name) from pgq_node.node_location"
                                    + " where queue_name = 'events'"))
                    .as(dbs[i])
                    .isEqualTo("mid,n1,n3");
        }
        assertThat(text(two, dbs[2], "select provider_node from pgq_node.get_node_info('events')"))
                .isEqualTo("mid");
        assertThat(run(ini[0], "drop-node", "mid")).as("mid has a subscriber").isNotZero();

        // show-consumers: the root's queue has the branch's worker and its watermark consumer
        String consumers = output(ini[2], "show-consumers", "n1");
        assertThat(consumers).contains("Consumers of queue \"events\" on node \"n1\"");
        assertThat(consumers.lines().map(l -> l.split("\\s+")[0]))
                .contains("w2", ".mid.watermark", ".global_watermark");
        // on the leaf itself: its worker reads from mid
        assertThat(output(ini[2], "show-consumers").lines().filter(l -> l.startsWith("w3 ")))
                .singleElement()
                .satisfies(l -> assertThat(l).contains(" mid ").contains("active"));
        assertThat(run(ini[2], "show-consumers", "n9")).isNotZero();

        // a branch that syncs its watermark with a renamed node names it by the new name: the old
        // one would hold the branch's global watermark for good
        assertThat(text(two, dbs[1], "select ret_code from pgq_node.set_node_attrs('events', 'sync_watermark=n3')"))
                .isEqualTo("200");
        assertThat(run(ini[2], "rename-node", "n3", "leaf3")).isZero();
        assertThat(text(two, dbs[1], "select node_attrs from pgq_node.node_info where queue_name = 'events'"))
                .isEqualTo("sync_watermark=leaf3");
        assertThat(text(two, dbs[2], "select node_name from pgq_node.get_node_info('events')"))
                .isEqualTo("leaf3");
    }

    private static int run(Path ini, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = ini.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return SetadmMain.execute(all);
    }

    private static String output(Path ini, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(run(ini, args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static String text(PgCluster cluster, String db, String query) throws SQLException {
        try (Connection c = cluster.connect(db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
