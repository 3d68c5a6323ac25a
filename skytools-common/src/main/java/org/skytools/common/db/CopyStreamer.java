package org.skytools.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.postgresql.util.PSQLException;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams {@code COPY ... TO STDOUT} on one connection straight into {@code COPY ... FROM STDIN}
 * on another, in one thread, one row at a time: memory stays at one row however big the table.
 * A failure on either side cancels both copies, so neither connection is left inside a COPY.
 * Transactions are the caller's: the source usually runs in a snapshot, and the target's COPY
 * is committed (or not) by whoever owns the connection.
 */
public final class CopyStreamer {
    private static final Logger log = LoggerFactory.getLogger(CopyStreamer.class);

    /**
     * Copies a table's rows: {@code COPY src (cols) TO STDOUT} into {@code COPY dst (cols) FROM
     * STDIN}. An empty column list means all columns, in table order.
     */
    public CopyResult copyTable(
            Connection src, FqName srcTable, Connection dst, FqName dstTable, List<String> columns) {
        String cols = columnList(columns);
        return copy(
                src,
                "COPY " + srcTable.quoted() + cols + " TO STDOUT",
                srcTable.toString(),
                dst,
                "COPY " + dstTable.quoted() + cols + " FROM STDIN",
                dstTable.toString());
    }

    /**
     * Copies the result of a query: {@code COPY (query) TO STDOUT} into {@code COPY dst (cols) FROM
     * STDIN}. The query's columns must match {@code columns} (all columns when empty) in order.
     */
    public CopyResult copyQuery(Connection src, String query, Connection dst, FqName dstTable, List<String> columns) {
        return copy(
                src,
                "COPY (" + query + ") TO STDOUT",
                "query",
                dst,
                "COPY " + dstTable.quoted() + columnList(columns) + " FROM STDIN",
                dstTable.toString());
    }

    /**
     * Runs two prepared COPY statements against each other. The labels name the two sides in
     * messages (normally the table names).
     *
     * @throws SkyToolsException RUNTIME naming both sides; the SQLException is the cause, so
     *     {@link SqlErrors} can still classify it
     */
    public CopyResult copy(
            Connection src, String copyOutSql, String srcLabel, Connection dst, String copyInSql, String dstLabel) {
        long start = System.nanoTime();
        // The target starts first: if it cannot, the source has nothing to undo.
        CopyIn in;
        try {
            in = copyApi(dst).copyIn(copyInSql);
        } catch (SQLException e) {
            throw failure(srcLabel, dstLabel, "starting to write the target", e);
        }
        CopyOut out;
        try {
            out = copyApi(src).copyOut(copyOutSql);
        } catch (SQLException e) {
            cancel(in);
            throw failure(srcLabel, dstLabel, "starting to read the source", e);
        }
        long bytes = 0;
        while (true) {
            byte[] row;
            try {
                row = out.readFromCopy();
            } catch (SQLException e) {
                cancel(in);
                throw failure(srcLabel, dstLabel, "reading the source", e);
            }
            if (row == null) {
                break;
            }
            try {
                in.writeToCopy(row, 0, row.length);
            } catch (SQLException e) {
                abortSource(src, out);
                cancel(in);
                throw failure(srcLabel, dstLabel, "writing the target", e);
            }
            bytes += row.length;
        }
        long rows;
        try {
            rows = in.endCopy();
        } catch (SQLException e) {
            throw failure(srcLabel, dstLabel, "finishing the target", e);
        }
        CopyResult result = new CopyResult(rows, bytes, Duration.ofNanos(System.nanoTime() - start));
        log.info(
                "copied {} rows ({} bytes) from \"{}\" to \"{}\" in {} ms",
                rows,
                bytes,
                srcLabel,
                dstLabel,
                result.elapsed().toMillis());
        return result;
    }

    private static CopyManager copyApi(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    private static String columnList(List<String> columns) {
        return columns.isEmpty() ? "" : " (" + Quoting.quoteIdentList(columns) + ")";
    }

    // pgjdbc's CopyOut.cancelCopy() leaves the rest of the stream unread on the connection
    // (pgjdbc issue 3163), so the source is cancelled on the server and then drained here.
    private static void abortSource(Connection src, CopyOut out) {
        try {
            src.unwrap(PGConnection.class).cancelQuery();
            while (out.isActive() && out.readFromCopy() != null) {
                // discard what the server sent before it saw the cancel
            }
        } catch (SQLException e) {
            log.debug("source COPY ended: {}", e.getMessage());
        }
    }

    // Cancelling is best effort: the first failure is what the caller needs to see.
    private static void cancel(CopyIn op) {
        try {
            if (op.isActive()) {
                op.cancelCopy();
            }
        } catch (SQLException e) {
            log.debug("cancelling COPY failed too: {}", e.getMessage());
        }
    }

    private static SkyToolsException failure(String src, String dst, String step, SQLException e) {
        return new SkyToolsException(
                ErrorKind.RUNTIME,
                "copy from \"" + src + "\" to \"" + dst + "\" failed while " + step + ": " + DbConnector.reason(e)
                        + where(e),
                e);
    }

    // The server's context line ("COPY t, line 12") tells which row broke.
    private static String where(SQLException e) {
        if (e instanceof PSQLException pe
                && pe.getServerErrorMessage() != null
                && pe.getServerErrorMessage().getWhere() != null) {
            return " ("
                    + pe.getServerErrorMessage().getWhere().lines().findFirst().orElse("") + ")";
        }
        return "";
    }
}
