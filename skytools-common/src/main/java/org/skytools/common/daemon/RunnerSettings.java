package org.skytools.common.daemon;

import java.time.Duration;
import java.util.List;
import org.skytools.common.config.GenericKeys;
import org.skytools.common.config.SkyConfig;

/**
 * The loop settings of {@link GenericKeys}, read once at start and after each reload.
 *
 * @param loopDelay sleep when idle; zero exits when idle, negative runs once
 * @param exceptionSleep sleep after a failure, and the base of the retry backoff
 * @param exceptionQuiet exception class names (or ALL) logged as one-line warnings
 * @param exceptionGrace how long after the first failure quiet exceptions stay quiet
 * @param exceptionReset quiet time after which a failure streak is forgotten
 * @param keepaliveStats interval of the {@code {idle: N}} line when nothing else is logged
 */
public record RunnerSettings(
        Duration loopDelay,
        Duration exceptionSleep,
        List<String> exceptionQuiet,
        Duration exceptionGrace,
        Duration exceptionReset,
        Duration keepaliveStats) {

    public RunnerSettings {
        exceptionQuiet = List.copyOf(exceptionQuiet);
    }

    /** Reads the settings from {@code config}. */
    public static RunnerSettings from(SkyConfig config) {
        return new RunnerSettings(
                GenericKeys.LOOP_DELAY.get(config),
                GenericKeys.EXCEPTION_SLEEP.get(config),
                GenericKeys.EXCEPTION_QUIET.get(config),
                GenericKeys.EXCEPTION_GRACE.get(config),
                GenericKeys.EXCEPTION_RESET.get(config),
                GenericKeys.KEEPALIVE_STATS.get(config));
    }

    /** Whether failures are retried: only a looping job with a positive loop_delay retries. */
    public boolean retriesFailures() {
        return !loopDelay.isNegative() && !loopDelay.isZero();
    }
}
