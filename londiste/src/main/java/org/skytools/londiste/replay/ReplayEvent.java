package org.skytools.londiste.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.skytools.common.db.RowImage;

/**
 * A queue event as the replay understands it: a row change, a partial-SQL change from {@code
 * pgq.sqltriga}, a truncate, an EXECUTE script, one of londiste's global events, or an event of the
 * cascade layer ({@code pgq.*}) that the replay leaves alone.
 */
public sealed interface ReplayEvent {
    /** {@code ev_id} of the event. */
    long eventId();

    /** {@code ev_txid} of the event. */
    long txid();

    /** An event that concerns one replicated table, named as in the queue ({@code ev_extra1}). */
    sealed interface TableEvent extends ReplayEvent {
        /** The table name as in the queue (root name), {@code schema.name}. */
        String table();
    }

    /**
     * A row change from {@code pgq.logutriga} (urlencoded) or {@code pgq.jsontriga} (JSON): the
     * operation, the key columns named by the event, the row (new row for I/U, old row for D; column
     * to text value, null for SQL NULL, in column order) and, when the trigger had {@code backup},
     * the old row of an update.
     */
    record RowChange(
            long eventId,
            long txid,
            String table,
            RowOp op,
            List<String> pkey,
            Map<String, String> row,
            Map<String, String> oldRow)
            implements TableEvent {
        public RowChange {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(op, "op");
            pkey = List.copyOf(pkey);
            row = unmodifiable(row);
            oldRow = oldRow == null ? null : unmodifiable(oldRow);
        }

        /** The key values of the row, in key column order; null entries when a value is missing. */
        public List<String> keyValues() {
            return keyOf(row);
        }

        /**
         * True when the event carries the old row and its key differs from the new one: the update
         * moved the row to another key.
         */
        public boolean changesKey() {
            return op == RowOp.UPDATE
                    && oldRow != null
                    && !pkey.isEmpty()
                    && !keyOf(oldRow).equals(keyOf(row));
        }

        /** The key values of the row before the change: of the old row when known, else of the row. */
        public List<String> oldKeyValues() {
            return oldRow != null && op == RowOp.UPDATE ? keyOf(oldRow) : keyOf(row);
        }

        private static Map<String, String> unmodifiable(Map<String, String> r) {
            return r instanceof RowImage ? r : Collections.unmodifiableMap(r);
        }

        private List<String> keyOf(Map<String, String> r) {
            List<String> k = new ArrayList<>(pkey.size());
            for (String c : pkey) {
                k.add(r.get(c));
            }
            return k;
        }
    }

    /**
     * A change from {@code pgq.sqltriga}: the partial SQL that follows {@code insert into T}, {@code
     * update only T set} or {@code delete from only T where}.
     */
    record SqlChange(long eventId, long txid, String table, RowOp op, String sql) implements TableEvent {}

    /** {@code R}: the table was truncated on the origin. */
    record Truncate(long eventId, long txid, String table) implements TableEvent {}

    /** {@code EXECUTE}: a script run on the root; {@code attrs} is urlencoded and may be null. */
    record Execute(long eventId, long txid, String fileName, String sql, String attrs) implements ReplayEvent {}

    /** {@code londiste.add-table}: a table was registered on the root. */
    record AddTable(long eventId, long txid, String table) implements ReplayEvent {}

    /** {@code londiste.remove-table}: a table was unregistered on the root. */
    record RemoveTable(long eventId, long txid, String table) implements ReplayEvent {}

    /** {@code londiste.update-seq}: the root published a new value for a sequence. */
    record UpdateSeq(long eventId, long txid, String sequence, long value) implements ReplayEvent {}

    /** {@code londiste.remove-seq}: a sequence was unregistered on the root. */
    record RemoveSeq(long eventId, long txid, String sequence) implements ReplayEvent {}

    /** A {@code pgq.*} event, handled by the cascade layer and skipped here. */
    record CascadeEvent(long eventId, long txid, String type) implements ReplayEvent {}
}
