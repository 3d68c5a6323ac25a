package org.skytools.pgq;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.skytools.common.db.Quoting;

/**
 * Puts events into a queue inside the caller's transaction: they become visible to consumers when,
 * and only if, that transaction commits. {@link #bulkInsert} streams many events with one COPY into
 * the queue's current event table, as SkyTools' {@code bulk_insert_events} does.
 */
public final class Producer {
    private static final String COPY_COLUMNS =
            " (ev_time, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4)";
    private static final int FLUSH_CHARS = 64 * 1024;

    private final Connection conn;
    private final PgqClient client;

    /** A producer writing through {@code conn}, in its current transaction. */
    public Producer(Connection conn) {
        this.conn = conn;
        this.client = new PgqClient(conn);
    }

    /** {@code pgq.insert_event(queue, type, data)}; returns the new ev_id. */
    public long insertEvent(String queue, String type, String data) throws SQLException {
        return client.insertEvent(queue, type, data);
    }

    /** {@code pgq.insert_event} with the four extra fields; returns the new ev_id. */
    public long insertEvent(
            String queue, String type, String data, String extra1, String extra2, String extra3, String extra4)
            throws SQLException {
        return client.insertEvent(queue, type, data, extra1, extra2, extra3, extra4);
    }

    /** Inserts one event built with {@link NewEvent}; a set time is ignored, as {@code insert_event} uses now(). */
    public long insertEvent(String queue, NewEvent ev) throws SQLException {
        return client.insertEvent(queue, ev.type(), ev.data(), ev.extra1(), ev.extra2(), ev.extra3(), ev.extra4());
    }

    /**
     * Inserts the events with one {@code COPY} into {@code pgq.current_event_table(queue)}; ids come
     * from the queue's sequence and {@code ev_txid} is the caller's transaction. Events without a
     * time get the transaction's {@code now()}. On an autocommit connection the COPY runs in a
     * transaction of its own, because the current table is only valid within one transaction.
     * Returns the number of events inserted.
     */
    public long bulkInsert(String queue, Iterable<NewEvent> events) throws SQLException {
        boolean ownTx = conn.getAutoCommit();
        if (ownTx) {
            conn.setAutoCommit(false);
        }
        try {
            long n = copyEvents(queue, events);
            if (ownTx) {
                conn.commit();
            }
            return n;
        } catch (SQLException | RuntimeException e) {
            if (ownTx) {
                conn.rollback();
            }
            throw e;
        } finally {
            if (ownTx) {
                conn.setAutoCommit(true);
            }
        }
    }

    private long copyEvents(String queue, Iterable<NewEvent> events) throws SQLException {
        String table;
        String now;
        try (PreparedStatement st = conn.prepareStatement("select pgq.current_event_table(?::text), now()::text")) {
            st.setString(1, queue);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                table = rs.getString(1);
                now = rs.getString(2);
            }
        }
        String sql = "copy " + Quoting.quoteFqName(table) + COPY_COLUMNS + " from stdin";
        CopyIn copy = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder buf = new StringBuilder(FLUSH_CHARS + 1024);
            for (NewEvent ev : events) {
                appendRow(buf, ev, now);
                if (buf.length() >= FLUSH_CHARS) {
                    write(copy, buf);
                }
            }
            write(copy, buf);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void appendRow(StringBuilder buf, NewEvent ev, String now) {
        OffsetDateTime t = ev.time();
        buf.append(t == null ? now : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        for (String v : new String[] {ev.type(), ev.data(), ev.extra1(), ev.extra2(), ev.extra3(), ev.extra4()}) {
            buf.append('\t');
            buf.append(Quoting.copyEscape(v));
        }
        buf.append('\n');
    }

    private static void write(CopyIn copy, StringBuilder buf) throws SQLException {
        if (buf.length() == 0) {
            return;
        }
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buf.setLength(0);
    }
}
