package org.skytools.common.error;

/**
 * What went wrong, in the terms a caller acts on. The kind decides the process exit code, so
 * scripts can tell a bad config from an unreachable server without parsing messages.
 */
public enum ErrorKind {
    /** A runtime failure that fits no other kind. */
    RUNTIME(1),
    /** Bad command line: unknown switch, missing argument. */
    USAGE(2),
    /** Bad or unreadable configuration file, section or key. */
    CONFIG(3),
    /** The database server could not be reached. */
    DB_CONNECT(4),
    /** The server refused the login (authentication, no such database or role). */
    DB_AUTH(4),
    /** A schema such as {@code pgq} is missing where it is needed. */
    SCHEMA_MISSING(5),
    /** An installed schema is newer than this release, or otherwise incompatible. */
    SCHEMA_VERSION(5),
    /** The database state forbids the request (consumer not registered, table unknown, ...). */
    STATE(6),
    /** Another instance already runs (pidfile held by a live process). */
    ALREADY_RUNNING(7),
    /** A daemon-control command found no running process. */
    NOT_RUNNING(8),
    /** A bug: an invariant of this program broke. */
    INTERNAL(70);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }
}
