package org.skytools.pgq.consumer;

import org.skytools.pgq.NextBatchInfo;

/** Told about each batch's progress; for metrics and for stopping at a known point. */
public interface BatchListener {
    /** A listener that does nothing. */
    BatchListener NONE = new BatchListener() {};

    /**
     * The batch was processed (and, for remote consumers, the target committed) but is not finished
     * on the queue yet. Throwing here leaves the batch open.
     */
    default void batchProcessed(NextBatchInfo batch) throws Exception {}

    /** The batch was finished and committed. */
    default void batchFinished(NextBatchInfo batch, long eventCount) {}
}
