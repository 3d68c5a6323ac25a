package org.skytools.pgq.internal;

import java.sql.SQLException;
import org.skytools.pgq.Event;

/** The events of one open batch, in {@code ev_id} order, read while they are asked for. */
public interface BatchEventSource extends AutoCloseable {

    /** The next event, or null after the last one. */
    Event next() throws SQLException;

    /** The most events held in memory at once so far. */
    int peakHeld();

    /** Ends the reading early or after the last event; the connection is free again afterwards. */
    @Override
    void close() throws SQLException;
}
