package org.skytools.pgqd;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters of the stats line {@code {ticks: n, maint: n, retry: n}}: successful
 * {@code pgq.ticker()} calls, finished maintenance rounds and retry events moved back into their
 * queues, summed over every database since the last stats line. Updated from any thread.
 */
final class Counters {
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong maint = new AtomicLong();
    private final AtomicLong retry = new AtomicLong();

    /** The values taken by {@link #drain()}. */
    record Snapshot(long ticks, long maint, long retry) {}

    void tick() {
        ticks.incrementAndGet();
    }

    void maintenanceRound() {
        maint.incrementAndGet();
    }

    void retried(long events) {
        retry.addAndGet(events);
    }

    /** The counts since the previous call, resetting them to zero. */
    Snapshot drain() {
        return new Snapshot(ticks.getAndSet(0), maint.getAndSet(0), retry.getAndSet(0));
    }
}
