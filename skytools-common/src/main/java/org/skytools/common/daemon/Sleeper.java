package org.skytools.common.daemon;

import java.time.Duration;

/** Waits for a while; the loop sleeps through one so tests can observe the sleeps. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps up to {@code duration}; may return early. */
    void sleep(Duration duration);

    /**
     * Sleeps, returning early if interrupted with the interrupt flag set again, so callers up the
     * stack still see it.
     */
    static void quietly(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
