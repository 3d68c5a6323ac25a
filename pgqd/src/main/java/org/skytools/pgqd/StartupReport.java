package org.skytools.pgqd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * Collects the first checks of the databases at start-up and decides whether pgqd can run: it
 * can when at least one database is served. Otherwise the failure names every database and why,
 * with the exit code of the most telling problem (unreachable before no PgQ).
 */
final class StartupReport {
    /** Problems shown in the message; the rest are counted. */
    static final int SHOWN = 10;

    private final int expected;
    private final List<FirstCheck> checks = new ArrayList<>();

    /** A report expecting {@code expected} databases. */
    StartupReport(int expected) {
        this.expected = expected;
    }

    synchronized void add(FirstCheck check) {
        checks.add(check);
        notifyAll();
    }

    /** Whether a database is served, or every database has answered. */
    synchronized boolean decided() {
        return anyServed() || checks.size() >= expected;
    }

    /** Waits until {@link #decided()} or {@code millis} have passed. */
    synchronized void await(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!decided()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    synchronized boolean anyServed() {
        return checks.stream().anyMatch(FirstCheck::served);
    }

    /** The failure to start with, or empty when a database is served. */
    synchronized Optional<SkyToolsException> failure() {
        if (anyServed()) {
            return Optional.empty();
        }
        if (expected == 0) {
            return Optional.of(new SkyToolsException(
                    ErrorKind.STATE, "no database to serve: the cluster has no database that accepts connections"));
        }
        List<String> problems = new ArrayList<>();
        ErrorKind kind = null;
        for (FirstCheck check : checks) {
            problems.add(check.problem());
            kind = moreTelling(kind, check.kind());
        }
        int unanswered = expected - checks.size();
        if (unanswered > 0) {
            problems.add(unanswered + " database(s) did not answer in time");
            kind = moreTelling(kind, ErrorKind.DB_CONNECT);
        }
        StringBuilder message = new StringBuilder("no database can be served: ");
        message.append(String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size()))));
        if (problems.size() > SHOWN) {
            message.append("; and ").append(problems.size() - SHOWN).append(" more");
        }
        if (kind == ErrorKind.SCHEMA_MISSING || kind == ErrorKind.SCHEMA_VERSION) {
            message.append("; install PgQ 3 in the databases to tick");
        }
        return Optional.of(new SkyToolsException(kind, message.toString()));
    }

    private static ErrorKind moreTelling(ErrorKind current, ErrorKind next) {
        if (current == null) {
            return next == null ? ErrorKind.RUNTIME : next;
        }
        return rank(next) > rank(current) ? next : current;
    }

    private static int rank(ErrorKind kind) {
        if (kind == null) {
            return 0;
        }
        return switch (kind) {
            case DB_CONNECT, DB_AUTH -> 3;
            case SCHEMA_VERSION -> 2;
            case SCHEMA_MISSING -> 1;
            default -> 0;
        };
    }
}
