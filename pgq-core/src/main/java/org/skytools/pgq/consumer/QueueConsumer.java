package org.skytools.pgq.consumer;

import java.sql.SQLException;
import org.skytools.common.daemon.Stats;

/** What a consumer tool drives: one batch per {@link #work} call, registration, and stats. */
public interface QueueConsumer {
    /**
     * Processes the next batch, if any: true when one was processed (call again at once), false
     * when there was none (sleep {@code loop_delay}). Puts {@code count}, {@code duration},
     * {@code idle} and {@code retry-events} into {@code stats}.
     */
    boolean work(Stats stats) throws Exception;

    /** Registers the consumer on the queue ({@code --register}); 1 when new, 0 when already registered. */
    int register() throws SQLException;

    /** Unregisters the consumer ({@code --unregister}); the number of registrations removed. */
    int unregister() throws SQLException;
}
