package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.NextBatchInfo;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.testsupport.ForkedConsumer;
import org.skytools.pgq.testsupport.PgqTemplate;
import org.skytools.pgq.testsupport.TargetDb;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

@PgTest(template = PgqTemplate.class)
@Timeout(120)
class RemoteConsumerIT {
    private static final ConsumerSettings SETTINGS = ConsumerSettings.of("q", "c");

    private static void setUp(TestDatabase db, String... data) throws SQLException {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.registerConsumer("q", "c");
            for (String d : data) {
                pgq.insertEvent("q", "t", d);
            }
            TestQueues.tick(c, "q");
        }
    }

    private static BatchListener crashOnce(AtomicBoolean crash) {
        return new BatchListener() {
            @Override
            public void batchProcessed(NextBatchInfo batch) {
                if (crash.getAndSet(false)) {
                    throw new IllegalStateException("killed after the target commit");
                }
            }
        };
    }

    @Test
    void appliesEachBatchOnceEvenWhenKilledAfterTheTargetCommit(TestDatabase db) throws Exception {
        setUp(db, "a", "b", "c");
        TestDatabase dst = TargetDb.create(db);
        AtomicBoolean crash = new AtomicBoolean(true);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl());
                ConnectionSource target = new JdbcConnectionSource(dst.jdbcUrl())) {
            RemoteConsumer consumer = new RemoteConsumer(
                    SETTINGS, src, target, ForkedConsumer::apply, crashOnce(crash), Clock.systemUTC());
            assertThatThrownBy(() -> consumer.work(new Stats())).hasMessageContaining("killed");
            assertThat(db.queryValue("select current_batch from pgq.get_consumer_info('q', 'c')", Long.class))
                    .as("batch still open")
                    .isNotNull();
            // a primary key on the target would fail if the batch were applied again
            assertThat(consumer.work(new Stats())).isTrue();
            assertThat(consumer.work(new Stats())).isFalse();
        }
        assertThat(dst.queryValue("select string_agg(data, ',' order by ev_id) from applied", String.class))
                .isEqualTo("a,b,c");
        assertThat(db.queryValue("select current_batch from pgq.get_consumer_info('q', 'c')", Long.class))
                .isNull();
    }

    @Test
    void failureBeforeTheTargetCommitAppliesTheBatchOnRetry(TestDatabase db) throws Exception {
        setUp(db, "x", "y");
        TestDatabase dst = TargetDb.create(db);
        AtomicBoolean fail = new AtomicBoolean(true);
        RemoteConsumer.RemoteBatchHandler handler = (batch, target) -> {
            ForkedConsumer.apply(batch, target);
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("failed mid-batch");
            }
        };
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl());
                ConnectionSource target = new JdbcConnectionSource(dst.jdbcUrl())) {
            RemoteConsumer consumer = new RemoteConsumer(SETTINGS, src, target, handler);
            assertThatThrownBy(() -> consumer.work(new Stats())).hasMessage("failed mid-batch");
            assertThat(dst.queryValue("select count(*) from applied", Long.class))
                    .isZero();
            assertThat(consumer.work(new Stats())).isTrue();
        }
        assertThat(dst.queryValue("select count(*) from applied", Long.class)).isEqualTo(2);
    }
}
