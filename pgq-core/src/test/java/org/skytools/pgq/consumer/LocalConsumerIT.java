package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.testsupport.PgqTemplate;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

@PgTest(template = PgqTemplate.class)
@Timeout(120)
class LocalConsumerIT {
    private static final ConsumerSettings SETTINGS = ConsumerSettings.of("q", "c");

    @TempDir
    Path dir;

    private final List<String> applied = new ArrayList<>();
    private final BatchHandler collect = b -> b.events().forEach(e -> applied.add(e.data()));

    private LocalTickFile tickFile() {
        return new LocalTickFile(dir.resolve("job.tick"));
    }

    private static void createQueue(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            new PgqClient(c).createQueue("q");
        }
    }

    private static long produceAndTick(TestDatabase db, String... data) throws SQLException {
        try (Connection c = db.connect()) {
            for (String d : data) {
                new PgqClient(c).insertEvent("q", "t", d);
            }
            return TestQueues.tick(c, "q");
        }
    }

    private static Long queueTick(TestDatabase db) {
        return db.queryValue("select last_tick from pgq.get_consumer_info('q', 'c')", Long.class);
    }

    @Test
    void firstStartRegistersAtQueueTopAndTracksEachBatchInTheFile(TestDatabase db) throws Exception {
        createQueue(db);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            LocalConsumer consumer = new LocalConsumer(SETTINGS, src, tickFile(), collect);
            assertThat(consumer.work(new Stats())).isFalse();
            assertThat(queueTick(db)).isEqualTo(1L);
            long t = produceAndTick(db, "a", "b");
            assertThat(consumer.work(new Stats())).isTrue();
            assertThat(tickFile().load()).hasValue(t);
            assertThat(queueTick(db)).isEqualTo(t);
        }
        assertThat(applied).containsExactly("a", "b");
    }

    @Test
    void missingFileTakesTheQueuePosition(TestDatabase db) throws Exception {
        createQueue(db);
        db.execute("select pgq.register_consumer('q', 'c')");
        long t = produceAndTick(db, "a");
        db.execute("select pgq.register_consumer_at('q', 'c', ?)", t);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            new LocalConsumer(SETTINGS, src, tickFile(), collect).checkQueue();
        }
        assertThat(tickFile().load()).hasValue(t);
    }

    @Test
    void fileAheadOfTheQueueRepositionsTheConsumer(TestDatabase db) throws Exception {
        createQueue(db);
        db.execute("select pgq.register_consumer('q', 'c')");
        long t2 = produceAndTick(db, "old");
        long t3 = produceAndTick(db, "new");
        tickFile().save(t2);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            LocalConsumer consumer = new LocalConsumer(SETTINGS, src, tickFile(), collect);
            assertThat(consumer.work(new Stats())).isTrue();
            assertThat(consumer.work(new Stats())).isFalse();
        }
        assertThat(applied)
                .as("the event before the file's tick is not applied again")
                .containsExactly("new");
        assertThat(tickFile().load()).hasValue(t3);
    }

    @Test
    void fileBehindTheQueueRewindsTheQueue(TestDatabase db) throws Exception {
        createQueue(db);
        db.execute("select pgq.register_consumer('q', 'c')");
        long t2 = produceAndTick(db, "a");
        produceAndTick(db, "b");
        db.execute("select pgq.register_consumer_at('q', 'c', (select max(tick_id) from pgq.tick))");
        tickFile().save(t2);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            LocalConsumer consumer = new LocalConsumer(SETTINGS, src, tickFile(), collect);
            consumer.checkQueue();
            assertThat(queueTick(db)).isEqualTo(t2);
            assertThat(consumer.work(new Stats())).isTrue();
        }
        assertThat(applied).containsExactly("b");
    }

    @Test
    void failureBeforeTheFileIsWrittenAppliesTheBatchAgain(TestDatabase db) throws Exception {
        createQueue(db);
        AtomicBoolean fail = new AtomicBoolean(true);
        BatchHandler failing = b -> {
            collect.handle(b);
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("target went away");
            }
        };
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            LocalConsumer consumer = new LocalConsumer(SETTINGS, src, tickFile(), failing);
            consumer.work(new Stats());
            produceAndTick(db, "x");
            assertThatThrownBy(() -> consumer.work(new Stats())).hasMessage("target went away");
            assertThat(consumer.work(new Stats())).isTrue();
        }
        assertThat(applied).as("at least once").containsExactly("x", "x");
    }

    @Test
    void crashAfterTheFileIsWrittenDoesNotApplyTheBatchAgain(TestDatabase db) throws Exception {
        createQueue(db);
        AtomicBoolean crash = new AtomicBoolean(true);
        BatchListener listener = new BatchListener() {
            @Override
            public void batchProcessed(NextBatchInfo batch) {
                if (crash.getAndSet(false)) {
                    throw new IllegalStateException("killed before finish_batch");
                }
            }
        };
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            LocalConsumer consumer =
                    new LocalConsumer(SETTINGS, src, tickFile(), collect, BatchListener.NONE, Clock.systemUTC());
            consumer.work(new Stats());
            long t = produceAndTick(db, "y");
            LocalConsumer crashing = new LocalConsumer(SETTINGS, src, tickFile(), collect, listener, Clock.systemUTC());
            assertThatThrownBy(() -> crashing.work(new Stats())).hasMessageContaining("killed");
            assertThat(tickFile().load()).hasValue(t);
            // the file is ahead of the open batch: the restart repositions past it instead of applying it
            LocalConsumer restarted = new LocalConsumer(SETTINGS, src, tickFile(), collect);
            assertThat(restarted.work(new Stats())).isFalse();
            assertThat(queueTick(db)).isEqualTo(t);
        }
        assertThat(applied).containsExactly("y");
    }

    @Test
    void retryIsRefused(TestDatabase db) throws Exception {
        createQueue(db);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            LocalConsumer consumer =
                    new LocalConsumer(SETTINGS, src, tickFile(), b -> b.events().forEach(e -> e.tagRetry(10)));
            consumer.work(new Stats());
            produceAndTick(db, "z");
            assertThatThrownBy(() -> consumer.work(new Stats())).hasMessageContaining("cannot retry");
            assertThat(tickFile().load()).as("the batch is not marked done").isEmpty();
            assertThat(queueTick(db)).isEqualTo(1L);
        }
    }

    @Test
    void rewindAndResetCommands(TestDatabase db) throws Exception {
        createQueue(db);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            LocalConsumer consumer = new LocalConsumer(SETTINGS, src, tickFile(), collect);
            assertThat(consumer.rewind()).as("no file yet").isFalse();
            assertThat(consumer.register()).isEqualTo(1);
            long t2 = produceAndTick(db, "a");
            assertThat(consumer.work(new Stats())).isTrue();
            assertThat(tickFile().load()).hasValue(t2);
            tickFile().save(1);
            assertThat(consumer.rewind()).isTrue();
            assertThat(queueTick(db)).isEqualTo(1L);
            consumer.reset();
            assertThat(tickFile().load()).isEmpty();
            assertThat(consumer.unregister()).isEqualTo(1);
            assertThat(queueTick(db)).isNull();
        }
    }
}
