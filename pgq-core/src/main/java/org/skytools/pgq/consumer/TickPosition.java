package org.skytools.pgq.consumer;

import java.util.OptionalLong;
import org.skytools.common.error.SkyToolsException;
import org.skytools.pgq.NextBatchInfo;

/**
 * The is-done rule of tick tracking (SerialConsumer, LocalConsumer, cascaded consumers): a batch
 * whose previous tick is the stored tick is applied, one whose end tick is the stored tick was
 * applied already, anything else means the tracking and the queue disagree.
 */
final class TickPosition {
    private TickPosition() {}

    /**
     * True when the batch was applied already; false when it must be applied (also when nothing is
     * stored yet). Throws when the stored tick fits neither end of the batch.
     */
    static boolean alreadyApplied(NextBatchInfo batch, OptionalLong stored, String trackingName) {
        if (stored.isEmpty()) {
            return false;
        }
        long tick = stored.getAsLong();
        if (tick == batch.prevTickId()) {
            return false;
        }
        if (tick == batch.curTickId()) {
            return true;
        }
        throw SkyToolsException.state("lost position: batch " + batch.prevTickId() + ".." + batch.curTickId() + ", "
                + trackingName + " has " + tick
                + "; use --rewind to move the queue position to the tracked tick, or --reset to clear the tracking");
    }
}
