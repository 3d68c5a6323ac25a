package org.skytools.common.error;

/**
 * What went wrong, in the terms a caller acts on. The kind decides the process exit code, so
 * scripts can tell a bad config from an unreachable server without parsing messages.
 *
 * <p>Exit codes of every SkyTools command (also in {@code docs/exit-codes.md}):
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><th>code</th><th>kinds</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>-</td><td>success; also {@code -r/-s/-k} when no process runs (a warning
 *       is logged, as SkyTools 3 did)</td></tr>
 *   <tr><td>1</td><td>{@link #RUNTIME}</td><td>runtime failure, including a failing one-shot
 *       run and a double SIGINT</td></tr>
 *   <tr><td>2</td><td>{@link #USAGE}</td><td>bad command line</td></tr>
 *   <tr><td>3</td><td>{@link #CONFIG}</td><td>configuration file, section or key wrong</td></tr>
 *   <tr><td>4</td><td>{@link #DB_CONNECT}, {@link #DB_AUTH}</td><td>database unreachable or
 *       login refused</td></tr>
 *   <tr><td>5</td><td>{@link #SCHEMA_MISSING}, {@link #SCHEMA_VERSION}</td><td>schema missing
 *       or incompatible</td></tr>
 *   <tr><td>6</td><td>{@link #STATE}</td><td>database state forbids the request</td></tr>
 *   <tr><td>7</td><td>{@link #ALREADY_RUNNING}</td><td>pidfile held by a live process</td></tr>
 *   <tr><td>8</td><td>{@link #NOT_RUNNING}</td><td>reserved for control commands that must
 *       report a missing process</td></tr>
 *   <tr><td>70</td><td>{@link #INTERNAL}</td><td>a bug</td></tr>
 *   <tr><td>143</td><td>-</td><td>stopped by SIGTERM ({@code -k})</td></tr>
 * </table>
 */
public enum ErrorKind {
    /** A runtime failure that fits no other kind. */
    RUNTIME(1, false),
    /** Bad command line: unknown switch, missing argument. */
    USAGE(2, true),
    /** Bad or unreadable configuration file, section or key. */
    CONFIG(3, true),
    /** The database server could not be reached. */
    DB_CONNECT(4, false),
    /** The server refused the login (authentication, no such database or role). */
    DB_AUTH(4, true),
    /** A schema such as {@code pgq} is missing where it is needed. */
    SCHEMA_MISSING(5, true),
    /** An installed schema is newer than this release, or otherwise incompatible. */
    SCHEMA_VERSION(5, true),
    /** The database state forbids the request (consumer not registered, table unknown, ...). */
    STATE(6, false),
    /** Another instance already runs (pidfile held by a live process). */
    ALREADY_RUNNING(7, true),
    /** A daemon-control command found no running process. */
    NOT_RUNNING(8, true),
    /** A bug: an invariant of this program broke. */
    INTERNAL(70, true);

    private final int exitCode;
    private final boolean permanent;

    ErrorKind(int exitCode, boolean permanent) {
        this.exitCode = exitCode;
        this.permanent = permanent;
    }

    /** The process exit code for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }

    /**
     * Whether a daemon loop must stop on this kind instead of sleeping and retrying. Database
     * state errors are retried, as SkyTools did, because an operator can fix them while the
     * daemon waits (for example by registering the consumer).
     */
    public boolean isPermanent() {
        return permanent;
    }
}
