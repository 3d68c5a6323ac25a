package org.skytools.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
 * on another: the calling thread reads rows and packs them into chunks, a second thread writes the
 * chunks, so that both sides work at once; memory stays at a few chunks however big the table.
 * A failure on either side cancels both copies, so neither connection is left inside a COPY.
 * Transactions are the caller's: the source usually runs in a snapshot, and the target's COPY
 * is committed (or not) by whoever owns the connection.
 */
public final class CopyStreamer {
    private static final Logger log = LoggerFactory.getLogger(CopyStreamer.class);
    // one CopyData message per chunk: fewer, larger writes than one per row
    private static final int CHUNK = 256 * 1024;
    private static final int IN_FLIGHT = 4;

    /**
     * Copies a table's rows: {@code COPY src (cols) TO STDOUT} into {@code COPY dst (cols) FROM
     * STDIN}. An empty column list means all columns, in table order.
     */
    public CopyResult copyTable(
            Connection src, FqName srcTable, Connection dst, FqName dstTable, List<String> columns) {
        return copyTable(src, srcTable, dst, dstTable, columns, false);
    }

    /**
     * As {@link #copyTable(Connection, FqName, Connection, FqName, List)}, in COPY's binary format
     * when {@code binary}: faster, but only for columns of the same built-in types on both sides
     * of the same major version (the caller checks).
     */
    public CopyResult copyTable(
            Connection src, FqName srcTable, Connection dst, FqName dstTable, List<String> columns, boolean binary) {
        String cols = columnList(columns);
        String format = binary ? " (FORMAT binary)" : "";
        return copy(
                src,
                "COPY " + srcTable.quoted() + cols + " TO STDOUT" + format,
                srcTable.toString(),
                dst,
                "COPY " + dstTable.quoted() + cols + " FROM STDIN" + format,
                dstTable.toString());
    }

    /**
     * Copies the result of a query: {@code COPY (query) TO STDOUT} into {@code COPY dst (cols) FROM
     * STDIN}. The query's columns must match {@code columns} (all columns when empty) in order.
     */
    public CopyResult copyQuery(Connection src, String query, Connection dst, FqName dstTable, List<String> columns) {
        return copyQuery(src, query, dst, dstTable, columns, false);
    }

