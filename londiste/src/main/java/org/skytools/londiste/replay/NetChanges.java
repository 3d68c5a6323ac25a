package org.skytools.londiste.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.db.RowImage;

/**
 * The net effect of a run of row changes of one table, per primary key, as SkyTools' {@code bulk}
 * handler computes it: a key inserted and deleted in the run vanishes; inserted then updated is one
 * insert of the last row; existing and updated is one update (columns of all updates, last value
 * wins); existing and deleted is one delete; deleted and inserted again is a delete plus an insert.
 * Keys are distinct, so deletes, inserts and updates can each go as one set statement.
 */
final class NetChanges {
    /** Rows of one column list: values in {@code columns} order. */
    record RowSet(List<String> columns, List<List<String>> rows) {}

    private static final class KeyState {
        boolean existedBefore;
        boolean existsNow;
        boolean sawDelete;
        // the event's own row until a later update merges into it: copied only then
        Map<String, String> row;
        boolean rowOwned;

        void merge(Map<String, String> update) {
            if (!rowOwned) {
                row = new LinkedHashMap<>(row);
                rowOwned = true;
            }
            row.putAll(update);
        }
    }

    final List<List<String>> deletes = new ArrayList<>();
    final Map<List<String>, RowSet> updates = new LinkedHashMap<>();
    final Map<List<String>, RowSet> inserts = new LinkedHashMap<>();

    private NetChanges() {}

    /**
     * The net changes of {@code changes} (all of one table, keyed by {@code pkey}), or null when the
     * run is not one a consistent origin can produce (an insert of a key that exists, an update or
     * delete of a key just deleted): such runs are applied in order so that they fail or no-op
     * exactly as they would one by one.
     */
    static NetChanges of(List<ReplayEvent.RowChange> changes, List<String> pkey) {
        Map<List<String>, KeyState> keys = new LinkedHashMap<>();
        for (ReplayEvent.RowChange ch : changes) {
            List<String> key = ch.keyValues();
            KeyState st = keys.get(key);
            switch (ch.op()) {
                case INSERT -> {
                    if (st == null) {
                        st = new KeyState();
                        keys.put(key, st);
                    } else if (st.existsNow) {
                        return null;
                    }
                    st.existsNow = true;
                    st.row = ch.row();
                    st.rowOwned = false;
                }
                case UPDATE -> {
                    if (st == null) {
                        st = new KeyState();
                        st.existedBefore = true;
                        st.existsNow = true;
                        st.row = ch.row();
                        keys.put(key, st);
                    } else if (!st.existsNow) {
                        return null;
                    } else {
                        st.merge(ch.row());
                    }
                }
                case DELETE -> {
                    if (st == null) {
                        st = new KeyState();
                        st.existedBefore = true;
                        keys.put(key, st);
                    } else if (!st.existsNow) {
                        return null;
                    }
                    st.existsNow = false;
                    st.sawDelete |= st.existedBefore;
                    st.row = null;
                }
            }
        }
        NetChanges net = new NetChanges();
        for (Map.Entry<List<String>, KeyState> e : keys.entrySet()) {
            KeyState st = e.getValue();
            if (st.existedBefore && (!st.existsNow || st.sawDelete)) {
                net.deletes.add(e.getKey());
            }
            if (st.existsNow) {
                boolean insert = !st.existedBefore || st.sawDelete;
                net.add(insert ? net.inserts : net.updates, st.row);
            }
        }
        return net;
    }

    /** Inserts only, into a table without a key: every row is inserted, in order. */
    static NetChanges insertsOnly(List<ReplayEvent.RowChange> changes) {
        NetChanges net = new NetChanges();
        for (ReplayEvent.RowChange ch : changes) {
            net.add(net.inserts, ch.row());
        }
        return net;
    }

    private void add(Map<List<String>, RowSet> sets, Map<String, String> row) {
        List<String> cols;
        List<String> values;
        if (row instanceof RowImage image) {
            // an event's row carries its shared column list and a view of its values
            cols = image.columnNames();
            values = image.valueList();
        } else {
            // a row that later updates were merged into
            cols = List.copyOf(row.keySet());
            values = new ArrayList<>(row.values());
        }
        RowSet set = sets.computeIfAbsent(cols, c -> new RowSet(c, new ArrayList<>()));
        set.rows().add(values);
    }

    /**
     * Turns updates into delete plus insert ({@code bulk} method 1) and, with {@code inserts} too,
     * deletes the keys of inserts first (method 2), which also replaces rows the subscriber has.
     */
    void asDeleteInsert(boolean inserts, List<String> pkey) {
        for (RowSet set : updates.values()) {
            for (List<String> row : set.rows()) {
                deletes.add(keyOf(set.columns(), row, pkey));
            }
            this.inserts
                    .computeIfAbsent(set.columns(), c -> new RowSet(c, new ArrayList<>()))
                    .rows()
                    .addAll(set.rows());
        }
        updates.clear();
        if (inserts) {
            java.util.Set<List<String>> deleted = new java.util.HashSet<>(deletes);
            for (RowSet set : this.inserts.values()) {
                for (List<String> row : set.rows()) {
                    List<String> k = keyOf(set.columns(), row, pkey);
                    if (deleted.add(k)) {
                        deletes.add(k);
                    }
                }
            }
        }
    }

    private static List<String> keyOf(List<String> columns, List<String> row, List<String> pkey) {
        List<String> k = new ArrayList<>(pkey.size());
        for (String c : pkey) {
            k.add(row.get(columns.indexOf(c)));
        }
        return k;
    }
}
