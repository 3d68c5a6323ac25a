package org.skytools.pgq.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Parses {@code timestamptz} text as the server sends it with {@code DateStyle=ISO} (which pgjdbc
 * sets): {@code 2024-05-01 12:30:00.123456+02}. Events keep the text and parse it only when asked,
 * which keeps reading big batches cheap.
 */
public final class PgTimestamps {
    private static final DateTimeFormatter ISO_SPACE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:mm:ss", "Z")
            .toFormatter();

    private PgTimestamps() {}

    /** The timestamp, or null for null text; {@code infinity} maps to {@link OffsetDateTime#MAX}. */
    public static OffsetDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.equals("infinity")) {
            return OffsetDateTime.MAX;
        }
        if (text.equals("-infinity")) {
            return OffsetDateTime.MIN;
        }
        return OffsetDateTime.parse(text, ISO_SPACE);
    }
}
