package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.NewEvent;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.Producer;
import org.skytools.pgq.testsupport.Forks;
import org.skytools.pgq.testsupport.PgqTemplate;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** Memory stays bounded by the fetch size whatever the batch size. */
@PgTest(template = PgqTemplate.class)
class LargeBatchIT {
    private static final int EVENTS = 200_000;

    private static void fill(TestDatabase db, int payload) throws Exception {
        String data = "x".repeat(payload);
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.registerConsumer("q", "c");
            new Producer(c).bulkInsert("q", () -> IntStream.range(0, EVENTS)
                    .mapToObj(i -> NewEvent.of("t", i + data))
                    .iterator());
            TestQueues.tick(c, "q");
        }
    }

    @Test
    @Timeout(300)
    void lazyFetchHoldsAtMostTwoFetchesOfEvents(TestDatabase db) throws Exception {
        fill(db, 20);
        long[] seen = new long[1];
        int[] peak = new int[1];
        BatchHandler handler = batch -> {
            for (var ev : batch.events()) {
                seen[0] += ev.data().isEmpty() ? 0 : 1;
            }
            peak[0] = batch.peakEventsHeld();
        };
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            Stats stats = new Stats();
            Consumer consumer = new Consumer(ConsumerSettings.of("q", "c").withLazyFetch(100), src, handler);
            assertThat(consumer.work(stats)).isTrue();
            assertThat(stats.get("count")).isEqualTo((long) EVENTS);
        }
        assertThat(seen[0]).isEqualTo(EVENTS);
        // the block being read and the next one, fetched meanwhile
        assertThat(peak[0]).isEqualTo(200);
    }

    @Test
    @Timeout(300)
    void forkedConsumerDrainsABatchLargerThanItsHeap(TestDatabase db, @TempDir Path dir) throws Exception {
        // 200k events of 500 bytes: about 100 MB of event data against a 32 MB heap
        fill(db, 500);
        Path out = dir.resolve("drain.out");
        Process p = Forks.start(
                List.of("-Xmx32m"), dir.resolve("fork.log"), "drain", db.jdbcUrl(), "q", "c", "200", out.toString());
        await().atMost(Duration.ofMinutes(4)).until(() -> !p.isAlive());
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("fork.log"))).isZero();
        String[] result = Files.readString(out).split(" ");
        assertThat(Long.parseLong(result[0])).isEqualTo(EVENTS);
        assertThat(Integer.parseInt(result[1])).isLessThanOrEqualTo(400);
    }
}
