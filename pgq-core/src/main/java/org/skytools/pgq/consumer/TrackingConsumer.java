package org.skytools.pgq.consumer;

import java.sql.SQLException;

/**
 * A consumer that tracks its applied position outside the queue (on the target, or in a local
 * file) and so offers {@code --rewind} and {@code --reset}.
 */
public interface TrackingConsumer extends QueueConsumer {
    /** {@code --rewind}: moves the queue position to the tracked tick; false when nothing is tracked. */
    boolean rewind() throws SQLException;

    /** {@code --reset}: forgets the tracked position, so that the queue position is taken as it is. */
    void reset() throws SQLException;
}
