package org.skytools.pgq;

import java.time.OffsetDateTime;

/**
 * An event to insert with {@link Producer#bulkInsert}. A null {@code time} means the inserting
 * transaction's {@code now()}, as {@code pgq.insert_event} uses.
 */
public record NewEvent(
        String type, String data, String extra1, String extra2, String extra3, String extra4, OffsetDateTime time) {

    /** An event with type and data only. */
    public static NewEvent of(String type, String data) {
        return new NewEvent(type, data, null, null, null, null, null);
    }

    /** An event with type, data and the four extra fields. */
    public static NewEvent of(String type, String data, String extra1, String extra2, String extra3, String extra4) {
        return new NewEvent(type, data, extra1, extra2, extra3, extra4, null);
    }
}
