package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.skytools.common.daemon.Stats;
import org.skytools.pgq.PgqClient;
import org.skytools.pgq.testsupport.Forks;
import org.skytools.pgq.testsupport.PgqTemplate;
import org.skytools.pgq.testsupport.TestQueues;
import org.skytools.testkit.PgTest;
import org.skytools.testkit.TestDatabase;

/** A consumer process killed with SIGKILL between processing a batch and finishing it. */
@PgTest(template = PgqTemplate.class)
@Timeout(180)
class KilledConsumerIT {
    @Test
    void q4_plainConsumerKilledBeforeFinishSeesTheSameBatchAgain(TestDatabase db, @TempDir Path dir) throws Exception {
        try (Connection c = db.connect()) {
            PgqClient pgq = new PgqClient(c);
            pgq.createQueue("q");
            pgq.registerConsumer("q", "c");
            for (int i = 0; i < 7; i++) {
                pgq.insertEvent("q", "t", "ev" + i);
            }
            TestQueues.tick(c, "q");
        }
        Path marker = dir.resolve("stalled");
        Process p = Forks.start(List.of(), dir.resolve("fork.log"), "stall", db.jdbcUrl(), "q", "c", marker.toString());
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(marker) && Files.size(marker) > 0);
        String[] stalled = Files.readString(marker).split(" ");
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<Long> batches = new ArrayList<>();
        List<String> data = new ArrayList<>();
        try (ConnectionSource src = new JdbcConnectionSource(db.jdbcUrl())) {
            Consumer consumer = new Consumer(ConsumerSettings.of("q", "c"), src, b -> {
                batches.add(b.id());
                b.events().forEach(e -> data.add(e.data()));
            });
            assertThat(consumer.work(new Stats())).isTrue();
            assertThat(consumer.work(new Stats())).isFalse();
        }
        assertThat(batches).containsExactly(Long.parseLong(stalled[0]));
        assertThat(stalled[1]).isEqualTo("7");
        assertThat(data).containsExactly("ev0", "ev1", "ev2", "ev3", "ev4", "ev5", "ev6");
    }
}
