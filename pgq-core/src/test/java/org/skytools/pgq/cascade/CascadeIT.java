package org.skytools.pgq.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.skytools.pgq.cascade.CascadeFixture.QUEUE;
import static org.skytools.pgq.cascade.CascadeFixture.admin;
import static org.skytools.pgq.cascade.CascadeFixture.applied;
import static org.skytools.pgq.cascade.CascadeFixture.consumerTick;
import static org.skytools.pgq.cascade.CascadeFixture.database;
import static org.skytools.pgq.cascade.CascadeFixture.drain;
import static org.skytools.pgq.cascade.CascadeFixture.produce;
import static org.skytools.pgq.cascade.CascadeFixture.queueEvents;
import static org.skytools.pgq.cascade.CascadeFixture.setup;
import static org.skytools.pgq.cascade.CascadeFixture.tick;
import static org.skytools.pgq.cascade.CascadeFixture.ticks;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/**
 * A cascade over three clusters: root (cluster 0), branch (cluster 1) and leaf (cluster 2), set
 * up with {@link CascadeAdmin} and driven by {@link RecordingWorker}s round by round.
 */
@PgTest(clusters = 3)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CascadeIT {
    private static final ExecutorService background = Executors.newSingleThreadExecutor();

    private record Tree(TestDatabase root, TestDatabase branch, TestDatabase leaf) {}

    @AfterAll
    static void stopBackground() {
        background.shutdownNow();
    }

    /** A non-root worker that sends its watermark upward every round, not every 5 minutes. */
    private static CascadeSettings publishingWatermarksAtOnce(String worker) {
        return new CascadeSettings(QUEUE, worker, 300, Duration.ZERO, Duration.ZERO, null, null, null);
    }

    private static Tree tree(ClusterGroup g, String prefix) throws Exception {
        TestDatabase root = database(g.get(0), prefix + "_root");
        TestDatabase branch = database(g.get(1), prefix + "_branch");
        TestDatabase leaf = database(g.get(2), prefix + "_leaf");
        admin(root).createRoot(setup("n1", root, null, "w1"));
        admin(branch).createBranch(setup("n2", branch, root, "w2"));
        admin(leaf).createLeaf(setup("n3", leaf, branch, "w3"));
        return new Tree(root, branch, leaf);
    }

    /**
     * Combined queues: partition root {@code part} (queue {@link CascadeFixture#QUEUE}), merged by
     * merge leaves wm1 and wm2 into queue "combo" of full1 (its root) and full2 (its branch).
     */
    private record Combined(
            TestDatabase part, TestDatabase full1, TestDatabase full2, CascadeAdmin combo1, CascadeAdmin combo2) {}

    private static Combined combined(ClusterGroup g, String prefix) throws Exception {
        TestDatabase part = database(g.get(0), prefix + "_part");
        TestDatabase full1 = database(g.get(1), prefix + "_full1");
        TestDatabase full2 = database(g.get(2), prefix + "_full2");
        admin(part).createRoot(setup("part1", part, null, "wp"));
        CascadeAdmin combo1 =
                new CascadeAdmin(CascadeFixture.CONNECTOR, full1.connString(), "combo", Duration.ofMillis(50));
        combo1.createRoot(setup("full1", full1, null, "wc1"));
        CascadeAdmin combo2 =
                new CascadeAdmin(CascadeFixture.CONNECTOR, full2.connString(), "combo", Duration.ofMillis(50));
        combo2.createBranch(setup("full2", full2, full1, "wc2"));
        admin(full1)
                .createLeaf(new NodeSetup("full1", full1.connString(), part.connString(), "wm1", null, "combo", true));
        admin(full2)
                .createLeaf(new NodeSetup("full2", full2.connString(), part.connString(), "wm2", null, "combo", true));
        return new Combined(part, full1, full2, combo1, combo2);
    }

    private static void tickCombined(TestDatabase root) throws Exception {
        try (Connection c = root.connect()) {
            TestQueues.tick(c, "combo");
        }
    }

    private static void assertSameEvents(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        assertThat(a).isEqualTo(b);
    }

    @Test
    void c2_c7_eventsArriveOnceOnBranchAndLeafWithTheSameIdsAndTicks(ClusterGroup g) throws Exception {
        Tree t = tree(g, "flow");
        try (RecordingWorker w1 = new RecordingWorker(t.root(), "w1");
                RecordingWorker w2 = new RecordingWorker(
                        t.branch(), CascadeSettings.of(QUEUE, "w2").withLazyFetch(3));
                RecordingWorker w3 = new RecordingWorker(t.leaf(), "w3")) {
            // a worker starts as if behind (a leaf would join ticks): a round with nothing to do
            // shows both subscribers up to date, so each tick below is a batch of its own
            drain(w2);
            drain(w3);
            long tick1 = produce(t.root(), "a", 10);
            long tick2 = produce(t.root(), "b", 4);
            w1.workOnce();
            assertThat(drain(w2)).isGreaterThanOrEqualTo(2);
            assertThat(drain(w3)).isGreaterThanOrEqualTo(2);

            List<Map<String, Object>> rootEvents = queueEvents(t.root(), "test");
            assertThat(rootEvents).hasSize(14);
            assertSameEvents(queueEvents(t.branch(), "test"), rootEvents);
            List<Map<String, Object>> onBranch = applied(t.branch());
            assertThat(onBranch).hasSize(14);
            assertThat(applied(t.leaf())).isEqualTo(onBranch);
            assertThat(onBranch.get(0).get("tick_id")).isEqualTo(tick1);
            assertThat(onBranch.get(13).get("tick_id")).isEqualTo(tick2);
            assertThat(ticks(t.branch())).contains(tick1, tick2);
            assertThat(ticks(t.root())).containsAll(ticks(t.branch()));
            String tickTime = "select t.tick_time::text from pgq.tick t join pgq.queue q on q.queue_id = t.tick_queue"
                    + " where q.queue_name = ? and t.tick_id = ?";
            assertThat(t.branch().queryValue(tickTime, String.class, QUEUE, tick2))
                    .isEqualTo(t.root().queryValue(tickTime, String.class, QUEUE, tick2));
            assertThat(admin(t.leaf()).nodeInfo().workerLastTick()).isEqualTo(tick2);

            // C-5: the branch queue takes events only from the worker
            assertThatThrownBy(() -> t.branch().queryValue("select pgq.insert_event(?, 'x', 'y')", Long.class, QUEUE))
                    .hasMessageContaining("Insert into queue disallowed");
            // nothing new: no batch processed twice
            assertThat(drain(w2)).isZero();
            assertThat(applied(t.branch())).hasSize(14);
        }
    }

    @Test
    void c7_aLeafThatIsBehindTakesSeveralTicksPerBatchAndAppliesEveryEventOnce(ClusterGroup g) throws Exception {
        Tree t = tree(g, "collect");
        // an hour ahead, every tick looks old: both subscribers believe they are behind
        Clock late = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        try (RecordingWorker w1 = new RecordingWorker(t.root(), "w1");
                RecordingWorker w2 = new RecordingWorker(t.branch(), CascadeSettings.of(QUEUE, "w2"), late);
                RecordingWorker w3 = new RecordingWorker(t.leaf(), CascadeSettings.of(QUEUE, "w3"), late)) {
            int ticks = 12;
            for (int i = 0; i < ticks; i++) {
                t.root()
                        .query(
                                "select pgq.insert_event(?, 'test', ? || g) from generate_series(1, 1000) g",
                                QUEUE,
                                "e" + i + "-");
                // a plain tick (a forced one moves the event sequence on by thousands)
                assertThat(t.root().queryValue("select pgq.ticker(?)", Long.class, QUEUE))
                        .isNotNull();
            }
            w1.workOnce();
            drain(w2);
            drain(w3);
            String batches = "select count(distinct tick_id) from applied";
            assertThat(t.branch().queryValue(batches, Long.class))
                    .as("a branch keeps every tick: its subscribers may stand on any")
                    .isEqualTo(ticks);
            assertThat(t.leaf().queryValue(batches, Long.class))
                    .as("a leaf that starts behind joins ticks: fewer events than a catch-up batch wait, so"
                            + " it takes them all up to the provider's latest tick at once")
                    .isEqualTo(1L);
            String events = "select ev_id, ev_data from applied order by ev_id";
            assertThat(t.leaf().query(events))
                    .hasSize(ticks * 1000)
                    .isEqualTo(t.branch().query(events));
            assertThat(admin(t.leaf()).nodeInfo().workerLastTick())
                    .isEqualTo(admin(t.branch()).nodeInfo().workerLastTick());
        }
    }

    @Test
    void n7_locationChangesOnTheRootReachEveryNode(ClusterGroup g) throws Exception {
        Tree t = tree(g, "loc");
        try (RecordingWorker w2 = new RecordingWorker(t.branch(), "w2");
                RecordingWorker w3 = new RecordingWorker(t.leaf(), "w3")) {
            assertThat(admin(t.root())
                            .registerLocation("n9", "host=nowhere dbname=x", false)
                            .code())
                    .isEqualTo(200);
            tick(t.root());
            drain(w2);
            drain(w3);
            assertThat(admin(t.leaf()).members()).contains(new NodeLocation("n9", "host=nowhere dbname=x", false));
            assertThat(admin(t.branch()).members())
                    .extracting(NodeLocation::nodeName)
                    .contains("n9");

            assertThat(admin(t.root()).unregisterLocation("n9").code()).isEqualTo(200);
            assertThat(admin(t.leaf()).unregisterLocation("n2").code())
                    .as("N-6 current provider")
                    .isEqualTo(403);
            tick(t.root());
            drain(w2);
            drain(w3);
            assertThat(admin(t.leaf()).members())
                    .extracting(NodeLocation::nodeName)
                    .containsExactly("n1", "n2", "n3");
            assertThat(queueEvents(t.branch(), "pgq.%location%")).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void c3_workerStoppedBetweenLocalCommitAndProviderFinishAppliesNothingTwice(ClusterGroup g) throws Exception {
        Tree t = tree(g, "crash");
        try (RecordingWorker w2 = new RecordingWorker(t.branch(), "w2");
                RecordingWorker w3 = new RecordingWorker(t.leaf(), "w3")) {
            long tick1 = produce(t.root(), "x", 5);
            w2.crashAfterCommit = true;
            assertThatThrownBy(w2::workOnce).hasMessageContaining("simulated crash");
            assertThat(applied(t.branch())).hasSize(5);
            // the branch tick was not made yet: the next round makes it and finishes the batch
            assertThat(ticks(t.branch())).doesNotContain(tick1);
            drain(w2);
            assertThat(ticks(t.branch())).contains(tick1);
            assertThat(queueEvents(t.branch(), "test")).hasSize(5);
            assertThat(applied(t.branch())).hasSize(5);

            w3.crashAfterCommit = true;
            assertThatThrownBy(w3::workOnce).hasMessageContaining("simulated crash");
            drain(w3);
            assertThat(applied(t.leaf())).isEqualTo(applied(t.branch()));

            produce(t.root(), "y", 3);
            drain(w2);
            drain(w3);
            assertThat(applied(t.leaf())).hasSize(8).isEqualTo(applied(t.branch()));
        }
    }

    @Test
    void c10_c11_watermarksFlowBackToTheRootAndDown(ClusterGroup g) throws Exception {
        Tree t = tree(g, "wm");
        CascadeSettings fast = CascadeSettings.of(QUEUE, "w1").withWatermarkPeriods(Duration.ZERO, Duration.ZERO);
        try (RecordingWorker w1 = new RecordingWorker(t.root(), fast);
                RecordingWorker w2 = new RecordingWorker(t.branch(), publishingWatermarksAtOnce("w2"));
                RecordingWorker w3 = new RecordingWorker(t.leaf(), publishingWatermarksAtOnce("w3"))) {
            long start = CascadeFixture.consumerTick(t.root(), ".global_watermark");
            produce(t.root(), "a", 2);
            long last = 0;
            for (int i = 0; i < 3; i++) {
                last = tick(t.root());
                drain(w2);
                drain(w3);
                w1.workOnce();
            }
            // the leaf reported to the branch, the branch to the root, the root published
            assertThat(CascadeFixture.consumerTick(t.branch(), ".n3.watermark")).isGreaterThan(start);
            long rootWm = CascadeFixture.consumerTick(t.root(), ".global_watermark");
            assertThat(rootWm).isGreaterThan(start).isLessThanOrEqualTo(last);
            // the root keeps what the slowest node still needs
            assertThat(rootWm).isLessThanOrEqualTo(CascadeFixture.consumerTick(t.root(), ".n2.watermark"));
            assertThat(queueEvents(t.branch(), "pgq.global-watermark")).isNotEmpty();
            tick(t.root());
            drain(w2);
            assertThat(CascadeFixture.consumerTick(t.branch(), ".global_watermark"))
                    .isGreaterThan(start);

            // a lagging leaf holds the watermark back on the root: nothing it still needs is rotated away
            long leafAt = admin(t.leaf()).nodeInfo().workerLastTick();
            for (int i = 0; i < 3; i++) {
                produce(t.root(), "late" + i, 1);
                drain(w2);
                w1.workOnce();
            }
            assertThat(CascadeFixture.consumerTick(t.root(), ".global_watermark"))
                    .isLessThanOrEqualTo(leafAt);
            assertThat(CascadeFixture.consumerTick(t.branch(), ".global_watermark"))
                    .isLessThanOrEqualTo(leafAt);
            drain(w3);
            drain(w2);
            w1.workOnce();
            assertThat(CascadeFixture.consumerTick(t.root(), ".global_watermark"))
                    .isGreaterThan(leafAt);
        }
    }

    @Test
    void c13_syncWatermarkBranchKeepsWhatItsPartnerStillNeeds(ClusterGroup g) throws Exception {
        TestDatabase root = database(g.get(0), "sync_root");
        TestDatabase b2 = database(g.get(1), "sync_n2");
        TestDatabase b4 = database(g.get(2), "sync_n4");
        admin(root).createRoot(setup("n1", root, null, "w1"));
        admin(b2).createBranch(new NodeSetup("n2", b2.connString(), root.connString(), "w2", "n2,n4", null, true));
        admin(b4).createBranch(new NodeSetup("n4", b4.connString(), root.connString(), "w4", "n2,n4", null, true));
        assertThat(org.skytools.common.db.Quoting.urlDecode(admin(b2).nodeInfo().nodeAttrs()))
                .containsEntry("sync_watermark", "n2,n4");
        Duration z = Duration.ZERO;
        try (RecordingWorker w1 =
                        new RecordingWorker(root, new CascadeSettings(QUEUE, "w1", 300, z, z, null, null, null));
                RecordingWorker w2 =
                        new RecordingWorker(b2, new CascadeSettings(QUEUE, "w2", 300, z, z, null, null, null));
                RecordingWorker w4 =
                        new RecordingWorker(b4, new CascadeSettings(QUEUE, "w4", 300, z, z, null, null, null))) {
            Runnable round = () -> {
                try {
                    produce(root, "s", 1);
                    drain(w2);
                    drain(w4);
                    w1.workOnce();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            for (int i = 0; i < 3; i++) {
                round.run();
            }
            // from now on a slow local consumer on n4 keeps n4's local watermark at this tick
            long first = b4.queryValue("select last_tick_id from pgq.get_queue_info(?)", Long.class, QUEUE);
            b4.queryValue("select pgq.register_consumer(?, 'slow')", Integer.class, QUEUE);
            for (int i = 0; i < 5; i++) {
                round.run();
            }
            // both report the start of their batches upward, so the root moves on
            assertThat(CascadeFixture.consumerTick(root, ".global_watermark")).isGreaterThan(first);
            List<Map<String, Object>> published = queueEvents(root, "pgq.global-watermark");
            assertThat(Long.parseLong(
                            (String) published.get(published.size() - 1).get("ev_data")))
                    .isGreaterThan(first);
            // n2 moved its own global watermark up to what n4 still needs, not further, and passes that on
            assertThat(CascadeFixture.consumerTick(b2, ".global_watermark")).isEqualTo(first);
            List<Map<String, Object>> forwarded = queueEvents(b2, "pgq.global-watermark");
            // the root's latest publication is not copied yet
            assertThat(forwarded)
                    .extracting(r -> r.get("ev_id"))
                    .containsExactlyElementsOf(published.stream()
                            .limit(published.size() - 1)
                            .map(r -> r.get("ev_id"))
                            .toList());
            assertThat(forwarded.get(forwarded.size() - 1).get("ev_data")).isEqualTo(String.valueOf(first));
            assertThat(forwarded).allSatisfy(r -> assertThat(Long.parseLong((String) r.get("ev_data")))
                    .isLessThanOrEqualTo(first));
        }
    }

    @Test
    void c26_mergeLeafCopiesDataEventsIntoTheCombinedRootWithTickMarks(ClusterGroup g) throws Exception {
        TestDatabase part = database(g.get(0), "mrg_part");
        TestDatabase full = database(g.get(1), "mrg_full");
        admin(part).createRoot(setup("part1", part, null, "wp"));
        CascadeAdmin combo = new CascadeAdmin(CascadeFixture.CONNECTOR, full.connString(), "combo");
        combo.createRoot(setup("full1", full, null, "wf"));
        assertThatThrownBy(() -> admin(full)
                        .createBranch(
                                new NodeSetup("pb", full.connString(), part.connString(), "wm", null, "combo", true)))
                .hasMessage("--merge is only for leaf nodes");
        admin(full).createLeaf(new NodeSetup("full1", full.connString(), part.connString(), "wm", null, "combo", true));
        assertThat(admin(full).nodeInfo().combinedQueue()).isEqualTo("combo");
        try (RecordingWorker w = new RecordingWorker(full, "wm")) {
            long t1 = produce(part, "m", 3);
            drain(w);
            assertThat(applied(full)).hasSize(3);
            String parent =
                    full.queryValue("select queue_data_pfx from pgq.queue where queue_name = 'combo'", String.class);
            List<Map<String, Object>> merged =
                    full.query("select ev_type, ev_data, ev_extra1 from " + parent + " order by ev_id");
            assertThat(merged)
                    .extracting(r -> r.get("ev_data"))
                    .containsSubsequence("m0", "m1", "m2", String.valueOf(t1));
            assertThat(merged)
                    .filteredOn(r -> "pgq.tick-id".equals(r.get("ev_type")))
                    .allSatisfy(r -> assertThat(r.get("ev_extra1")).isEqualTo(QUEUE))
                    .extracting(r -> r.get("ev_data"))
                    .contains(String.valueOf(t1));
            assertThat(merged).noneMatch(r -> "pgq.location-info".equals(r.get("ev_type")));
        }
    }

    @Test
    void c27_mergeLeafBehindACombinedBranchWaitsForTheCombinedStream_andAppliesAfterTheBranchTakesOver(ClusterGroup g)
            throws Exception {
        Combined cmb = combined(g, "cmb");
        TestDatabase part = cmb.part();
        TestDatabase full1 = cmb.full1();
        TestDatabase full2 = cmb.full2();
        CascadeAdmin combo2 = cmb.combo2();
        long start = admin(full2).nodeInfo().workerLastTick();
        try (RecordingWorker mergeRoot = new RecordingWorker(full1, "wm1");
                RecordingWorker mergeBranch = new RecordingWorker(full2, "wm2");
                RecordingWorker comboBranch = new RecordingWorker(full2, CascadeSettings.of("combo", "wc2"))) {
            long t1 = produce(part, "m", 3);
            assertThat(drain(mergeBranch))
                    .as("the partition batch waits until the combined stream brings its tick")
                    .isZero();
            assertThat(admin(full2).nodeInfo().workerLastTick()).isEqualTo(start);
            long t2 = produce(part, "n", 2);

            // two partition batches reach the combined root, then come through the combined branch
            drain(mergeRoot);
            tickCombined(full1);
            drain(comboBranch);
            assertThat(admin(full2).nodeInfo().workerLastTick())
                    .as("the combined branch's worker moved the merge leaf at each pgq.tick-id event")
                    .isEqualTo(t2);
            assertThat(drain(mergeBranch))
                    .as("both partition batches are finished, the first one although the leaf is past it")
                    .isEqualTo(2);
            assertThat(consumerTick(part, "wm2")).isEqualTo(t2);
            assertThat(t1).isLessThan(t2);
            assertThat(applied(full2))
                    .as("the rows came once, through the combined queue; the merge leaf applied nothing")
                    .extracting(r -> r.get("ev_data"))
                    .containsExactly("m0", "m1", "m2", "n0", "n1");

            // a third partition batch reaches the combined root, which dies before its combined
            // tick gets to the branch; the branch takes over the combined queue, and its merge
            // leaf, still at the second batch's end, now applies the third batch itself
            long t3 = produce(part, "p", 2);
            drain(mergeRoot);
            assertThat(applied(full1)).extracting(r -> r.get("ev_data")).contains("p0", "p1");
            combo2.takeover("full1", false, true, false, Set.of(), Duration.ZERO);
            assertThat(combo2.nodeInfo().isRoot()).isTrue();
            assertThat(admin(full2).nodeInfo().workerLastTick())
                    .as("the merge leaf kept its position")
                    .isEqualTo(t2);
            assertThat(drain(mergeBranch)).isEqualTo(1);
            assertThat(applied(full2))
                    .as("each row once: the third batch from the partition, none lost or twice")
                    .extracting(r -> r.get("ev_data"))
                    .containsExactly("m0", "m1", "m2", "n0", "n1", "p0", "p1");
            assertThat(consumerTick(part, "wm2")).isEqualTo(t3);
            String combined =
                    full2.queryValue("select queue_data_pfx from pgq.queue where queue_name = 'combo'", String.class);
            assertThat(full2.query("select ev_type, ev_data from " + combined + " order by ev_id"))
                    .as("the new combined root carries the third batch with its tick mark")
                    .extracting(r -> r.get("ev_data"))
                    .containsSubsequence("p0", "p1", String.valueOf(t3));
        }
    }

    @Test
    void c4_c14_mergeLeafBehindACombinedBranchHandlesItsBatchesCascadeEvents_andReportsNoWatermarkPastThem(
            ClusterGroup g) throws Exception {
        Combined cmb = combined(g, "cev");
        TestDatabase part = cmb.part();
        TestDatabase full2 = cmb.full2();
        CascadeSettings reportEveryRound =
                CascadeSettings.of(QUEUE, "wm2").withWatermarkPeriods(Duration.ZERO, Duration.ZERO);
        try (RecordingWorker mergeRoot = new RecordingWorker(cmb.full1(), "wm1");
                RecordingWorker mergeBranch = new RecordingWorker(full2, reportEveryRound);
                RecordingWorker comboBranch = new RecordingWorker(full2, CascadeSettings.of("combo", "wc2"))) {
            // the root announces a new member of the partition queue inside the first batch
            part.queryValue(
                    "select ret_code from pgq_node.register_location(?, 'ghost', 'dbname=ghost', false)",
                    Integer.class,
                    QUEUE);
            long t1 = produce(part, "a", 2);
            long t2 = produce(part, "b", 2);
            assertThat(drain(mergeBranch)).isZero();

            drain(mergeRoot);
            tickCombined(cmb.full1());
            drain(comboBranch);
            assertThat(admin(full2).nodeInfo().workerLastTick())
                    .as("the combined stream moved the merge leaf past both partition batches")
                    .isEqualTo(t2);

            assertThat(mergeBranch.workOnce()).isTrue();
            assertThat(consumerTick(part, ".full2.watermark"))
                    .as("C-14: the watermark reported with the first batch is that batch's tick, not the leaf's")
                    .isEqualTo(t1);
            assertThat(full2.queryValue(
                            "select node_location from pgq_node.node_location where queue_name = ? and node_name = 'ghost'",
                            String.class,
                            QUEUE))
                    .as("C-4: the batch's pgq.location-info reached the waiting leaf's member list")
                    .isEqualTo("dbname=ghost");
            assertThat(drain(mergeBranch)).isEqualTo(1);
            assertThat(consumerTick(part, ".full2.watermark")).isEqualTo(t2);
            assertThat(applied(full2))
                    .as("the waiting leaf still applied no data itself")
                    .extracting(r -> r.get("ev_data"))
                    .containsExactly("a0", "a1", "b0", "b1");
        }
    }

    @Test
    void c1_rootRestsTenLoopDelaysBetweenRounds_otherNodesAndAPausedRootOne(ClusterGroup g) throws Exception {
        Tree t = tree(g, "rest");
        Duration loopDelay = Duration.ofMillis(300);
        try (RecordingWorker w1 = new RecordingWorker(t.root(), "w1");
                RecordingWorker w2 = new RecordingWorker(t.branch(), "w2");
                RecordingWorker w3 = new RecordingWorker(t.leaf(), "w3")) {
            assertThat(w1.idleDelay(loopDelay)).as("before its first round").isEqualTo(loopDelay);
            assertThat(w1.workOnce()).isFalse();
            assertThat(w1.idleDelay(loopDelay)).isEqualTo(Duration.ofSeconds(3));
            drain(w2);
            drain(w3);
            assertThat(w2.idleDelay(loopDelay)).isEqualTo(loopDelay);
            assertThat(w3.idleDelay(loopDelay)).isEqualTo(loopDelay);

            admin(t.root()).pause(null, Duration.ZERO);
            assertThat(w1.workOnce()).isFalse();
            assertThat(w1.idleDelay(loopDelay))
                    .as("a paused root checks for resume every loop_delay")
                    .isEqualTo(loopDelay);
        }
    }

    @Test
    void c22_nodesGivenAsDeadAreNeitherContactedNorChosen(ClusterGroup g) throws Exception {
        Tree t = tree(g, "dead");
        CascadeAdmin leaf = admin(t.leaf()).treatingAsDead(Set.of("n1"));
        assertThat(leaf.members())
                .filteredOn(m -> m.nodeName().equals("n1"))
                .extracting(NodeLocation::dead)
                .containsExactly(true);
        assertThatThrownBy(() -> leaf.changeProvider("n1", null, Duration.ZERO))
                .isInstanceOf(SkyToolsException.class)
                .hasMessageContaining("\"n1\" is dead");
        assertThat(admin(t.leaf()).nodeInfo().providerNode()).isEqualTo("n2");
        assertThat(leaf.status()).contains("treated as dead");

        // the leaf's server is gone: drop-node must not try to reach it
        g.get(2).dropDatabase("dead_leaf");
        CascadeAdmin root = admin(t.root());
        assertThatThrownBy(() -> root.dropNode("n3"))
                .as("without --dead it tries the lost node")
                .hasMessageContaining("\"n3\"");
        assertThat(root.treatingAsDead(Set.of("n3")).dropNode("n3")).isEqualTo("node \"n3\" dropped");
        assertThat(admin(t.branch()).members())
                .extracting(NodeLocation::nodeName)
                .doesNotContain("n3");
        assertThat(t.branch()
                        .queryValue(
                                "select count(*) from pgq_node.get_subscriber_info(?) where node_name = 'n3'",
                                Long.class,
                                QUEUE))
                .isZero();
    }

    @Test
    void c27_liveSwitchoverOfTheCombinedRootSwapsTheMergeLeavesWithoutLosingPosition(ClusterGroup g) throws Exception {
        Combined cmb = combined(g, "sw");
        TestDatabase part = cmb.part();
        TestDatabase full1 = cmb.full1();
        TestDatabase full2 = cmb.full2();
        CascadeAdmin combo1 = cmb.combo1();
        CascadeAdmin combo2 = cmb.combo2();
        ExecutorService loops = Executors.newFixedThreadPool(2);
        try (RecordingWorker mergeOne = new RecordingWorker(full1, "wm1");
                RecordingWorker mergeTwo = new RecordingWorker(full2, "wm2");
                RecordingWorker comboOne = new RecordingWorker(full1, CascadeSettings.of("combo", "wc1"));
                RecordingWorker comboTwo = new RecordingWorker(full2, CascadeSettings.of("combo", "wc2"))) {
            long t1 = produce(part, "m", 3);
            drain(mergeOne);
            tickCombined(full1);
            drain(comboTwo);
            assertThat(drain(mergeTwo)).isEqualTo(1);

            // a second partition batch is in the combined root's queue, not yet ticked there, when
            // the combined branch takes over the live root; both combined workers run meanwhile
            long t2 = produce(part, "n", 2);
            drain(mergeOne);
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<?>> running = List.of(
                    loops.submit(() -> workUntil(comboOne, stop)), loops.submit(() -> workUntil(comboTwo, stop)));
            String msg = combo2.takeover("full1", false, false, false, Set.of(), Duration.ofSeconds(60));
            stop.set(true);
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThat(msg).contains("\"full2\" is the root now");
            assertThat(combo2.nodeInfo().isRoot()).isTrue();
            assertThat(combo1.nodeInfo().providerNode()).isEqualTo("full2");
            assertThat(admin(full2).nodeInfo().workerLastTick())
                    .as("the old root's last combined tick brought the second batch's mark to full2")
                    .isEqualTo(t2);
            assertThat(applied(full2)).extracting(r -> r.get("ev_data")).containsExactly("m0", "m1", "m2", "n0", "n1");

            // the roles have swapped: full2's merge leaf applies the third batch and feeds the
            // combined queue; full1's waits for the combined stream, which moves it
            long t3 = produce(part, "p", 2);
            assertThat(drain(mergeOne))
                    .as("full1's merge leaf applies nothing itself now")
                    .isZero();
            assertThat(admin(full1).nodeInfo().workerLastTick()).isEqualTo(t2);
            assertThat(drain(mergeTwo))
                    .as("the second batch, already come through the combined stream, then the third")
                    .isEqualTo(2);
            tickCombined(full2);
            drain(comboOne);
            assertThat(admin(full1).nodeInfo().workerLastTick())
                    .as("the combined branch moved full1's merge leaf at the pgq.tick-id event")
                    .isEqualTo(t3);
            assertThat(drain(mergeOne)).isEqualTo(1);
            for (TestDatabase full : List.of(full1, full2)) {
                assertThat(applied(full))
                        .as("every row once on " + full.name())
                        .extracting(r -> r.get("ev_data"))
                        .containsExactly("m0", "m1", "m2", "n0", "n1", "p0", "p1");
            }
            assertThat(consumerTick(part, "wm1")).isEqualTo(t3);
            assertThat(consumerTick(part, "wm2")).isEqualTo(t3);
            assertThat(t1).isLessThan(t2);
        } finally {
            loops.shutdownNow();
        }
    }

    /** A worker's loop, as the daemon runs it: a failed round is retried, an idle one waits a little. */
    private static Void workUntil(RecordingWorker w, AtomicBoolean stop) {
        while (!stop.get()) {
            boolean busy;
            try {
                busy = w.workOnce();
            } catch (Exception e) {
                busy = false;
            }
            if (!busy) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        return null;
    }

    @Test
    void renameNodeOfABranchOnEveryMemberWhileTheCascadeKeepsFlowing(ClusterGroup g) throws Exception {
        Tree t = tree(g, "rename");
        CascadeSettings fast = CascadeSettings.of(QUEUE, "w1").withWatermarkPeriods(Duration.ZERO, Duration.ZERO);
        try (RecordingWorker w1 = new RecordingWorker(t.root(), fast);
                RecordingWorker w2 = new RecordingWorker(t.branch(), publishingWatermarksAtOnce("w2"));
                RecordingWorker w3 = new RecordingWorker(t.leaf(), publishingWatermarksAtOnce("w3"))) {
            produce(t.root(), "a", 3);
            drain(w2);
            drain(w3);
            String members = "select string_agg(node_name, ',' order by node_name) from pgq_node.node_location"
                    + " where queue_name = ?";

            // bad input changes nothing: an unknown node, a name another node has
            assertThatThrownBy(() -> admin(t.leaf()).renameNode("n9", "x")).hasMessageContaining("unknown node \"n9\"");
            assertThatThrownBy(() -> admin(t.leaf()).renameNode("n2", "n1")).hasMessageContaining("is taken");
            for (TestDatabase db : List.of(t.root(), t.branch(), t.leaf())) {
                assertThat(db.queryValue(members, String.class, QUEUE)).isEqualTo("n1,n2,n3");
            }

            assertThat(admin(t.leaf()).renameNode("n2", "mid")).isEqualTo("node \"n2\" renamed to \"mid\"");
            for (TestDatabase db : List.of(t.root(), t.branch(), t.leaf())) {
                assertThat(db.queryValue(members, String.class, QUEUE)).isEqualTo("mid,n1,n3");
            }
            assertThat(admin(t.branch()).nodeInfo().nodeName()).isEqualTo("mid");
            assertThat(admin(t.leaf()).nodeInfo().providerNode()).isEqualTo("mid");
            assertThat(t.root()
                            .queryValue(
                                    "select string_agg(subscriber_node || ' ' || watermark_name, ',')"
                                            + " from pgq_node.subscriber_info where queue_name = ?",
                                    String.class,
                                    QUEUE))
                    .isEqualTo("mid .mid.watermark");
            assertThat(t.root()
                            .queryValue(
                                    "select count(*) from pgq.get_consumer_info(?) where consumer_name = '.n2.watermark'",
                                    Long.class,
                                    QUEUE))
                    .isZero();

            // events still flow down, and the renamed branch reports its watermark under its new name
            long wmBefore = CascadeFixture.consumerTick(t.root(), ".mid.watermark");
            long last = produce(t.root(), "b", 4);
            drain(w2);
            drain(w3);
            w1.workOnce();
            assertThat(applied(t.leaf())).hasSize(7);
            assertThat(admin(t.leaf()).nodeInfo().workerLastTick()).isEqualTo(last);
            assertThat(CascadeFixture.consumerTick(t.root(), ".mid.watermark")).isGreaterThan(wmBefore);

            // running it again finishes a cut-short run and otherwise changes nothing
            assertThat(admin(t.root()).renameNode("n2", "mid")).isEqualTo("node \"n2\" renamed to \"mid\"");
            assertThat(t.leaf().queryValue(members, String.class, QUEUE)).isEqualTo("mid,n1,n3");
        }
    }

    @Test
    void c15_pauseIsAcknowledgedAndStopsProcessingUntilResume(ClusterGroup g) throws Exception {
        Tree t = tree(g, "pause");
        CascadeAdmin leafAdmin = admin(t.leaf());
        try (RecordingWorker w2 = new RecordingWorker(t.branch(), "w2");
                RecordingWorker w3 = new RecordingWorker(t.leaf(), "w3")) {
            produce(t.root(), "p", 3);
            drain(w2);
            Future<String> paused = background.submit(() -> leafAdmin.pause(null, Duration.ofSeconds(30)));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> leafAdmin.nodeInfo().workerPaused());
            assertThat(w3.workOnce()).isFalse();
            assertThat(paused.get(20, TimeUnit.SECONDS)).isEqualTo("consumer \"w3\" paused");
            assertThat(applied(t.leaf())).isEmpty();
            assertThat(leafAdmin.pause(null, Duration.ZERO)).contains("already paused");
            assertThat(leafAdmin.status()).contains("PAUSED");

            leafAdmin.resume(null, Duration.ZERO);
            drain(w3);
            assertThat(applied(t.leaf())).hasSize(3);
            assertThat(leafAdmin.nodeInfo().workerUptodate()).isTrue();
        }
    }

    @Test
    void c16_c17_changeProviderMovesTheLeafToTheRootWithoutLoss(ClusterGroup g) throws Exception {
        Tree t = tree(g, "chprov");
        try (RecordingWorker w2 = new RecordingWorker(t.branch(), "w2");
                RecordingWorker w3 = new RecordingWorker(t.leaf(), "w3")) {
            produce(t.root(), "a", 4);
            drain(w2);
            drain(w3);
            produce(t.root(), "b", 3);
            drain(w2);
            // the leaf is behind its provider when it moves
            String msg = admin(t.leaf()).changeProvider("n1", null, Duration.ZERO);
            assertThat(msg).contains("moved from \"n2\" to \"n1\"");
            assertThat(admin(t.leaf()).nodeInfo().providerNode()).isEqualTo("n1");
            assertThat(t.branch().query("select * from pgq_node.get_subscriber_info(?)", QUEUE))
                    .isEmpty();
            assertThat(t.root().query("select node_name from pgq_node.get_subscriber_info(?)", QUEUE))
                    .extracting(r -> r.get("node_name"))
                    .containsExactlyInAnyOrder("n2", "n3");
            produce(t.root(), "c", 2);
            drain(w3);
            assertThat(applied(t.leaf())).hasSize(9);
            assertThat(applied(t.leaf()).stream().map(r -> r.get("ev_data")).toList())
                    .containsExactlyInAnyOrder("a0", "a1", "a2", "a3", "b0", "b1", "b2", "c0", "c1");
            assertThat(admin(t.leaf()).changeProvider("n1", null, Duration.ZERO))
                    .contains("already reads");
            assertThatThrownBy(() -> admin(t.leaf()).changeProvider("n3", null, Duration.ZERO))
                    .hasMessageContaining("cannot subscribe to itself");

            // back to the branch, which has not copied the leaf's position yet: refused, leaf not left paused
            long leafAt = admin(t.leaf()).nodeInfo().workerLastTick();
            assertThatThrownBy(() -> admin(t.leaf()).changeProvider("n2", null, Duration.ZERO))
                    .hasMessage("node \"n2\" does not have tick " + leafAt
                            + " of consumer \"w3\"; wait until it catches up and retry");
            assertThat(admin(t.leaf()).nodeInfo().workerPaused()).isFalse();
            assertThat(admin(t.leaf()).nodeInfo().providerNode()).isEqualTo("n1");
            drain(w2);
            admin(t.leaf()).changeProvider("n2", null, Duration.ZERO);
            produce(t.root(), "d", 1);
            drain(w2);
            drain(w3);
            assertThat(applied(t.leaf())).hasSize(10);
        }
    }

    @Test
    void statusShowsTheTreeWithLagAndTicks_membersAndNodeStatus(ClusterGroup g) throws Exception {
        Tree t = tree(g, "status");
        try (RecordingWorker w2 = new RecordingWorker(t.branch(), "w2");
                RecordingWorker w3 = new RecordingWorker(t.leaf(), "w3")) {
            long tk = produce(t.root(), "s", 1);
            drain(w2);
            drain(w3);
            String status = admin(t.leaf()).status();
            assertThat(status)
                    .contains("Queue: cq   Local node: n3")
                    .contains("n1 (root)")
                    .contains("+--: n2 (branch)")
                    .contains("+--: n3 (leaf)")
                    .contains("Tick: " + tk);
            assertThat(status.indexOf("n1 (root)")).isLessThan(status.indexOf("n2 (branch)"));
            assertThat(status.indexOf("n2 (branch)")).isLessThan(status.indexOf("n3 (leaf)"));
            assertThat(admin(t.branch()).members())
                    .extracting(NodeLocation::nodeName)
                    .containsExactly("n1", "n2", "n3");
            assertThat(admin(t.branch()).nodeStatus())
                    .contains("Node: n2 (branch)")
                    .contains("Provider: n1")
                    .contains("Subscribers: n3");
            assertThat(admin(t.leaf()).nodeInfoText())
                    .contains("Node: n3  Type: leaf  Queue: cq")
                    .contains("Status: OK")
                    .contains("Provider: n2")
                    .contains("Provider location: " + t.branch().connString());
        }
    }

    @Test
    void failedBatchIsRolledBackRecordedAsErrorAndRetried(ClusterGroup g) throws Exception {
        Tree t = tree(g, "err");
        try (RecordingWorker w2 = new RecordingWorker(t.branch(), "w2");
                RecordingWorker w3 = new RecordingWorker(t.leaf(), "w3")) {
            produce(t.root(), "e", 3);
            drain(w2);
            w3.failOnData = "e2";
            assertThatThrownBy(w3::workOnce).hasMessageContaining("cannot apply event e2");
            assertThat(applied(t.leaf())).isEmpty();
            assertThat(admin(t.leaf()).status()).contains("ERR: w3: cannot apply event e2");
            w3.failOnData = null;
            drain(w3);
            assertThat(applied(t.leaf())).hasSize(3);
            assertThat(admin(t.leaf()).status()).doesNotContain("ERR:");
        }
    }

    @Test
    void c25_dropNodeRefusedWithSubscribersAndRemovesTheLeafEverywhere(ClusterGroup g) throws Exception {
        Tree t = tree(g, "drop");
        try (RecordingWorker w2 = new RecordingWorker(t.branch(), "w2")) {
            assertThatThrownBy(() -> admin(t.root()).dropNode("n2"))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageContaining("node \"n2\" has subscribers (n3)");
            assertThat(admin(t.root()).dropNode("n3")).isEqualTo("node \"n3\" dropped");
            assertThat(t.leaf().queryValue("select count(*) from pgq_node.node_info", Long.class))
                    .isZero();
            assertThat(t.branch().query("select * from pgq_node.get_subscriber_info(?)", QUEUE))
                    .isEmpty();
            assertThat(admin(t.root()).members())
                    .extracting(NodeLocation::nodeName)
                    .containsExactly("n1", "n2");
            assertThat(admin(t.branch()).members())
                    .extracting(NodeLocation::nodeName)
                    .containsExactly("n1", "n2");
        }
    }

    @Test
    void waitProviderAndWaitRootReturnOnceTheWorkerCaughtUp(ClusterGroup g) throws Exception {
        Tree t = tree(g, "waits");
        try (RecordingWorker w2 = new RecordingWorker(t.branch(), "w2")) {
            long tk = produce(t.root(), "w", 2);
            assertThatThrownBy(() -> admin(t.branch()).waitRoot(Duration.ofMillis(300)))
                    .hasMessageContaining("did not reach tick " + tk);
            Future<Long> waited = background.submit(() -> admin(t.branch()).waitProvider(Duration.ofSeconds(30)));
            drain(w2);
            assertThat(waited.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(tk);
            assertThat(admin(t.branch()).waitRoot(Duration.ofSeconds(5))).isGreaterThanOrEqualTo(tk);
        }
    }

    @Test
    void n1_c7_badInputFailsWithOneClearLine(ClusterGroup g) throws Exception {
        TestDatabase root = database(g.get(0), "bad_root");
        TestDatabase other = database(g.get(1), "bad_other");
        TestDatabase plain = database(g.get(2), "bad_plain");
        admin(root).createRoot(setup("r", root, null, "wr"));
        assertThat(admin(root).createRoot(setup("r", root, null, "wr"))).contains("already initialized as root");

        assertThatThrownBy(() -> admin(other).createBranch(setup("b", other, null, "wb")))
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessage("create-branch needs the provider's connect string; give --provider=CONNSTR");
        assertThatThrownBy(() -> admin(other).createLeaf(setup("l", other, plain, "wl")))
                .hasMessage("queue \"cq\" has no cascade node on the provider; create that node first");
        assertThatThrownBy(() -> admin(other).createBranch(setup("r", other, root, "wb")))
                .hasMessageContaining("node \"r\" already exists in the cascade of queue \"cq\"");
        assertThatThrownBy(() -> admin(other)
                        .createBranch(NodeSetup.of(
                                "b", other.connString(), "host=127.0.0.1 port=1 dbname=x user=postgres", "wb")))
                .isInstanceOfSatisfying(
                        SkyToolsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.DB_CONNECT))
                .hasMessageStartingWith("cannot reach provider:");
        assertThatThrownBy(() -> admin(other).createBranch(setup("b", other, other, "wb")))
                .hasMessageContaining("has no cascade node on the provider");
        assertThatThrownBy(() -> admin(other).createRoot(NodeSetup.of("x", root.connString(), null, "wx")))
                .hasMessageContaining("does not reach this database");

        admin(other).createLeaf(setup("l", other, root, "wl"));
        assertThatThrownBy(() -> admin(plain).createLeaf(setup("l2", plain, other, "wl2")))
                .hasMessageContaining("provider node \"l\" is a leaf and cannot have subscribers");
        assertThatThrownBy(() -> admin(plain).nodeInfo())
                .hasMessageStartingWith("queue \"cq\" has no cascade node in the local database");
        assertThatThrownBy(() -> admin(other).pause("nobody", Duration.ZERO))
                .hasMessage("consumer \"nobody\" is not registered on node \"l\" of queue \"cq\"");
        try (RecordingWorker w = new RecordingWorker(plain, "wl2")) {
            assertThatThrownBy(w::workOnce).hasMessageContaining("is not ready in this database");
        }
        try (RecordingWorker w = new RecordingWorker(other, "wrong")) {
            assertThatThrownBy(w::workOnce).hasMessageContaining("is maintained by worker \"wl\"");
        }
    }
}
