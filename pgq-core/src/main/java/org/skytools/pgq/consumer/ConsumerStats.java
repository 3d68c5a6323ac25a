package org.skytools.pgq.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-loop stats of a consumer, as SkyTools reports them: {@code count} and {@code duration}
 * of the batch, {@code idle} seconds without events (also every {@code keepalive_stats} seconds
 * while idle, so that monitoring sees the consumer alive) and {@code retry-events}.
 */
final class ConsumerStats {
    private final Clock clock;
    private final Duration keepalive;
    private final Map<String, Number> current = new LinkedHashMap<>();
    private long idleStartMillis;
    private long batchStartMillis;

    ConsumerStats(Clock clock, Duration keepalive) {
        this.clock = clock;
        this.keepalive = keepalive;
        this.idleStartMillis = clock.millis();
    }

    void batchStarting() {
        batchStartMillis = clock.millis();
        if (batchStartMillis - idleStartMillis > keepalive.toMillis()) {
            current.put("idle", seconds(batchStartMillis - idleStartMillis));
            idleStartMillis = batchStartMillis;
        }
    }

    void batchDone(long count, int retried) {
        long now = clock.millis();
        current.put("count", count);
        current.put("duration", seconds(now - batchStartMillis));
        if (retried > 0) {
            current.merge("retry-events", retried, (a, b) -> a.longValue() + b.longValue());
        }
        if (count > 0) {
            current.put("idle", seconds(batchStartMillis - idleStartMillis));
            idleStartMillis = now;
        }
    }

    Map<String, Number> drain() {
        Map<String, Number> out = new LinkedHashMap<>(current);
        current.clear();
        return out;
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
