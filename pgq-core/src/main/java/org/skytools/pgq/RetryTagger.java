package org.skytools.pgq;

/**
 * Where {@link Event#tagRetry} and {@link Event#tagDone} go: the consumer that read the event
 * remembers only the events tagged for retry and calls {@code pgq.event_retry} before it finishes
 * the batch.
 */
public interface RetryTagger {
    /** For events read outside a consumer: tagging is refused, use {@link PgqClient#eventRetry}. */
    RetryTagger NONE = new RetryTagger() {
        @Override
        public void tagRetry(Event event, int retrySeconds) {
            throw new IllegalStateException(
                    "event " + event.id() + " was not read through a consumer; call PgqClient.eventRetry to retry it");
        }

        @Override
        public void tagDone(Event event) {
            // untagged events are done anyway
        }
    };

    /** Schedules the event to come back in a later batch after {@code retrySeconds}. */
    void tagRetry(Event event, int retrySeconds);

    /** Marks the event done again (the default), cancelling an earlier retry tag. */
    void tagDone(Event event);
}
