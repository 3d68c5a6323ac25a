package org.skytools.pgq.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.skytools.common.daemon.Stats;

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
        Stats out = new Stats();
        stats.batchStarting(out);
        clock.advance(Duration.ofMillis(250));
        stats.batchDone(out, 10, 2);
        assertThat(out.get("count")).isEqualTo(10L);
        assertThat(out.get("duration")).isEqualTo(0.25);
        assertThat(out.get("idle")).isEqualTo(4.0);
        assertThat(out.get("retry-events")).isEqualTo(2L);
    }

    @Test
    void emptyBatchKeepsIdleRunningUntilKeepalive() {
        ManualClock clock = new ManualClock();
        ConsumerStats stats = new ConsumerStats(clock, Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(5));
        Stats out = new Stats();
        stats.batchStarting(out);
        stats.batchDone(out, 0, 0);
        assertThat(out.get("idle")).isNull();
        assertThat(out.get("count")).isEqualTo(0L);
        out.clear();
        clock.advance(Duration.ofSeconds(6));
        stats.batchStarting(out);
        assertThat(out.get("idle")).isEqualTo(11.0);
    }
}
