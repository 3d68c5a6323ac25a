package org.skytools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/**
 * Producers commit and roll back at random while a ticker ticks and rotates the tables as fast as
 * the consumers allow, and two consumers read: every committed event reaches each consumer exactly
 * once, no rolled-back event ever does, and rotation never truncates an event a consumer still needs.
 */
@PgTest(template = PgqTemplate.class)
@Timeout(120)
class ConcurrentQueueIT {
    private static final Duration PRODUCE_FOR = Duration.ofSeconds(12);
    private static final int PRODUCERS = 3;

    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final Set<String> rolledBack = ConcurrentHashMap.newKeySet();
    private final Queue<String> readByPlain = new ConcurrentLinkedQueue<>();
    private final Queue<String> readByCursor = new ConcurrentLinkedQueue<>();
    private final AtomicInteger producersDone = new AtomicInteger();
    private final AtomicInteger rotations = new AtomicInteger();
    private final Set<Throwable> errors = ConcurrentHashMap.newKeySet();

    @Test
    void committedEventsReachEachConsumerExactlyOnceWhileTablesRotate(TestDatabase db) throws Exception {
        try (PgqSession s = PgqSession.open(db)) {
            s.createEagerQueue("q");
            s.register("q", "plain");
            s.register("q", "cursor");
            s.exec("update pgq.queue set queue_rotation_period = '0'");
        }
        List<PgqSession> sessions = new ArrayList<>();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(PRODUCERS + 3);
        try {
            for (int i = 0; i < PRODUCERS + 3; i++) {
                sessions.add(PgqSession.open(db));
            }
            for (int p = 0; p < PRODUCERS; p++) {
                PgqSession producer = sessions.get(p);
                int id = p;
                pool.execute(() -> guarded(() -> produce(producer, id)));
            }
            // like pgqd with a short ticker period; the consumers poll more often
            PgqSession ticker = sessions.get(PRODUCERS);
            PgqSession plain = sessions.get(PRODUCERS + 1);
            PgqSession cursor = sessions.get(PRODUCERS + 2);
            pool.scheduleWithFixedDelay(() -> guarded(() -> tickAndMaintain(ticker)), 0, 20, TimeUnit.MILLISECONDS);
            pool.scheduleWithFixedDelay(() -> guarded(() -> consumePlain(plain)), 0, 5, TimeUnit.MILLISECONDS);
            pool.scheduleWithFixedDelay(() -> guarded(() -> consumeWithCursor(cursor)), 0, 5, TimeUnit.MILLISECONDS);

            await().atMost(PRODUCE_FOR.plusSeconds(20))
                    .until(() -> producersDone.get() == PRODUCERS || !errors.isEmpty());
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> !errors.isEmpty()
                            || (new HashSet<>(readByPlain).containsAll(committed)
                                    && new HashSet<>(readByCursor).containsAll(committed)));
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            for (PgqSession s : sessions) {
                s.close();
            }
        }

        assertThat(errors).isEmpty();
        assertThat(committed).hasSizeGreaterThan(100);
        assertThat(rolledBack).isNotEmpty();
        assertThat(rotations.get()).as("rotations").isGreaterThan(1);
        for (Queue<String> read : List.of(readByPlain, readByCursor)) {
            // sets keep the comparison linear: tens of thousands of events arrive
            Set<String> distinct = new HashSet<>(read);
            assertThat(read).as("events read, duplicates included").hasSize(distinct.size());
            assertThat(Collections.disjoint(distinct, rolledBack))
                    .as("no rolled back event read")
                    .isTrue();
            assertThat(distinct.equals(committed))
                    .as("every committed event read")
                    .isTrue();
        }
    }

    /** A worker step that may throw; a failure is recorded, which ends the test's waits. */
    private interface Work {
        void run() throws Exception;
    }

    private void guarded(Work work) {
        try {
            work.run();
        } catch (Exception | Error e) {
            errors.add(e);
            throw new IllegalStateException(e);
        }
    }

    private void produce(PgqSession s, int producer) throws SQLException {
        long until = System.nanoTime() + PRODUCE_FOR.toNanos();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            for (int tx = 0; System.nanoTime() < until && errors.isEmpty(); tx++) {
                // Now and then a long transaction that stays open across many ticks while the
                // others commit hundreds of short ones: batches must then find it by its txid.
                int dice = random.nextInt(40);
                int events = dice == 0 ? 300 : dice < 4 ? 40 : 1 + random.nextInt(4);
                List<String> batch = new ArrayList<>();
                s.begin();
                for (int i = 0; i < events; i++) {
                    String data = "p" + producer + "-" + tx + "-" + i;
                    s.insert("q", data);
                    batch.add(data);
                }
                if (random.nextInt(10) < 3) {
                    s.rollback();
                    rolledBack.addAll(batch);
                } else {
                    s.commit();
                    committed.addAll(batch);
                }
            }
        } finally {
            producersDone.incrementAndGet();
        }
    }

    /** What pgqd does: tick, then run the maintenance operations, each in its own transaction. */
    private void tickAndMaintain(PgqSession s) throws SQLException {
        int before = s.value("select queue_cur_table from pgq.queue", Integer.class);
        s.value("select pgq.ticker()", Long.class);
        for (Map<String, Object> op : s.rows("select func_name, func_arg from pgq.maint_operations()")) {
            String fn = (String) op.get("func_name");
            Object arg = op.get("func_arg");
            if (fn.startsWith("pgq.maint_rotate_tables_step")) {
                if (arg == null) {
                    s.value("select " + fn + "()", Integer.class);
                } else {
                    s.value("select " + fn + "(?)", Integer.class, arg);
                }
            }
        }
        s.value("select pgq.maint_retry_events()", Integer.class);
        if (s.value("select queue_cur_table from pgq.queue", Integer.class) != before) {
            rotations.incrementAndGet();
        }
    }

    private void consumePlain(PgqSession s) throws SQLException {
        for (Long batch = s.nextBatch("q", "plain"); batch != null; batch = s.nextBatch("q", "plain")) {
            readByPlain.addAll(s.batchData(batch));
            s.finish(batch);
        }
    }

    /** Reads each batch through a cursor in small fetches, in one transaction with finish_batch. */
    private void consumeWithCursor(PgqSession s) throws SQLException {
        while (true) {
            s.begin();
            Long batch = s.nextBatch("q", "cursor");
            if (batch == null) {
                s.commit();
                return;
            }
            List<String> data = new ArrayList<>();
            for (Map<String, Object> row : s.rows("select ev_data from pgq.get_batch_cursor(?, 'evs', 5)", batch)) {
                data.add((String) row.get("ev_data"));
            }
            List<Map<String, Object>> more;
            do {
                more = s.rows("fetch 7 from evs");
                more.forEach(row -> data.add((String) row.get("ev_data")));
            } while (!more.isEmpty());
            s.exec("close evs");
            s.finish(batch);
            s.commit();
            readByCursor.addAll(data);
        }
    }
}
