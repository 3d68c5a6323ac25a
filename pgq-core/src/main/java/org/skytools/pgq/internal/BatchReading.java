package org.skytools.pgq.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.skytools.pgq.RetryTagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one consumer or worker reads its batches with a fetch size: streamed with COPY ({@link
 * EventStream}), or through a cursor ({@link EventCursor}) once its handler has run a statement on
 * the source connection while events were streaming, since it will likely do so again, or once
 * the session is seen to have a {@code statement_timeout}. The cursor is also used when the driver
 * does not let the stream watch for statements waiting for the connection.
 */
public final class BatchReading {
    private static final Logger log = LoggerFactory.getLogger(BatchReading.class);

    private final String cursorName;
    private volatile boolean cursorOnly;

    /** Batches read as {@code cursorName} when read through a cursor. */
    public BatchReading(String cursorName) {
        this.cursorName = cursorName;
    }

    /** The events of the open batch {@code batchId} on {@code db}, {@code fetchSize} at a time. */
    public BatchEventSource open(Connection db, long batchId, int fetchSize, String filter, RetryTagger tagger)
            throws SQLException {
        if (!cursorOnly) {
            EventStream stream =
                    EventStream.open(db, batchId, cursorName, fetchSize, filter, tagger, this::streamFellBack);
            if (stream != null) {
                return stream;
            }
            log.warn("this PostgreSQL driver cannot be watched while events stream; batches are read through a cursor");
            cursorOnly = true;
        }
        return new EventCursor(db, batchId, cursorName, fetchSize, filter, tagger);
    }

    /** Whether batches are read through a cursor from now on. */
    public boolean cursorOnly() {
        return cursorOnly;
    }

    private void streamFellBack(String reason) {
        if (!cursorOnly) {
            cursorOnly = true;
            log.info("{}: batches are read through a cursor from now on", reason);
        }
    }
}
