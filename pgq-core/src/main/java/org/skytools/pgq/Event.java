package org.skytools.pgq;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.skytools.common.db.Quoting;
import org.skytools.pgq.internal.CopyTextRow;
import org.skytools.pgq.internal.PgTimestamps;

/**
 * One event of a batch, as {@code pgq.get_batch_events} returns it. The accessors follow the
 * {@code ev_*} columns. {@link #row()} decodes a urlencoded {@code ev_data} once, on first use.
 * An event read by a consumer can be tagged for retry; untagged events count as done.
 *
 * <p>Not a record: the decoded row and the event time are computed lazily, and tagging goes to the
 * consumer that read the event.
 */
public final class Event {
    /** The columns {@link #fromRow} reads, in its order: select them from the batch functions. */
    public static final String COLUMNS =
            "ev_id, ev_time, ev_txid, ev_retry, ev_type, ev_data, ev_extra1, ev_extra2, ev_extra3, ev_extra4";

    private final long id;
    private final String timeText;
    private final long txid;
    private final Integer retry;
    private final String type;
    private final String data;
    private final String extra1;
    private final String extra2;
    private final String extra3;
    private final String extra4;
    private final RetryTagger tagger;
    private OffsetDateTime time;
    private Map<String, String> row;
    private Charset rowCharset = StandardCharsets.UTF_8;

    /**
     * An event from its column values; {@code timeText} is {@code ev_time} in the server's ISO text
     * form. Tagging goes to {@code tagger}.
     */
    public Event(
            long id,
            String timeText,
            long txid,
            Integer retry,
            String type,
            String data,
            String extra1,
            String extra2,
            String extra3,
            String extra4,
            RetryTagger tagger) {
        this.id = id;
        this.timeText = timeText;
        this.txid = txid;
        this.retry = retry;
        this.type = type;
        this.data = data;
        this.extra1 = extra1;
        this.extra2 = extra2;
        this.extra3 = extra3;
        this.extra4 = extra4;
        this.tagger = Objects.requireNonNull(tagger, "tagger");
    }

    /**
     * The event in the current row of {@code rs}, whose first ten columns are those of
     * {@code pgq.get_batch_events} in order: ev_id, ev_time, ev_txid, ev_retry, ev_type, ev_data,
     * ev_extra1..4.
     */
    public static Event fromRow(ResultSet rs, RetryTagger tagger) throws SQLException {
        int retry = rs.getInt(4);
        Integer retryOrNull = rs.wasNull() ? null : retry;
        return new Event(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                retryOrNull,
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                tagger);
    }

    /**
     * The event in one row of {@code COPY (...) TO STDOUT} in the text format, whose columns are
     * {@link #COLUMNS} in order.
     */
    public static Event fromCopyRow(byte[] row, RetryTagger tagger) {
        String[] f = CopyTextRow.fields(row, 10);
        return new Event(
                Long.parseLong(f[0]),
                f[1],
                Long.parseLong(f[2]),
                f[3] == null ? null : Integer.valueOf(f[3]),
                f[4],
                f[5],
                f[6],
                f[7],
                f[8],
                f[9],
                tagger);
    }

    /** {@code ev_id}: unique within the queue. */
    public long id() {
        return id;
    }

    /** {@code ev_time}: when the event was inserted; a retried event keeps its first time. */
    public OffsetDateTime time() {
        if (time == null && timeText != null) {
            time = PgTimestamps.parse(timeText);
        }
        return time;
    }

    /** {@code ev_time} as the server sent it. */
    public String timeText() {
        return timeText;
    }

    /** {@code ev_txid}: the inserting transaction. */
    public long txid() {
        return txid;
    }

    /** {@code ev_retry}: null on first delivery, else how many times the event was retried. */
    public Integer retry() {
        return retry;
    }

    /** {@code ev_type}. */
    public String type() {
        return type;
    }

    /** {@code ev_data}. */
    public String data() {
        return data;
    }

    /** {@code ev_extra1}; the table name for trigger events. */
    public String extra1() {
        return extra1;
    }

    /** {@code ev_extra2}. */
    public String extra2() {
        return extra2;
    }

    /** {@code ev_extra3}. */
    public String extra3() {
        return extra3;
    }

    /** {@code ev_extra4}. */
    public String extra4() {
        return extra4;
    }

    /**
     * {@code ev_data} decoded as a urlencoded row ({@code id=1&name=x}): column to text value, in
     * column order, null for SQL NULL. Empty for null data. Unmodifiable. The escapes are read in
     * the character set of the database the event was read from (see {@link #readRowsAs}), as the
     * capture triggers write the bytes of their database's encoding.
     */
    public Map<String, String> row() {
        if (row == null) {
            row = Collections.unmodifiableMap(Quoting.urlDecode(data, rowCharset));
        }
        return row;
    }

    /**
     * Sets the character set {@link #row} reads the escapes in: the {@code server_encoding} of the
     * database the event came from. UTF-8 unless set; the consumer sets it for every event it reads.
     */
    public void readRowsAs(Charset charset) {
        if (!charset.equals(rowCharset)) {
            rowCharset = charset;
            row = null;
        }
    }

    /**
     * The same event with other {@code ev_data} and {@code ev_extra2}, for a handler that rewrites
     * what a cascade passes on; tagging still goes to this event's batch.
     */
    public Event withData(String newData, String newExtra2) {
        Event e = new Event(id, timeText, txid, retry, type, newData, extra1, newExtra2, extra3, extra4, tagger);
        e.time = time;
        e.rowCharset = rowCharset;
        return e;
    }

    /** Asks for the event to be delivered again, in a later batch, after {@code retrySeconds}. */
    public void tagRetry(int retrySeconds) {
        tagger.tagRetry(this, retrySeconds);
    }

    /** Marks the event done (the default), cancelling an earlier {@link #tagRetry}. */
    public void tagDone() {
        tagger.tagDone(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e
                && id == e.id
                && txid == e.txid
                && Objects.equals(timeText, e.timeText)
                && Objects.equals(retry, e.retry)
                && Objects.equals(type, e.type)
                && Objects.equals(data, e.data)
                && Objects.equals(extra1, e.extra1)
                && Objects.equals(extra2, e.extra2)
                && Objects.equals(extra3, e.extra3)
                && Objects.equals(extra4, e.extra4);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Long.hashCode(txid);
    }

    @Override
    public String toString() {
        return "Event[id=" + id + ", type=" + type + ", extra1=" + extra1 + ", retry=" + retry + "]";
    }
}
