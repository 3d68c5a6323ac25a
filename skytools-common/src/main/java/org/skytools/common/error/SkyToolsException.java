package org.skytools.common.error;

/**
 * The one unchecked exception of the product. Its message is written for a person: one sentence
 * naming the file, section, key or object, what is wrong and, where it helps, what to do.
 */
public class SkyToolsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public SkyToolsException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SkyToolsException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** What went wrong; decides the exit code. */
    public ErrorKind kind() {
        return kind;
    }

    /** Shortcut for a configuration error. */
    public static SkyToolsException config(String message) {
        return new SkyToolsException(ErrorKind.CONFIG, message);
    }

    /** Shortcut for a command-line error. */
    public static SkyToolsException usage(String message) {
        return new SkyToolsException(ErrorKind.USAGE, message);
    }

    /** Shortcut for a database-state error (unknown queue, consumer, table...). */
    public static SkyToolsException state(String message) {
        return new SkyToolsException(ErrorKind.STATE, message);
    }
}
