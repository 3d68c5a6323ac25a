package org.skytools.pgq.coop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.Event;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.consumer.BatchHandler;
import org.skytools.pgq.consumer.BatchListener;
import org.skytools.pgq.consumer.ConnectionSource;
import org.skytools.pgq.consumer.ConsumerSettings;
import org.skytools.pgq.consumer.JdbcConnectionSource;
import org.skytools.pgq.testsupport.PgqTemplate;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

@PgTest(template = PgqTemplate.class)
@Timeout(120)
class CoopConsumerIT {
    private static final ConsumerSettings SETTINGS = ConsumerSettings.of("q", "grp");

    /** Batch ids and event data one subconsumer processed. */
    static final class Seen implements BatchHandler {
        final List<Long> batches = new ArrayList<>();
        final List<String> data = new ArrayList<>();

        @Override
        public void handle(org.skytools.pgq.consumer.Batch batch) {
            batches.add(batch.id());
            for (Event ev : batch.events()) {
                data.add(ev.data());
            }
        }
    }

    private static long produce(TestDatabase db, String... data) throws SQLException {
        try (Connection c = db.connect()) {
            for (String d : data) {
                new PgqClient(c).insertEvent("q", "t", d);
            }
            return TestQueues.tick(c, "q");
        }
    }

    @Test
    void q38_subconsumersTakeDisjointConsecutiveBatches(TestDatabase db) throws Exception {
        db.execute("select pgq.create_queue('q')");
        Seen seenA = new Seen();
        Seen seenB = new Seen();
        try (ConnectionSource srcA = new JdbcConnectionSource(db.jdbcUrl());
                ConnectionSource srcB = new JdbcConnectionSource(db.jdbcUrl())) {
            CoopConsumer a = new CoopConsumer(SETTINGS, new CoopSettings("a", null), srcA, seenA);
            CoopConsumer b = new CoopConsumer(SETTINGS, new CoopSettings("b", null), srcB, seenB);
            assertThat(a.register()).isEqualTo(1);
            assertThat(a.register()).isEqualTo(0);
            assertThat(b.register()).isEqualTo(1);
            produce(db, "1");
            produce(db, "2");
            produce(db, "3");
            assertThat(a.work(new Stats())).isTrue();
            assertThat(b.work(new Stats())).isTrue();
            assertThat(a.work(new Stats())).isTrue();
            assertThat(b.work(new Stats())).isFalse();
            assertThat(a.unregister()).isEqualTo(1);
        }
        assertThat(seenA.data).containsExactly("1", "3");
        assertThat(seenB.data).containsExactly("2");
    }

    @Test
    void q40_deadSubconsumersOpenBatchIsTakenOver(TestDatabase db) throws Exception {
        db.execute("select pgq.create_queue('q')");
        Seen seenA = new Seen();
        Seen seenB = new Seen();
        BatchListener dies = new BatchListener() {
            @Override
            public void batchProcessed(NextBatchInfo batch) {
                throw new IllegalStateException("subconsumer a died");
            }
        };
        try (ConnectionSource srcA = new JdbcConnectionSource(db.jdbcUrl());
                ConnectionSource srcB = new JdbcConnectionSource(db.jdbcUrl())) {
            CoopConsumer a =
                    new CoopConsumer(SETTINGS, new CoopSettings("a", null), srcA, seenA, dies, Clock.systemUTC());
            CoopConsumer b = new CoopConsumer(SETTINGS, new CoopSettings("b", "1 second"), srcB, seenB);
            a.register();
            b.register();
            produce(db, "orphan");
            assertThatThrownBy(() -> a.work(new Stats())).hasMessageContaining("died");
            assertThat(b.work(new Stats())).as("a is not dead yet").isFalse();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> b.work(new Stats()));
        }
        assertThat(seenB.batches).containsExactly(seenA.batches.get(0));
        assertThat(seenB.data).containsExactly("orphan");
        assertThat(db.queryValue("select count(*) from pgq.get_consumer_info('q', 'grp.a')", Long.class))
                .as("dead subconsumer removed")
                .isZero();
    }

    @Test
    void subconsumerCanRetryEventsAndIsRefusedUnregisterWithOpenBatch(TestDatabase db) throws Exception {
        db.execute("select pgq.create_queue('q')");
        BatchHandler retryAll = batch -> batch.events().forEach(e -> e.tagRetry(0));
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            CoopConsumer a = new CoopConsumer(SETTINGS, new CoopSettings("a", null), src, retryAll);
            a.register();
            produce(db, "r");
            Stats stats = new Stats();
            assertThat(a.work(stats)).isTrue();
            assertThat(stats.get("retry-events")).isEqualTo(1L);
            assertThat(db.queryValue("select count(*) from pgq.retry_queue", Long.class))
                    .isEqualTo(1);

            Connection c = src.connection();
            PgqCoopClient coop = new PgqCoopClient(c);
            produce(db, "s");
            assertThat(coop.nextBatch("q", "grp", "a")).isPresent();
            c.commit();
            assertThatThrownBy(() -> a.unregister()).isInstanceOf(SQLException.class);
            c.rollback();
            assertThat(coop.unregisterSubconsumer("q", "grp", "a", 1)).isEqualTo(1);
            c.commit();
        }
    }
}
