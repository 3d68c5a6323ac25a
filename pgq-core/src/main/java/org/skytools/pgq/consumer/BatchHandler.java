package org.skytools.pgq.consumer;

import org.skytools.pgq.Event;

/**
 * The work a consumer does with each batch. Events left untagged count as done; events tagged
 * with {@link Event#tagRetry} come back in a later batch. Throwing leaves the
 * batch open, so that it is delivered again.
 */
@FunctionalInterface
public interface BatchHandler {
    /** Processes one batch. */
    void handle(Batch batch) throws Exception;

    /** A handler that calls {@code handler} for each event of the batch. */
    static BatchHandler perEvent(EventHandler handler) {
        return batch -> {
            for (Event ev : batch.events()) {
                handler.handle(batch, ev);
            }
        };
    }

    /** Work on one event. */
    @FunctionalInterface
    interface EventHandler {
        void handle(Batch batch, Event event) throws Exception;
    }
}
