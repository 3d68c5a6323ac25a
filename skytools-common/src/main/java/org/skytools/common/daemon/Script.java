package org.skytools.common.daemon;

import java.time.Duration;
import org.skytools.common.config.SkyConfig;

/**
 * The work a SkyTools tool does in its loop. {@link ScriptRunner} calls {@link #work} repeatedly,
 * sleeps {@link #idleDelay} when it returns false, and calls {@link #reset} after a failure.
 */
@SuppressWarnings("try") // close() may throw anything a tool's resources throw
public interface Script extends AutoCloseable {

    /**
     * Does one unit of work (one batch, one tick round).
     *
     * @param stats counters logged after this call as {@code {count: 3, duration: 0.012}}
     * @return true when more work is probably waiting, so the next call should follow at once
     */
    boolean work(Stats stats) throws Exception;

    /**
     * How long to sleep after a {@link #work} call that returned false; {@code loop_delay} unless
     * the tool's state asks for a longer rest.
     */
    default Duration idleDelay(Duration loopDelay) {
        return loopDelay;
    }

    /** Takes new settings after SIGHUP or {@code -r}; the config has already been validated. */
    default void reload(SkyConfig config) throws Exception {}

    /** Drops state that a failure may have broken, above all cached database connections. */
    default void reset() {}

    /** Releases resources when the loop ends. */
    @Override
    default void close() throws Exception {}
}
