package org.skytools.pgq.consumer;

import java.time.Clock;
import java.time.Duration;
import org.skytools.common.daemon.Stats;

/**
 * The per-loop stats of a consumer, as SkyTools reports them: {@code count} and {@code duration}
 * of the batch, {@code idle} seconds without events (also every {@code keepalive_stats} seconds
 * while idle, so that monitoring sees the consumer alive) and {@code retry-events}.
 */
final class ConsumerStats {
    private final Clock clock;
    private final Duration keepalive;
    private long idleStartMillis;
    private long batchStartMillis;

    ConsumerStats(Clock clock, Duration keepalive) {
        this.clock = clock;
        this.keepalive = keepalive;
        this.idleStartMillis = clock.millis();
    }

    void batchStarting(Stats stats) {
        batchStartMillis = clock.millis();
        if (batchStartMillis - idleStartMillis > keepalive.toMillis()) {
            stats.put("idle", seconds(batchStartMillis - idleStartMillis));
            idleStartMillis = batchStartMillis;
        }
    }

    void batchDone(Stats stats, long count, int retried) {
        long now = clock.millis();
        stats.put("count", count);
        stats.put("duration", seconds(now - batchStartMillis));
        if (retried > 0) {
            stats.increase("retry-events", retried);
        }
        if (count > 0) {
            stats.put("idle", seconds(batchStartMillis - idleStartMillis));
            idleStartMillis = now;
        }
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
