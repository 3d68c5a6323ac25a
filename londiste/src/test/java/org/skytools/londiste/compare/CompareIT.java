package org.skytools.londiste.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.skytools.londiste.fixture.TwoNodes.LEAF_WORKER;
import static org.skytools.londiste.fixture.TwoNodes.QUEUE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.londiste.copy.CopyCoordinator;
import org.skytools.londiste.fixture.LondisteTemplate;
import org.skytools.londiste.fixture.MiniReplay;
import org.skytools.londiste.fixture.TwoNodes;
import org.skytools.londiste.fixture.UrlencApplier;
import org.skytools.londiste.table.AddTableOptions;
import org.skytools.londiste.table.TableAdmin;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** compare (behaviour.md) against a running replay, with the root still being written. */
@PgTest(clusters = 2, template = LondisteTemplate.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CompareIT {
    private static final String DDL = "create table t (id int primary key, v text)";

    /** Root and leaf with the same 20,000 rows, the leaf marked in sync, plus an unsynced table. */
    private static TwoNodes setUp(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = TwoNodes.create(db, group.get(1));
        for (TestDatabase d : List.of(n.root, n.leaf)) {
            d.execute(DDL);
            d.execute("insert into t select g, 'v' || g from generate_series(1, 20000) g");
            d.execute("create table u (id int primary key)");
        }
        TableAdmin admin = new TableAdmin(QUEUE, Duration.ofSeconds(10));
        try (Connection root = n.root.connect();
                Connection leaf = n.leaf.connect()) {
            admin.addTables(root, null, List.of("t", "u"), AddTableOptions.defaults());
            admin.addTables(
                    leaf,
                    root,
                    List.of("t"),
                    AddTableOptions.builder().expectSync(true).build());
            admin.addTables(leaf, root, List.of("u"), AddTableOptions.defaults());
        }
        return n;
    }

    /** Runs the compare while a replay thread (which also ticks) and optionally a writer run. */
    private static List<CompareResult> compareWhileRunning(TwoNodes n, boolean countOnly, boolean write)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong writes = new AtomicLong();
        // no copier runs: the coordinator claims "u" and it stays in-copy
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 1);
        try (MiniReplay replay = new MiniReplay(n, coordinator, new UrlencApplier())) {
            Thread replayer = new Thread(() -> {
                try {
                    while (running.get()) {
                        replay.step();
                    }
                } catch (SQLException | RuntimeException e) {
                    failure.set(e);
                }
            });
            Thread writer = new Thread(() -> {
                int id = 100_000;
                try (Connection c = n.root.connect();
                        var st = c.createStatement()) {
                    while (running.get() && write) {
                        st.execute("insert into t values (" + id++ + ", 'w')");
                        writes.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failure.set(e);
                }
            });
            replayer.start();
            writer.start();
            try {
                if (write) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> writes.get() > 50);
                }
                TableComparer comparer = new TableComparer(QUEUE, Duration.ofSeconds(30), null, null);
                try (Connection leaf = n.leaf.connect()) {
                    return comparer.compare(leaf, n.root::connect, List.of(), countOnly, false);
                }
            } finally {
                running.set(false);
                replayer.join();
                writer.join();
                assertThat(failure.get()).isNull();
            }
        }
    }

    @Test
    void r1_r2_r4_equalTablesMatchWhileTheRootIsWrittenAndUnsyncedTablesAreSkipped(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = setUp(db, group);
        List<CompareResult> results = compareWhileRunning(n, false, true);
        assertThat(results).extracting(CompareResult::table).containsExactly("public.t", "public.u");
        CompareResult t = results.get(0);
        assertThat(t.matches()).as(t.toString()).isTrue();
        assertThat(t.source()).matches("\\d+ rows, checksum=-?\\d+");
        assertThat(Long.parseLong(t.source().split(" ")[0])).isGreaterThan(20_000);
        assertThat(results.get(1).compared()).isFalse();
        assertThat(results.get(1).skipReason()).isEqualTo("table not in sync yet (in-copy)");
        assertThat(TableComparer.exitCode(results)).isZero();
    }

    @Test
    void r4_plantedDifferenceIsFoundAndCountOnlySeesOnlyCounts(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = setUp(db, group);
        plantOnLeaf(n, "update t set v = 'planted' where id = 777");
        List<CompareResult> full = compareWhileRunning(n, false, false);
        assertThat(full.get(0).matches()).isFalse();
        assertThat(full.get(0).source()).startsWith("20000 rows, checksum=");
        assertThat(full.get(0).target()).startsWith("20000 rows, checksum=");
        assertThat(TableComparer.exitCode(full)).isEqualTo(1);

        List<CompareResult> counts = compareWhileRunning(n, true, false);
        assertThat(counts.get(0).source()).isEqualTo("20000 rows");
        assertThat(counts.get(0).matches()).isTrue();

        plantOnLeaf(n, "delete from t where id = 778");
        List<CompareResult> after = compareWhileRunning(n, true, false);
        assertThat(after.get(0).target()).isEqualTo("19999 rows");
        assertThat(TableComparer.exitCode(after)).isEqualTo(1);
    }

    @Test
    void r5_repairListsInsertUpdateDeleteByKeyAndAppliesThem(TestDatabase db, ClusterGroup group, @TempDir Path dir)
            throws Exception {
        TwoNodes n = setUp(db, group);
        plantOnLeaf(
                n,
                "update t set v = 'it''s planted' where id = 10",
                "delete from t where id = 11",
                "insert into t values (500000, 'extra')");
        List<RepairResult> results = repairWhileRunning(n, dir, true);
        RepairResult r = results.get(0);
        assertThat(r.table()).isEqualTo("public.t");
        assertThat(List.of(r.inserts(), r.updates(), r.deletes())).containsExactly(1, 1, 1);
        assertThat(r.statements())
                .containsExactly(
                        "update only public.t set v = 'v10' where id = '10' and v = 'it''s planted';",
                        "insert into public.t (id, v) values ('11', 'v11');",
                        "delete from only public.t where id = '500000';");
        assertThat(Files.readAllLines(dir.resolve("fix.public.t.sql"))).isEqualTo(r.statements());
        assertThat(TwoNodes.digest(n.leaf, "t")).isEqualTo(TwoNodes.digest(n.root, "t"));
        assertThat(repairWhileRunning(n, null, false).get(0).clean()).isTrue();
    }

    @Test
    void r5_repairWhereLimitsTheRepairToTheRowsOfItsCondition(TestDatabase db, ClusterGroup group, @TempDir Path dir)
            throws Exception {
        TwoNodes n = setUp(db, group);
        plantOnLeaf(n, "update t set v = 'planted' where id in (10, 20)");
        List<RepairResult> results = repairWhileRunning(n, dir, true, "id < 15");
        assertThat(results.get(0).statements())
                .containsExactly("update only public.t set v = 'v10' where id = '10' and v = 'planted';");
        assertThat(repairWhileRunning(n, null, false, "id < 15").get(0).clean()).isTrue();
        assertThat(repairWhileRunning(n, null, false, null).get(0).statements())
                .as("the row outside the condition is left as it was")
                .containsExactly("update only public.t set v = 'v20' where id = '20' and v = 'planted';");
    }

    /** Makes the leaf differ: the statements run there in replica role, which no trigger logs. */
    private static void plantOnLeaf(TwoNodes n, String... statements) throws SQLException {
        try (Connection leaf = n.leaf.connect();
                var st = leaf.createStatement()) {
            st.execute("set session_replication_role = replica");
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static List<RepairResult> repairWhileRunning(TwoNodes n, Path dir, boolean apply) throws Exception {
        return repairWhileRunning(n, dir, apply, null);
    }

    private static List<RepairResult> repairWhileRunning(TwoNodes n, Path dir, boolean apply, String where)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 1);
        try (MiniReplay replay = new MiniReplay(n, coordinator, new UrlencApplier())) {
            Thread replayer = new Thread(() -> {
                try {
                    while (running.get()) {
                        replay.step();
                    }
                } catch (SQLException | RuntimeException e) {
                    failure.set(e);
                }
            });
            replayer.start();
            try (Connection leaf = n.leaf.connect()) {
                return new TableRepairer(QUEUE, Duration.ofSeconds(30))
                        .onlyRows(where)
                        .repair(leaf, n.root::connect, List.of("t"), dir, apply, false);
            } finally {
                running.set(false);
                replayer.join();
                assertThat(failure.get()).isNull();
            }
        }
    }
}