    /**
     * As {@link #copyQuery(Connection, String, Connection, FqName, List)}, in COPY's binary format
     * when {@code binary} (the caller checks that the types allow it).
     */
    public CopyResult copyQuery(
            Connection src, String query, Connection dst, FqName dstTable, List<String> columns, boolean binary) {
        String format = binary ? " (FORMAT binary)" : "";
        return copy(
                src,
                "COPY (" + query + ") TO STDOUT" + format,
                "query",
                dst,
                "COPY " + dstTable.quoted() + columnList(columns) + " FROM STDIN" + format,
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
        return copy(src, copyOutSql, srcLabel, dst, copyInSql, dstLabel, null);
    }

    /**
     * As {@link #copy(Connection, String, String, Connection, String, String)}, with each row (one
     * line of COPY text, newline included) replaced by what {@code rowRewrite} makes of it. An
     * exception or error of {@code rowRewrite} cancels both sides and is thrown as it is.
     */
    public CopyResult copy(
            Connection src,
            String copyOutSql,
            String srcLabel,
            Connection dst,
            String copyInSql,
            String dstLabel,
            UnaryOperator<byte[]> rowRewrite) {
        return copy(src, copyOutSql, srcLabel, List.of(dst), copyInSql, dstLabel, false, rowRewrite);
    }

    /**
     * As {@link #copy(Connection, String, String, Connection, String, String, UnaryOperator)}, into
     * several target connections at once: one reader deals the chunks of rows out in turn, and each
     * target runs its own {@code COPY ... FROM STDIN}, so that the target's parsing and inserting run
     * on as many backends. Every target's transaction stays the caller's. With {@code binary}, each
     * target gets its own header and trailer of COPY's binary format.
     */
    public CopyResult copy(
            Connection src,
            String copyOutSql,
            String srcLabel,
            List<Connection> dsts,
            String copyInSql,
            String dstLabel,
            boolean binary,
            UnaryOperator<byte[]> rowRewrite) {
        long start = System.nanoTime();
        boolean split = dsts.size() > 1;
        boolean rewrap = split && binary;
        // The targets start first: if one cannot, the source has nothing to undo.
        List<CopyIn> ins = new ArrayList<>();
        for (Connection dst : dsts) {
            try {
                ins.add(copyApi(dst).copyIn(copyInSql));
            } catch (SQLException e) {
                ins.forEach(CopyStreamer::cancel);
                throw failure(srcLabel, dstLabel, "starting to write the target", e);
            }
        }
        CopyOut out;
        try {
            out = copyApi(src).copyOut(copyOutSql);
        } catch (SQLException e) {
            ins.forEach(CopyStreamer::cancel);
            throw failure(srcLabel, dstLabel, "starting to read the source", e);
        }
        List<Writer> writers = new ArrayList<>();
        List<Thread> writing = new ArrayList<>();
        for (CopyIn in : ins) {
            Writer w = new Writer(in, rewrap);
            writers.add(w);
            Thread t = new Thread(w, "copy-writer-" + writers.size());
            t.setDaemon(true);
            writing.add(t);
            t.start();
        }
        long bytes = 0;
        SQLException readError = null;
        Throwable rewriteError = null;
        try {
            byte[] chunk = new byte[CHUNK];
            int used = 0;
            int turn = 0;
            boolean headerSeen = false;
            while (!anyFailed(writers)) {
                byte[] row = out.readFromCopy();
                if (row == null) {
                    break;
                }
                bytes += row.length;
                if (rewrap) {
                    // each target writes its own header and trailer around its share of the rows
                    if (!headerSeen) {
                        row = BinaryCopy.withoutHeader(row);
                        headerSeen = true;
                    }
                    if (row.length == 0 || BinaryCopy.isTrailer(row)) {
                        continue;
                    }
                }
                if (rowRewrite != null) {
                    row = rowRewrite.apply(row);
                }
                if (used + row.length > chunk.length) {
                    if (used > 0) {
                        writers.get(turn++ % writers.size()).put(chunk, used);
                        chunk = new byte[CHUNK];
                        used = 0;
                    }
                    if (row.length > chunk.length) {
                        writers.get(turn++ % writers.size()).put(row, row.length);
                        continue;
                    }
                }
                System.arraycopy(row, 0, chunk, used, row.length);
                used += row.length;
            }
            if (used > 0 && !anyFailed(writers)) {
                writers.get(turn % writers.size()).put(chunk, used);
            }
        } catch (SQLException e) {
            readError = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            readError = new SQLException("interrupted", e);
        } catch (RuntimeException | Error e) {
            rewriteError = e;
        }
        boolean complete = readError == null && rewriteError == null && !anyFailed(writers);
        for (Writer w : writers) {
            w.finish(complete);
        }
        writing.forEach(CopyStreamer::join);
        if (rewriteError != null) {
            if (out.isActive()) {
                abortSource(src, out);
            }
            if (rewriteError instanceof Error err) {
                throw err;
            }
            throw (RuntimeException) rewriteError;
        }
        if (readError != null) {
            throw failure(srcLabel, dstLabel, "reading the source", readError);
        }
        long rows = 0;
        for (Writer w : writers) {
            if (w.error() != null) {
                if (out.isActive()) {
                    abortSource(src, out);
                }
                throw failure(
                        srcLabel, dstLabel, w.rows() < 0 ? "writing the target" : "finishing the target", w.error());
            }
            rows += w.rows();
        }
        CopyResult result = new CopyResult(rows, bytes, Duration.ofNanos(System.nanoTime() - start));
        log.info(
                "copied {} rows ({} bytes) from \"{}\" to \"{}\"{} in {} ms",
                result.rows(),
                bytes,
                srcLabel,
                dstLabel,
                split ? " over " + writers.size() + " connections" : "",
                result.elapsed().toMillis());
        return result;
    }

    private static boolean anyFailed(List<Writer> writers) {
        for (Writer w : writers) {
            if (w.failed()) {
                return true;
            }
        }
        return false;
    }

    private static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the chunks the reading thread hands over into the target's COPY, so that reading the
     * source and writing the target overlap; a few chunks in flight bound the memory.
     */
    private static final class Writer implements Runnable {
        private record Chunk(byte[] data, int length) {}

        private static final Chunk END = new Chunk(new byte[0], 0);
        private static final Chunk CANCEL = new Chunk(new byte[0], 0);

        private final CopyIn in;
        // binary format split over several targets: this one writes its own header and trailer
        private final boolean wrap;
        private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(IN_FLIGHT);
        private volatile SQLException error;
        private volatile long rows = -1;

        Writer(CopyIn in, boolean wrap) {
            this.in = in;
            this.wrap = wrap;
        }

        /** Hands a chunk over; returns at once, dropping it, once the writer has failed. */
        void put(byte[] data, int length) throws InterruptedException {
            offer(new Chunk(data, length));
        }

        /** Ends the target's COPY, or cancels it when the reading failed. */
        void finish(boolean complete) {
            try {
                offer(complete ? END : CANCEL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = new SQLException("interrupted", e);
            }
        }

        private void offer(Chunk c) throws InterruptedException {
            while (!failed()) {
                if (chunks.offer(c, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }

        boolean failed() {
            return error != null;
        }

        SQLException error() {
            return error;
        }

        long rows() {
            return rows;
        }

        @Override
        public void run() {
            try {
                if (wrap) {
                    in.writeToCopy(BinaryCopy.HEADER, 0, BinaryCopy.HEADER.length);
                }
                while (true) {
                    Chunk c = chunks.take();
                    if (c == END) {
                        try {
                            if (wrap) {
                                in.writeToCopy(BinaryCopy.TRAILER, 0, BinaryCopy.TRAILER.length);
                            }
                            rows = in.endCopy();
                        } catch (SQLException e) {
                            rows = 0;
                            error = e;
                        }
                        return;
                    }
                    if (c == CANCEL) {
                        cancel(in);
                        return;
                    }
                    in.writeToCopy(c.data(), 0, c.length());
                }
            } catch (SQLException e) {
                error = e;
                cancel(in);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = new SQLException("interrupted", e);
                cancel(in);
            }
        }
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
