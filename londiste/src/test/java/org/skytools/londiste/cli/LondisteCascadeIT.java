package org.skytools.londiste.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgCluster;
import org.skytools.testkit.PgTest;

/**
 * The londiste tool end to end from its command line: root on one cluster, branch and leaf on
 * another, tables added one by one while a load runs on the root, workers killed with kill -9 at
 * random points (during copies and during replay) and restarted, and at the end every table equal
 * on every node, by londiste's compare and by a row checksum of our own. No row lost or doubled
 * across the kills shows that each batch's changes, its completed tick and (on the branch) its
 * copy into the local queue commit together (L-28).
 */
@PgTest(clusters = 2)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class LondisteCascadeIT {
    private static final Duration WAIT = Duration.ofSeconds(180);
    /** kill -9 rounds; -Dskytools.londiste.kills=40 for a longer soak. */
    private static final int KILLS = Integer.getInteger("skytools.londiste.kills", 20);

    @TempDir
    Path dir;

    private Nodes nodes;
    private ScheduledExecutorService background;

    @AfterEach
    void stop() throws Exception {
        if (background != null) {
            background.shutdownNow();
            background.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (nodes != null) {
            nodes.stopAll();
        }
    }

    @Test
    void l1_l11_l28_rootBranchLeafUnderLoadWithKilledWorkersEndsEqualEverywhere(ClusterGroup group) throws Exception {
        PgCluster one = group.get(0);
        PgCluster two = group.get(1);
        String rootDb = "lcascade_root";
        one.dropDatabase(rootDb);
        two.dropDatabase("lcascade_branch");
        two.dropDatabase("lcascade_leaf");
        one.createDatabase(rootDb, null);
        two.createDatabase("lcascade_branch", null);
        two.createDatabase("lcascade_leaf", null);
        nodes = new Nodes(dir);
        Path root = nodes.config("lroot", one, rootDb);
        Path branch = nodes.config("lbranch", two, "lcascade_branch", "parallel_copies = 2");
        Path leaf = nodes.config("lleaf", two, "lcascade_leaf");

        try (Connection c = one.connect(rootDb);
                Statement st = c.createStatement()) {
            st.execute("create table accounts (id int primary key, balance bigint not null, note text)");
            st.execute("insert into accounts select i, 0, 'n' || i from generate_series(1, 20000) i");
            st.execute("create table history (id bigserial primary key, account int not null, delta int,"
                    + " at timestamptz default now())");
            st.execute("create table branches (id int primary key, name text)");
            st.execute("insert into branches select i, 'b' || i from generate_series(1, 50) i");
        }

        assertThat(Nodes.run(root, "create-root", "root", one.connString(rootDb)))
                .isZero();
        assertThat(Nodes.run(
                        branch,
                        "create-branch",
                        "branch",
                        two.connString("lcascade_branch"),
                        "--provider=" + one.connString(rootDb)))
                .isZero();
        assertThat(Nodes.run(
                        leaf,
                        "create-leaf",
                        "leaf",
                        two.connString("lcascade_leaf"),
                        "--provider=" + two.connString("lcascade_branch")))
                .isZero();
        try (Connection c = one.connect(rootDb);
                Statement st = c.createStatement()) {
            st.execute("select pgq.set_queue_config('replq', 'ticker_max_lag', '0.2 seconds'),"
                    + " pgq.set_queue_config('replq', 'ticker_idle_period', '0.5 seconds')");
        }

        background = Executors.newScheduledThreadPool(2);
        background.scheduleWithFixedDelay(() -> tick(one, rootDb), 0, 100, TimeUnit.MILLISECONDS);
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong transactions = new AtomicLong();
        background.submit(() -> load(one, rootDb, loading, transactions));

        Process rootWorker = nodes.startWorker(root);
        Process branchWorker = nodes.startWorker(branch);
        Process leafWorker = nodes.startWorker(leaf);

        // tables join one by one while the load runs and the others replay
        assertThat(Nodes.run(root, "add-table", "public.accounts")).isZero();
        assertThat(Nodes.run(branch, "add-table", "public.accounts", "--create"))
                .isZero();
        assertThat(Nodes.run(leaf, "add-table", "public.accounts", "--create")).isZero();
        awaitOk(two, "lcascade_branch", "public.accounts");
        assertThat(Nodes.run(root, "add-table", "public.history", "public.branches"))
                .isZero();
        // --create-full makes defaults but not sequences (as londiste 3): the sequence comes first
        assertThat(Nodes.run(root, "add-seq", "public.history_id_seq")).isZero();
        assertThat(Nodes.run(branch, "add-seq", "--all", "--create")).isZero();
        assertThat(Nodes.run(branch, "add-table", "--all", "--create-full")).isZero();
        assertThat(Nodes.run(leaf, "add-table", "--all", "--create")).isZero();

        Random random = new Random(42);
        for (int i = 0; i < KILLS; i++) {
            // kill after a random number of further load transactions: a random point of the replay
            awaitTransactions(transactions, 5 + random.nextInt(40));
            if (i % 3 == 2) {
                Nodes.kill(branchWorker);
                branchWorker = nodes.startWorker(branch);
            } else {
                Nodes.kill(leafWorker);
                leafWorker = nodes.startWorker(leaf);
            }
        }
        // pause, resume and a provider change while the load goes on (C-15, C-16)
        assertThat(Nodes.run(leaf, "pause")).isZero();
        assertThat(Nodes.run(leaf, "resume")).isZero();
        assertThat(Nodes.run(leaf, "change-provider", "--provider=root")).isZero();
        assertThat(Nodes.run(leaf, "node-info")).isZero();
        awaitTransactions(transactions, 20);
        loading.set(false);
        assertThat(transactions.get()).as("load transactions on the root").isGreaterThan(50);

        for (String db : new String[] {"lcascade_branch", "lcascade_leaf"}) {
            for (String t : new String[] {"public.accounts", "public.history", "public.branches"}) {
                try {
                    awaitOk(two, db, t);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError(
                            t + " not ok in " + db + "; leaf log:\n" + tail(nodes.log("lleaf")) + "\nbranch log:\n"
                                    + tail(nodes.log("lbranch")),
                            e);
                }
            }
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            String want = checksums(one, rootDb);
            assertThat(checksums(two, "lcascade_branch")).isEqualTo(want);
            assertThat(checksums(two, "lcascade_leaf")).isEqualTo(want);
        });
        assertThat(Nodes.run(branch, "compare")).as(nodes.log("lbranch")).isZero();
        assertThat(Nodes.run(leaf, "compare")).as(nodes.log("lleaf")).isZero();
        assertThat(Nodes.run(leaf, "status")).isZero();
        // each applied batch is logged with its row events and wall time, as SkyTools' consumers do
        assertThat(nodes.log("lleaf"))
                .containsPattern("INFO lleaf \\{count: [1-9][0-9]*, duration: [0-9]+\\.[0-9]+\\}");

        // position repair with the worker stopped: both leave the leaf where it was
        Nodes.kill(leafWorker);
        assertThat(Nodes.run(leaf, "worker", "--rewind")).isZero();
        assertThat(Nodes.run(leaf, "worker", "--reset")).isZero();
        assertThat(Nodes.run(root, "worker", "--rewind"))
                .as("the root has no provider")
                .isEqualTo(6);
        leafWorker = nodes.startWorker(leaf);
        try (Connection c = one.connect(rootDb);
                Statement st = c.createStatement()) {
            st.execute("update branches set name = 'after repair' where id = 1");
        }
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(checksums(two, "lcascade_leaf")).isEqualTo(checksums(one, rootDb)));
        assertThat(rootWorker.isAlive()).isTrue();
    }

    private static void tick(PgCluster cluster, String db) {
        try (Connection c = cluster.connect(db);
                Statement st = c.createStatement()) {
            st.execute("select pgq.ticker()");
        } catch (SQLException e) {
            // the schema may not be there yet
        }
    }

    private static void load(PgCluster cluster, String db, AtomicBoolean loading, AtomicLong done) {
        Random random = new Random(7);
        try (Connection c = cluster.connect(db)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                while (loading.get()) {
                    int a = 1 + random.nextInt(20000);
                    int d = random.nextInt(100) - 50;
                    st.execute("update accounts set balance = balance + " + d + " where id = " + a);
                    st.execute("insert into history (account, delta) values (" + a + ", " + d + ")");
                    if (random.nextInt(10) == 0) {
                        st.execute("delete from history where id = (select min(id) from history)");
                    }
                    if (random.nextInt(20) == 0) {
                        st.execute("update branches set name = name || 'x' where id = " + (1 + random.nextInt(50)));
                    }
                    if (random.nextInt(15) == 0) {
                        c.rollback();
                    } else {
                        c.commit();
                        done.incrementAndGet();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitOk(PgCluster cluster, String db, String table) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = cluster.connect(db);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select merge_state from londiste.get_table_list('replq')"
                            + " where table_name = '" + table + "' and local")) {
                return rs.next() && "ok".equals(rs.getString(1));
            }
        });
    }

    private static String checksums(PgCluster cluster, String db) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = cluster.connect(db);
                Statement st = c.createStatement()) {
            for (String t : new String[] {"accounts", "history", "branches"}) {
                try (ResultSet rs = st.executeQuery(
                        "select count(*), coalesce(sum(hashtext(x::text)::bigint), 0)" + " from " + t + " x")) {
                    rs.next();
                    sb.append(t)
                            .append(':')
                            .append(rs.getLong(1))
                            .append('/')
                            .append(rs.getLong(2))
                            .append(' ');
                }
            }
        }
        return sb.toString();
    }

    private static String tail(String log) {
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }

    /** Waits until the load has committed {@code more} transactions beyond the current count. */
    private static void awaitTransactions(AtomicLong done, int more) {
        long target = done.get() + more;
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> done.get() >= target);
    }
}
