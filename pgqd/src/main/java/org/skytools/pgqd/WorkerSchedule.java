package org.skytools.pgqd;

import java.time.Duration;
import java.time.Instant;

/**
 * When a database's worker acts next, decided from what just happened: the ticker period after a
 * tick, 10 s after a failed tick (as the C pgqd), a doubling backoff from 1 s up to 60 s while the
 * database cannot be reached, {@code check_period} while it lacks PgQ. It also tracks when the
 * retry queue is due and when the ticker connection has lived long enough. Pure: no I/O, no clock.
 */
final class WorkerSchedule {
    /** Wait after {@code pgq.ticker()} failed on a live connection. */
    static final Duration TICK_FAILURE_DELAY = Duration.ofSeconds(10);
    /** Wait after the retry queue could not be drained; the C pgqd used the same. */
    static final Duration RETRY_FAILURE_DELAY = Duration.ofSeconds(20);
    /** First wait after a failed connection attempt or a lost connection. */
    static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
    /** Longest wait between connection attempts. */
    static final Duration BACKOFF_CAP = Duration.ofSeconds(60);

    /** Shortest and longest time one retry drain may take before the next tick goes first. */
    static final Duration RETRY_BUDGET_MIN = Duration.ofMillis(100);

    static final Duration RETRY_BUDGET_MAX = Duration.ofSeconds(1);

    private int connectFailures;
    private Instant connectedAt;
    private Instant nextRetry;

    /** The backoff before connection attempt {@code failures + 1}, after {@code failures} failed ones. */
    static Duration backoff(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration delay = BACKOFF_BASE;
        for (int i = 1; i < failures && delay.compareTo(BACKOFF_CAP) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(BACKOFF_CAP) > 0 ? BACKOFF_CAP : delay;
    }

    /** A connection attempt failed, or an open connection was lost: the delay before the next attempt. */
    Duration connectionFailed() {
        connectedAt = null;
        connectFailures++;
        return backoff(connectFailures);
    }

    /** Consecutive connection failures so far (the attempt number shown in logs). */
    int connectFailures() {
        return connectFailures;
    }

    /** A connection was opened at {@code now}. */
    void connected(Instant now) {
        connectedAt = now;
    }

    /** The connection was closed on purpose (no PgQ, recycled, failed statement). */
    void disconnected() {
        connectedAt = null;
    }

    /** The database has no usable PgQ: look again after {@code checkPeriod}. */
    Duration noPgq(Duration checkPeriod) {
        connectFailures = 0;
        nextRetry = null;
        return checkPeriod;
    }

    /** PgQ was found at {@code now}: the retry queue is due at once. */
    void pgqFound(Instant now) {
        connectFailures = 0;
        nextRetry = now;
    }

    /** A tick succeeded: the next one follows after {@code tickerPeriod}. */
    Duration ticked(Duration tickerPeriod) {
        connectFailures = 0;
        return tickerPeriod;
    }

    /** {@code pgq.ticker()} failed on a live connection, which is closed: try again in 10 s. */
    Duration tickFailed() {
        connectedAt = null;
        return TICK_FAILURE_DELAY;
    }

    /** Whether the connection opened earlier has lived {@code lifetime} or more at {@code now}. */
    boolean connectionExpired(Instant now, Duration lifetime) {
        return connectedAt != null && Duration.between(connectedAt, now).compareTo(lifetime) >= 0;
    }

    /** Whether the retry queue should be drained at {@code now}. */
    boolean retryDue(Instant now) {
        return nextRetry != null && !now.isBefore(nextRetry);
    }

    /**
     * A drain ended at {@code now}. Emptied, the next one is due after {@code retryPeriod}; cut
     * short by its time budget, it goes on after the next tick.
     */
    void retryDrained(Instant now, boolean emptied, Duration retryPeriod) {
        nextRetry = emptied ? now.plus(retryPeriod) : now;
    }

    /**
     * How long one drain of the retry queue may run: the ticker period within 0.1 s to 1 s, so
     * that a long retry backlog delays the next tick by at most about one period.
     */
    static Duration retryBudget(Duration tickerPeriod) {
        if (tickerPeriod.compareTo(RETRY_BUDGET_MIN) < 0) {
            return RETRY_BUDGET_MIN;
        }
        return tickerPeriod.compareTo(RETRY_BUDGET_MAX) > 0 ? RETRY_BUDGET_MAX : tickerPeriod;
    }

    /** A drain failed at {@code now}: the next attempt is in 20 s. */
    void retryFailed(Instant now) {
        nextRetry = now.plus(RETRY_FAILURE_DELAY);
    }
}
