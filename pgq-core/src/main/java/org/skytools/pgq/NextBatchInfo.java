package org.skytools.pgq;

import java.time.OffsetDateTime;

/**
 * An open batch as returned by {@code pgq.next_batch_info} and {@code pgq.next_batch_custom}: the
 * batch id and the two ticks that bound it. The event sequence values are size hints only.
 */
public record NextBatchInfo(
        long batchId,
        long curTickId,
        long prevTickId,
        OffsetDateTime curTickTime,
        OffsetDateTime prevTickTime,
        Long curTickEventSeq,
        Long prevTickEventSeq) {

    /** Estimated number of events in the batch from the tick event sequences, or -1 when unknown. */
    public long estimatedEvents() {
        if (curTickEventSeq == null || prevTickEventSeq == null) {
            return -1;
        }
        return curTickEventSeq - prevTickEventSeq;
    }
}
