package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.daemon.Stats;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.testsupport.ForkedConsumer;
import org.skytools.pgq.testsupport.Forks;
import org.skytools.pgq.testsupport.PgqTemplate;
import org.skytools.pgq.testsupport.TargetDb;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

@PgTest(template = PgqTemplate.class)
@Timeout(180)
class SerialConsumerIT {
    private static final ConsumerSettings SETTINGS = ConsumerSettings.of("q", "c");

    private static long produce(TestDatabase db, String... data) throws SQLException {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            for (String d : data) {
                pgq.insertEvent("q", "t", d);
            }
            return TestQueues.tick(c, "q");
        }
    }

    private static SerialConsumer consumer(ConnectionSource src, ConnectionSource dst) {
        return new SerialConsumer(SETTINGS, src, dst, ForkedConsumer::apply);
    }

    private static Long lastTick(TestDatabase dst) {
        return dst.queryValue("select pgq_ext.get_last_tick('c')", Long.class);
    }

    @Test
    void killedWithSigkillAfterTheTargetCommitAppliesNothingTwice(TestDatabase db, @TempDir Path dir) throws Exception {
        db.execute("select pgq.create_queue('q')");
        TestDatabase dst = TargetDb.create(db);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl());
                ConnectionSource target = new JdbcConnectionSource(dst.jdbcUrl())) {
            assertThat(consumer(src, target).register()).isEqualTo(1);
        }
        long tick = produce(db, "e1", "e2", "e3", "e4");
        Path marker = dir.resolve("stalled");
        Process p = Forks.start(
                List.of(),
                dir.resolve("fork.log"),
                "serial-stall",
                db.jdbcUrl(),
                dst.jdbcUrl(),
                "q",
                "c",
                marker.toString());
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(marker) && Files.size(marker) > 0);
        p.destroyForcibly(); // SIGKILL between the target commit and finish_batch
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lastTick(dst)).isEqualTo(tick);
        assertThat(db.queryValue("select current_batch from pgq.get_consumer_info('q', 'c')", Long.class))
                .isNotNull();

        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl());
                ConnectionSource target = new JdbcConnectionSource(dst.jdbcUrl())) {
            SerialConsumer restarted = consumer(src, target);
            assertThat(restarted.work(new Stats()))
                    .as("the open batch is skipped and finished")
                    .isTrue();
            long next = produce(db, "e5");
            assertThat(restarted.work(new Stats())).isTrue();
            assertThat(lastTick(dst)).isEqualTo(next);
        }
        assertThat(dst.queryValue("select string_agg(data, ',' order by ev_id) from applied", String.class))
                .isEqualTo("e1,e2,e3,e4,e5");
    }

    @Test
    void lostPositionStopsAndRewindRepairsIt(TestDatabase db) throws Exception {
        db.execute("select pgq.create_queue('q')");
        TestDatabase dst = TargetDb.create(db);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl());
                ConnectionSource target = new JdbcConnectionSource(dst.jdbcUrl())) {
            SerialConsumer c = consumer(src, target);
            c.register();
            long t2 = produce(db, "a");
            assertThat(c.work(new Stats())).isTrue();
            assertThat(lastTick(dst)).isEqualTo(t2);
            produce(db, "b");
            long t4 = produce(db, "c");
            // the queue position jumps ahead of the target: a batch is lost for the target
            db.execute("select pgq.register_consumer_at('q', 'c', ?)", t4 - 1);
            long t5 = produce(db, "d");
            assertThatThrownBy(() -> c.work(new Stats()))
                    .isInstanceOf(SkyToolsException.class)
                    .hasMessageStartingWith("lost position: batch " + (t4 - 1) + ".." + t4 + ", dst has " + t2);
            assertThat(c.rewind()).isTrue();
            while (c.work(new Stats())) {
                // apply everything after the target's tick
            }
            assertThat(lastTick(dst)).isEqualTo(t5);
        }
        assertThat(dst.queryValue("select string_agg(data, ',' order by ev_id) from applied", String.class))
                .isEqualTo("a,b,c,d");
    }

    @Test
    void resetAndUnregisterClearTheTargetTracking(TestDatabase db) throws Exception {
        db.execute("select pgq.create_queue('q')");
        TestDatabase dst = TargetDb.create(db);
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl());
                ConnectionSource target = new JdbcConnectionSource(dst.jdbcUrl())) {
            SerialConsumer c = consumer(src, target);
            assertThat(c.rewind()).as("nothing tracked yet").isFalse();
            c.register();
            produce(db, "a");
            c.work(new Stats());
            assertThat(lastTick(dst)).isNotNull();
            c.reset();
            assertThat(lastTick(dst)).isNull();
            produce(db, "b");
            c.work(new Stats());
            assertThat(lastTick(dst)).isNotNull();
            assertThat(c.unregister()).isEqualTo(1);
            assertThat(lastTick(dst)).isNull();
        }
    }
}
