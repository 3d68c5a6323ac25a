package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsumerStatsTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void batchWithEventsReportsCountDurationAndIdle() {
        ManualClock clock = new ManualClock();
        ConsumerStats stats = new ConsumerStats(clock, Duration.ofSeconds(300));
        clock.advance(Duration.ofSeconds(4));
        stats.batchStarting();
        clock.advance(Duration.ofMillis(250));
        stats.batchDone(10, 2);
        assertThat(stats.drain())
                .containsEntry("count", 10L)
                .containsEntry("duration", 0.25)
                .containsEntry("idle", 4.0)
                .containsEntry("retry-events", 2);
        assertThat(stats.drain()).isEmpty();
    }

    @Test
    void emptyBatchKeepsIdleRunningUntilKeepalive() {
        ManualClock clock = new ManualClock();
        ConsumerStats stats = new ConsumerStats(clock, Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(5));
        stats.batchStarting();
        stats.batchDone(0, 0);
        assertThat(stats.drain()).doesNotContainKey("idle").containsEntry("count", 0L);
        clock.advance(Duration.ofSeconds(6));
        stats.batchStarting();
        assertThat(stats.drain()).containsEntry("idle", 11.0);
    }
}
