package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.skytools.londiste.table.TableInfo;
import org.skytools.pgq.Event;

/**
 * Applies row events of one table on the destination inside the caller's transaction. The copy
 * uses it for the events that the replay passed while the table was being copied; the worker
 * wires it to the replay's batch applier.
 */
@FunctionalInterface
public interface EventSink {
    /** Applies {@code events} (all of {@code table}, in event order) on {@code dst}; never commits. */
    void apply(Connection dst, TableInfo table, List<Event> events) throws SQLException;
}
