package org.skytools.pgq.consumer;

/**
 * The work a consumer does with each batch. Events left untagged count as done; events tagged
 * with {@link org.skytools.pgq.Event#tagRetry} come back in a later batch. Throwing leaves the
 * batch open, so that it is delivered again.
 */
@FunctionalInterface
public interface BatchHandler {
    /** Processes one batch. */
    void handle(Batch batch) throws Exception;

    /** A handler that calls {@code handler} for each event of the batch. */
    static BatchHandler perEvent(EventHandler handler) {
        return batch -> {
            for (var ev : batch.events()) {
                handler.handle(batch, ev);
            }
        };
    }

    /** Work on one event. */
    @FunctionalInterface
    interface EventHandler {
        void handle(Batch batch, org.skytools.pgq.Event event) throws Exception;
    }
}
