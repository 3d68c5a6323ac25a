package org.skytools.common.db;

import java.time.Duration;

/**
 * What one streamed COPY moved.
 *
 * @param rows rows the target accepted (its {@code COPY n} count)
 * @param bytes bytes of COPY text passed through
 * @param elapsed wall-clock time of the copy
 */
public record CopyResult(long rows, long bytes, Duration elapsed) {

    /** Rows per second over the whole copy. */
    public double rowsPerSecond() {
        long nanos = Math.max(elapsed.toNanos(), 1);
        return rows * 1e9 / nanos;
    }
}
