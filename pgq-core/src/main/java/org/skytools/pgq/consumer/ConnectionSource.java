package org.skytools.pgq.consumer;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands a consumer its database connection: the same one on every call until {@link #reset}, so
 * that a batch's statements share a transaction. After a failure the caller resets and the next
 * call reconnects.
 */
public interface ConnectionSource extends AutoCloseable {
    /** The cached connection, opened first if needed. */
    Connection connection() throws SQLException;

    /** Closes the cached connection, ignoring errors; the next {@link #connection} reconnects. */
    void reset();

    /** Same as {@link #reset}. */
    @Override
    default void close() {
        reset();
    }
}
