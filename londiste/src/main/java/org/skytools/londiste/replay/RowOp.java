package org.skytools.londiste.replay;

/** The row operation of a data event: the first letter of its {@code ev_type}. */
public enum RowOp {
    /** A row was inserted; the event carries the new row. */
    INSERT('I'),
    /** A row was updated; the event carries the new row. */
    UPDATE('U'),
    /** A row was deleted; the event carries the old row. */
    DELETE('D');

    private final char code;

    RowOp(char code) {
        this.code = code;
    }

    /** The letter used in {@code ev_type}: I, U or D. */
    public char code() {
        return code;
    }

    /** The operation for an {@code ev_type} letter, or null when it is none of I, U and D. */
    public static RowOp ofCode(char c) {
        return switch (c) {
            case 'I' -> INSERT;
            case 'U' -> UPDATE;
            case 'D' -> DELETE;
            default -> null;
        };
    }
}
