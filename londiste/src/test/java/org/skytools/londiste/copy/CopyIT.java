package org.skytools.londiste.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.skytools.londiste.fixture.TwoNodes.LEAF_WORKER;
import static org.skytools.londiste.fixture.TwoNodes.QUEUE;
import static org.skytools.londiste.fixture.TwoNodes.digest;
import static org.skytools.londiste.fixture.TwoNodes.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.londiste.fixture.LondisteTemplate;
import org.skytools.londiste.fixture.MiniReplay;
import org.skytools.londiste.fixture.TwoNodes;
import org.skytools.londiste.fixture.UrlencApplier;
import org.skytools.londiste.table.AddTableOptions;
import org.skytools.londiste.table.TableAdmin;
import org.skytools.testkit.ClusterGroup;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** The copy state machine (behaviour.md §2, §7) between a root and a leaf, with a small replay loop. */
@PgTest(clusters = 2, template = LondisteTemplate.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CopyIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TABLE_DDL = "create table t (id int primary key, v text, n int)";
    private static final String BLOCKER = "create function blocker() returns trigger language plpgsql as $$"
            + " begin if new.id = 50000 then perform pg_advisory_lock(4242); perform pg_advisory_unlock(4242); end if;"
            + " return new; end $$;"
            + " create trigger blocker before insert on t for each row execute function blocker();"
            + " alter table t enable always trigger blocker";

    private final TableAdmin admin = new TableAdmin(QUEUE, Duration.ofSeconds(10));

    private TwoNodes setUp(TestDatabase db, ClusterGroup group, int rows, String... leafSql) throws Exception {
        TwoNodes n = TwoNodes.create(db, group.get(1));
        n.root.execute(TABLE_DDL);
        n.root.execute("insert into t select g, 'v' || g, g % 7 from generate_series(1, ?) g", rows);
        n.leaf.execute(TABLE_DDL);
        for (String sql : leafSql) {
            n.leaf.execute(sql);
        }
        try (Connection root = n.root.connect();
                Connection leaf = n.leaf.connect()) {
            admin.addTables(root, null, List.of("t"), AddTableOptions.defaults());
            admin.addTables(leaf, root, List.of("t"), AddTableOptions.defaults());
        }
        return n;
    }

    private static TableCopier copier(TwoNodes n, UrlencApplier applier) {
        return new TableCopier(QUEUE, LEAF_WORKER, n.leaf::connect, n.root::connect, loc -> n.root.connect(), applier)
                .waitMillis(50, 50);
    }

    private static void replayUntilInSync(MiniReplay replay, TwoNodes n) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            replay.step();
            return "ok".equals(state(n.leaf, "public.t")) && digest(n.root, "t").equals(digest(n.leaf, "t"));
        });
    }

    private static long copyConsumers(TwoNodes n) {
        return n.root.queryValue(
                "select count(*) from pgq.get_consumer_info(?) where consumer_name like ?",
                Long.class,
                QUEUE,
                LEAF_WORKER + ".copy.%");
    }

    @Test
    void l3_l5_l6_l11_copyOf100kRowsWhileTheRootKeepsChangingEndsEqualToTheSource(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = setUp(db, group, 100_000);
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 1);
        UrlencApplier applier = new UrlencApplier();
        TableCopier copier = copier(n, applier);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicBoolean replaying = new AtomicBoolean(true);
        AtomicLong writes = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            Random rnd = new Random(7);
            int next = 100_001;
            try (Connection c = n.root.connect();
                    var st = c.createStatement()) {
                while (writing.get()) {
                    switch (rnd.nextInt(3)) {
                        case 0 -> st.execute("insert into t values (" + next++ + ", 'new', 1)");
                        case 1 -> st.execute(
                                "update t set v = 'upd' || n, n = n + 1 where id = " + (1 + rnd.nextInt(next - 1)));
                        default -> st.execute("delete from t where id = " + (1 + rnd.nextInt(next - 1)));
                    }
                    writes.incrementAndGet();
                }
            } catch (SQLException e) {
                failure.set(e);
            }
        });
        Thread copy = new Thread(copier);
        try (MiniReplay replay = new MiniReplay(n, coordinator, applier)) {
            Thread replayer = new Thread(() -> {
                try {
                    while (replaying.get()) {
                        replay.step();
                    }
                } catch (SQLException | RuntimeException e) {
                    failure.set(e);
                }
            });
            try {
                writer.start();
                await().atMost(WAIT).until(() -> writes.get() > 100);
                replayer.start();
                copy.start();
                await().atMost(WAIT).until(() -> failure.get() != null || "ok".equals(state(n.leaf, "public.t")));
                long writesDuringCopy = writes.get();
                writing.set(false);
                writer.join();
                assertThat(failure.get()).isNull();
                assertThat(writesDuringCopy).isGreaterThan(100);
                await().atMost(WAIT)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() ->
                                failure.get() != null || digest(n.root, "t").equals(digest(n.leaf, "t")));
            } finally {
                writing.set(false);
                replaying.set(false);
                copier.stop();
                writer.join();
                replayer.join();
                copy.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(digest(n.leaf, "t")).isEqualTo(digest(n.root, "t"));
            assertThat(replay.applied()).isPositive();
            assertThat(n.leaf.queryValue(
                            "select custom_snapshot from londiste.table_info where table_name = 'public.t'",
                            String.class))
                    .as("the snapshot is dropped once batches start past it (L-11)")
                    .isNull();
            assertThat(copyConsumers(n)).isZero();
        }
    }

    @Test
    void l4_l5_l6_eventsTheReplayPassedDuringTheCopyAreAppliedByTheCopy(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = setUp(db, group, 60_000, BLOCKER);
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 1);
        UrlencApplier applier = new UrlencApplier();
        TableCopier copier = copier(n, applier);
        try (MiniReplay replay = new MiniReplay(n, coordinator, applier);
                Connection gate = n.leaf.connect()) {
            await().atMost(WAIT).until(replay::step);
            assertThat(state(n.leaf, "public.t")).isEqualTo("in-copy");
            assertThat(coordinator.claimed()).containsExactly("public.t");
            gate.createStatement().execute("select pg_advisory_lock(4242)");
            CompletableFuture<CopyOutcome> copy = copyInBackground(copier);
            awaitBlockedCopy(n);
            // L-4: before its COPY the copy has its own consumer on the source, at the current tick
            assertThat(n.root.queryValue(
                            "select last_tick = (select last_tick_id from pgq.get_queue_info(?))"
                                    + " from pgq.get_consumer_info(?, ?)",
                            Boolean.class,
                            QUEUE,
                            QUEUE,
                            copier.copyConsumer("public.t")))
                    .isTrue();
            n.root.execute("update t set v = 'changed' where id <= 10");
            n.root.execute("insert into t values (200001, 'late', 0)");
            n.root.execute("delete from t where id = 20");
            long before = replay.completedTick();
            await().atMost(WAIT).until(() -> replay.step() && replay.completedTick() > before + 1);
            assertThat(replay.applied())
                    .as("the table is in-copy: the replay skips its events")
                    .isZero();
            gate.createStatement().execute("select pg_advisory_unlock(4242)");
            // the copy hands over at the first tick after it: the replay (which ticks) goes on
            await().atMost(WAIT).until(() -> {
                replay.step();
                return copy.isDone();
            });
            CopyOutcome outcome = copy.get();
            assertThat(outcome.status()).isEqualTo(CopyOutcome.Status.COPIED);
            assertThat(outcome.rows()).isEqualTo(60_000);
            assertThat(outcome.gapEvents()).isEqualTo(12);
            assertThat(outcome.syncTick()).isGreaterThan(before);
            assertThat(state(n.leaf, "public.t")).isIn("ok", "wanna-sync:" + outcome.syncTick());
            replayUntilInSync(replay, n);
            assertThat(n.leaf.queryValue("select v from t where id = 5", String.class))
                    .isEqualTo("changed");
        }
    }

    @Test
    void l14_removeTableDuringItsCopyWaitsForTheCopyWithoutHoldingUpTheReplayOrDeadlocking(
            TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = setUp(db, group, 60_000, BLOCKER);
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 1);
        UrlencApplier applier = new UrlencApplier();
        TableCopier copier = copier(n, applier);
        try (MiniReplay replay = new MiniReplay(n, coordinator, applier);
                Connection gate = n.leaf.connect();
                Connection adminConn = n.leaf.connect()) {
            await().atMost(WAIT).until(replay::step);
            gate.createStatement().execute("select pg_advisory_lock(4242)");
            CompletableFuture<CopyOutcome> copy = copyInBackground(copier);
            awaitBlockedCopy(n);
            CompletableFuture<List<String>> removal = CompletableFuture.supplyAsync(() -> {
                try {
                    return admin.removeTables(adminConn, List.of("t"), false);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long before = replay.completedTick();
            await().atMost(WAIT).until(() -> replay.step() && replay.completedTick() > before + 1);
            assertThat(removal)
                    .as("the removal waits for the copy's lock on the table, not holding the worker's row")
                    .isNotDone();

            gate.createStatement().execute("select pg_advisory_unlock(4242)");
            await().atMost(WAIT).until(() -> {
                replay.step();
                return copy.isDone() && removal.isDone();
            });
            assertThat(copy.get().status()).isEqualTo(CopyOutcome.Status.COPIED);
            assertThat(removal.get()).containsExactly("public.t");
            assertThat(n.leaf.queryValue(
                            "select local from londiste.table_info where table_name = 'public.t'", Boolean.class))
                    .isFalse();
            assertThat(copyConsumers(n)).isZero();
            long after = replay.completedTick();
            await().atMost(WAIT).until(() -> replay.step() && replay.completedTick() > after);
        }
    }

    @Test
    void l12_copyKilledInTheMiddleOfCopyRollsBackAndTheNextCopyConverges(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = setUp(db, group, 100_000, "insert into t values (999999, 'junk', 0)", BLOCKER);
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 1);
        UrlencApplier applier = new UrlencApplier();
        TableCopier copier = copier(n, applier);
        try (MiniReplay replay = new MiniReplay(n, coordinator, applier);
                Connection gate = n.leaf.connect()) {
            await().atMost(WAIT).until(replay::step);
            gate.createStatement().execute("select pg_advisory_lock(4242)");
            CompletableFuture<CopyOutcome> copy = copyInBackground(copier);
            int pid = awaitBlockedCopy(n);
            n.leaf.queryValue("select pg_terminate_backend(?)", Boolean.class, pid);
            assertThatThrownBy(() -> copy.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            gate.createStatement().execute("select pg_advisory_unlock(4242)");
            assertThat(state(n.leaf, "public.t")).isEqualTo("in-copy");
            assertThat(n.leaf.queryValue("select string_agg(v, ',') from t", String.class))
                    .as("truncate and half a COPY rolled back")
                    .isEqualTo("junk");
            n.leaf.execute("drop trigger blocker on t");
            n.root.execute("update t set v = 'after-kill' where id <= 5");
            try (AutoCloseable ticker = replay.ticking()) {
                assertThat(copier.copyNext())
                        .hasValueSatisfying(o -> assertThat(o.rows()).isEqualTo(100_000));
            }
            assertThat(state(n.leaf, "public.t"))
                    .as("the replay did not move during the copy: it takes the table over after the sync tick")
                    .startsWith("wanna-sync:");
            replayUntilInSync(replay, n);
            assertThat(n.leaf.queryValue("select count(*) from t where id = 999999", Long.class))
                    .isZero();
            assertThat(copyConsumers(n)).isZero();
        }
    }

    @Test
    void l22_threadedCopyLoadsOverSeveralConnectionsAndADeadAttemptIsFinishedFromTheKeptDdl(
            TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = setUp(
                db,
                group,
                60_000,
                "create index t_v on t (v)",
                "alter table t add constraint n_small check (n < 7)",
                "alter table t alter column n set not null");
        // a row the leaf refuses: the first attempt dies in the middle of loading
        n.root.execute("update t set n = null where id = 40000");
        ThreadedCopy threaded = new ThreadedCopy(List.of("t"), 3);
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 3).threaded(threaded);
        UrlencApplier applier = new UrlencApplier();
        TableCopier copier = copier(n, applier).threaded(threaded);
        try (MiniReplay replay = new MiniReplay(n, coordinator, applier)) {
            await().atMost(WAIT).until(replay::step);
            assertThat(coordinator.claimed()).containsExactly("public.t");
            // the table in copy takes all three of parallel_copies: a table added now waits
            n.root.execute("create table u (id int primary key)");
            n.leaf.execute("create table u (id int primary key)");
            try (Connection root = n.root.connect();
                    Connection leaf = n.leaf.connect()) {
                admin.addTables(root, null, List.of("u"), AddTableOptions.defaults());
                admin.addTables(leaf, root, List.of("u"), AddTableOptions.defaults());
            }
            replay.tick();
            await().atMost(WAIT).until(replay::step);
            assertThat(state(n.leaf, "public.u")).isEqualTo("NULL");

            assertThatThrownBy(() -> copier.copyTable("public.t")).hasMessageContaining("null value");
            assertThat(state(n.leaf, "public.t")).isEqualTo("in-copy");
            assertThat(n.leaf.queryValue("select to_regclass('public.t_v') is null", Boolean.class))
                    .as("the truncate and the dropped DDL were committed before the load")
                    .isTrue();
            assertThat(n.leaf.queryValue(
                            "select dropped_ddl from londiste.table_info where table_name = 'public.t'", String.class))
                    .contains("t_v", "n_small", "t_pkey");

            // a resync now changes nothing: the table is in copy, its next copy starts over
            try (Connection leaf = n.leaf.connect()) {
                assertThat(admin.resync(leaf, null, List.of("t"), false, null, false))
                        .containsExactly("public.t");
            }
            assertThat(state(n.leaf, "public.t")).isEqualTo("in-copy");

            n.root.execute("update t set n = 1 where id = 40000");
            try (AutoCloseable ticker = replay.ticking()) {
                assertThat(copier.copyNext())
                        .hasValueSatisfying(o -> assertThat(o.rows()).isEqualTo(60_000));
            }
            assertThat(n.leaf.queryValue("select count(distinct xmin::text) from t", Long.class))
                    .as("each connection loaded its share in its own transaction")
                    .isEqualTo(3L);
            replayUntilInSync(replay, n);
            assertThat(n.leaf.queryValue(
                            "select count(*) from pg_constraint where conrelid = 't'::regclass"
                                    + " and conname in ('t_pkey', 'n_small')",
                            Long.class))
                    .isEqualTo(2L);
            assertThat(n.leaf.queryValue("select to_regclass('public.t_v') is not null", Boolean.class))
                    .isTrue();
            assertThat(n.leaf.queryValue(
                            "select dropped_ddl from londiste.table_info where table_name = 'public.t'", String.class))
                    .isNull();
            // with the threaded table ok, the waiting one is claimed
            assertThat(state(n.leaf, "public.u")).isEqualTo("in-copy");
        }
    }

    @Test
    void binaryCopyOnlyForTheSameBuiltInTypesOnBothSides(TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = TwoNodes.create(db, group.get(1));
        n.root.execute("create type mood as enum ('ok', 'sad')");
        n.leaf.execute("create type mood as enum ('ok', 'sad')");
        n.root.execute("create table same (id int primary key, v text, a int[], t timestamptz, m mood)");
        n.leaf.execute("create table same (id int primary key, v text, a int[], t timestamptz, m mood)");
        n.root.execute("create table wider (id int primary key, v varchar(10))");
        n.leaf.execute("create table wider (id bigint primary key, v varchar(10))");
        try (Connection root = n.root.connect();
                Connection leaf = n.leaf.connect()) {
            org.skytools.common.db.FqName same = org.skytools.common.db.FqName.parse("public.same");
            org.skytools.common.db.FqName wider = org.skytools.common.db.FqName.parse("public.wider");
            assertThat(CopyFormat.binaryPossible(root, same, leaf, same, List.of("id", "v", "a", "t")))
                    .isTrue();
            assertThat(CopyFormat.binaryPossible(root, same, leaf, same, List.of("id", "m")))
                    .as("an enum is not built in: its oid differs between databases")
                    .isFalse();
            assertThat(CopyFormat.binaryPossible(root, wider, leaf, wider, List.of("id", "v")))
                    .as("int4 against int8")
                    .isFalse();
            assertThat(CopyFormat.binaryPossible(root, wider, leaf, wider, List.of("v")))
                    .isTrue();
        }
    }

    @Test
    void l22_f1_f2_parallelCopiesBoundClaimsAndForeignKeysComeBackWhenBothTablesAreOk(
            TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = TwoNodes.create(db, group.get(1));
        String parent = "create table parent (id int primary key)";
        String child = "create table child (id int primary key, pid int references parent)";
        for (TestDatabase d : List.of(n.root, n.leaf)) {
            d.execute(parent);
            d.execute(child);
        }
        n.root.execute("insert into parent select generate_series(1, 100)");
        n.root.execute("insert into child select g, g from generate_series(1, 100) g");
        try (Connection root = n.root.connect();
                Connection leaf = n.leaf.connect()) {
            admin.addTables(root, null, List.of("parent", "child"), AddTableOptions.defaults());
            admin.addTables(leaf, root, List.of("parent", "child"), AddTableOptions.defaults());
        }
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 1);
        UrlencApplier applier = new UrlencApplier();
        TableCopier copier = copier(n, applier);
        try (MiniReplay replay = new MiniReplay(n, coordinator, applier)) {
            await().atMost(WAIT).until(replay::step);
            assertThat(coordinator.claimed()).containsExactly("public.parent");
            assertThat(state(n.leaf, "public.child")).isEqualTo("NULL");
            assertThat(n.leaf.queryValue("select count(*) from londiste.pending_fkeys", Long.class))
                    .as("F-1: the fkey is saved and dropped before the copy")
                    .isEqualTo(1L);
            try (AutoCloseable ticker = replay.ticking()) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
                    copier.copyNext();
                    replay.step();
                    return "ok".equals(state(n.leaf, "public.parent"))
                            && "ok".equals(state(n.leaf, "public.child"))
                            && n.leaf.queryValue("select count(*) from londiste.pending_fkeys", Long.class) == 0;
                });
            }
            assertThat(n.leaf.queryValue(
                            "select count(*) from pg_constraint where conrelid = 'child'::regclass and contype = 'f'",
                            Long.class))
                    .isEqualTo(1L);
            assertThat(digest(n.leaf, "child")).isEqualTo(digest(n.root, "child"));
        }
    }

    // Copies table t in another thread, as the worker's copy thread does.
    private static CompletableFuture<CopyOutcome> copyInBackground(TableCopier copier) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return copier.copyTable("public.t");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // The copy's backend waiting for the gate's advisory lock, inside the COPY.
    private static int awaitBlockedCopy(TwoNodes n) {
        AtomicReference<Integer> pid = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<java.util.Map<String, Object>> rows =
                    n.leaf.query("select a.pid from pg_stat_activity a join pg_locks l on l.pid = a.pid"
                            + " where l.locktype = 'advisory' and not l.granted and a.datname = current_database()");
            if (rows.isEmpty()) {
                return false;
            }
            pid.set(((Number) rows.get(0).get("pid")).intValue());
            return true;
        });
        return pid.get();
    }

    @Test
    void l16_copyFromAnotherNodeHandsOverAtATickAndFindCopyNodeWalksUp(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = TwoNodes.create(db, group.get(1));
        for (TestDatabase d : List.of(n.root, n.leaf)) {
            d.execute(TABLE_DDL);
            d.execute("create table t2 (id int primary key, v text, n int)");
        }
        n.root.execute("insert into t select g, 'v' || g, g % 7 from generate_series(1, 20000) g");
        n.root.execute("insert into t2 select g, 'v' || g, g % 7 from generate_series(1, 1000) g");
        // the same root database under a second node name: a copy source that is not the provider
        n.leaf.queryValue(
                "select ret_code from pgq_node.register_location(?, 'rootcopy', 'dbname=rootcopy', false)",
                Integer.class,
                QUEUE);
        try (Connection root = n.root.connect();
                Connection leaf = n.leaf.connect()) {
            admin.addTables(root, null, List.of("t", "t2"), AddTableOptions.defaults());
            admin.addTables(
                    leaf,
                    root,
                    List.of("t"),
                    AddTableOptions.builder().copyNode("rootcopy").build());
            admin.addTables(
                    leaf,
                    root,
                    List.of("t2"),
                    AddTableOptions.builder().findCopyNode(true).build());
        }
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 2);
        UrlencApplier applier = new UrlencApplier();
        TableCopier copier = copier(n, applier);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (MiniReplay replay = new MiniReplay(n, coordinator, applier)) {
            Thread replayer = new Thread(() -> {
                try {
                    int i = 0;
                    while (running.get()) {
                        n.root.execute("update t set n = n + 1 where id = ?", 1 + (i++ % 20000));
                        replay.step();
                    }
                } catch (SQLException | RuntimeException e) {
                    failure.set(e);
                }
            });
            Thread copy = new Thread(copier);
            try {
                replayer.start();
                copy.start();
                await().atMost(WAIT)
                        .until(() -> failure.get() != null
                                || ("ok".equals(state(n.leaf, "public.t")) && "ok".equals(state(n.leaf, "public.t2"))));
            } finally {
                running.set(false);
                copier.stop();
                replayer.join();
                copy.join();
            }
            assertThat(failure.get()).isNull();
            replayUntilInSync(replay, n);
            assertThat(digest(n.leaf, "t2")).isEqualTo(digest(n.root, "t2"));
        }
    }

    @Test
    void l13_resyncDuringTheCopyDropsThatCopyAndTheTableIsCopiedAgain(TestDatabase db, ClusterGroup group)
            throws Exception {
        TwoNodes n = setUp(db, group, 60_000, BLOCKER);
        CopyCoordinator coordinator = new CopyCoordinator(QUEUE, LEAF_WORKER, 1);
        UrlencApplier applier = new UrlencApplier();
        TableCopier copier = copier(n, applier);
        try (MiniReplay replay = new MiniReplay(n, coordinator, applier);
                Connection gate = n.leaf.connect()) {
            await().atMost(WAIT).until(replay::step);
            gate.createStatement().execute("select pg_advisory_lock(4242)");
            CompletableFuture<CopyOutcome> copy = copyInBackground(copier);
            awaitBlockedCopy(n);
            try (Connection leaf = n.leaf.connect();
                    Connection root = n.root.connect()) {
                admin.resync(leaf, root, List.of("t"), false, null, false);
            }
            gate.createStatement().execute("select pg_advisory_unlock(4242)");
            assertThat(copy.get(60, TimeUnit.SECONDS).status()).isEqualTo(CopyOutcome.Status.NOT_IN_COPY);
            assertThat(state(n.leaf, "public.t")).isEqualTo("NULL");
            assertThat(copyConsumers(n)).isZero();
            try (AutoCloseable ticker = replay.ticking()) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
                    replay.step();
                    return copier.copyNext().isPresent();
                });
            }
            replayUntilInSync(replay, n);
        }
    }

    @Test
    void staleCopyConsumersGoAtTheFirstIdleLookAndIdleLooksDoNotTouchTheProviderAgain(
            TestDatabase db, ClusterGroup group) throws Exception {
        TwoNodes n = setUp(db, group, 10);
        TableCopier copier = copier(n, new UrlencApplier());
        n.root.execute("select pgq.register_consumer(?, ?)", QUEUE, LEAF_WORKER + ".copy.public.gone");

        assertThat(copier.copyNext()).isEmpty();
        assertThat(copyConsumers(n)).isZero();

        // without a copy in between, an idle look reads the local node only
        n.root.execute("select pgq.register_consumer(?, ?)", QUEUE, LEAF_WORKER + ".copy.public.gone");
        assertThat(copier.copyNext()).isEmpty();
        assertThat(copyConsumers(n)).isOne();
    }
}
