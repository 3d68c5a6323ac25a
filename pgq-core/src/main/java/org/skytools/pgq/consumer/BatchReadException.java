package org.skytools.pgq.consumer;

import java.sql.SQLException;

/** Reading a batch's events through its cursor failed; the cause is the database error. */
public final class BatchReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BatchReadException(long batchId, SQLException cause) {
        super("reading the events of batch " + batchId + " failed: " + cause.getMessage(), cause);
    }

    /** The database error. */
    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
