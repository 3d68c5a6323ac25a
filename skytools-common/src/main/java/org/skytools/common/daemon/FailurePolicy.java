package org.skytools.common.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.skytools.common.error.SqlErrors;

/**
 * Decides how long the loop sleeps after a failure and whether the failure is logged quietly.
 * Retriable database errors back off exponentially from {@code exception_sleep} up to 60 s (or
 * {@code exception_sleep}, if larger); other failures sleep {@code exception_sleep}, as SkyTools
 * did. A failure streak starts at the first failure and ends after {@code exception_reset}
 * without failures; {@code exception_quiet} applies for {@code exception_grace} into a streak.
 */
final class FailurePolicy {
    static final Duration BACKOFF_CAP = Duration.ofSeconds(60);

    /**
     * What to do about one failure.
     *
     * @param sleep how long to wait before the next attempt
     * @param attempt consecutive retriable failures so far (1 for the first, 0 if not retriable)
     * @param quiet whether to log one warning line instead of an error with stack trace
     */
    record Decision(Duration sleep, int attempt, boolean quiet) {}

    private final Clock clock;
    private Instant streakStart;
    private Instant lastFailure;
    private int retriableAttempts;

    FailurePolicy(Clock clock) {
        this.clock = clock;
    }

    Decision onFailure(Throwable error, RunnerSettings settings) {
        Instant now = clock.instant();
        if (lastFailure == null || Duration.between(lastFailure, now).compareTo(settings.exceptionReset()) > 0) {
            streakStart = now;
        }
        lastFailure = now;
        boolean quiet = isQuiet(error, settings)
                && Duration.between(streakStart, now).compareTo(settings.exceptionGrace()) <= 0;
        Duration base = settings.exceptionSleep();
        if (SqlErrors.categorize(error) != SqlErrors.Category.RETRIABLE) {
            retriableAttempts = 0;
            return new Decision(base, 0, quiet);
        }
        retriableAttempts++;
        Duration cap = base.compareTo(BACKOFF_CAP) > 0 ? base : BACKOFF_CAP;
        Duration sleep = base;
        for (int i = 1; i < retriableAttempts && sleep.compareTo(cap) < 0; i++) {
            sleep = sleep.multipliedBy(2);
        }
        return new Decision(sleep.compareTo(cap) > 0 ? cap : sleep, retriableAttempts, quiet);
    }

    /** A successful loop ends the backoff (not the streak, which only time ends). */
    void onSuccess() {
        retriableAttempts = 0;
    }

    private static boolean isQuiet(Throwable error, RunnerSettings settings) {
        for (String name : settings.exceptionQuiet()) {
            if (name.equalsIgnoreCase("ALL")) {
                return true;
            }
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (name.equals(t.getClass().getName())
                        || name.equals(t.getClass().getSimpleName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
