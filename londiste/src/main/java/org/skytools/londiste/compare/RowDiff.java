package org.skytools.londiste.compare;

import java.util.ArrayList;
import java.util.List;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;

/**
 * Turns two rows that share a primary key (or one side missing) into the SQL that makes the
 * target equal the source (behaviour.md R-5): INSERT for a row only in the source, DELETE for a
 * row only in the target, UPDATE of the differing columns guarded by the old values.
 */
final class RowDiff {
    private final FqName table;
    private final List<String> columns;
    private final int keyCount;

    /** {@code columns} lists the key columns first, {@code keyCount} of them. */
    RowDiff(FqName table, List<String> columns, int keyCount) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.keyCount = keyCount;
    }

    /** Compares keys by code point, column by column, the order of {@code collate "C"} on text. */
    int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < keyCount; i++) {
            int c = compareText(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int compareText(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    String insert(List<String> src) {
        List<String> vals = new ArrayList<>();
        for (String v : src) {
            vals.add(Quoting.quoteLiteralOrNull(v));
        }
        return "insert into " + table.quoted() + " (" + Quoting.quoteIdentList(columns) + ") values ("
                + String.join(", ", vals) + ");";
    }

    String delete(List<String> dst) {
        return "delete from only " + table.quoted() + " where " + keyWhere(dst) + ";";
    }

    /** The UPDATE for differing rows, or null when they are equal. */
    String update(List<String> src, List<String> dst) {
        List<String> set = new ArrayList<>();
        List<String> guard = new ArrayList<>();
        for (int i = keyCount; i < columns.size(); i++) {
            if (sameValue(src.get(i), dst.get(i))) {
                continue;
            }
            String col = Quoting.quoteIdent(columns.get(i));
            set.add(col + " = " + Quoting.quoteLiteralOrNull(src.get(i)));
            guard.add(dst.get(i) == null ? col + " is null" : col + " = " + Quoting.quoteLiteral(dst.get(i)));
        }
        if (set.isEmpty()) {
            return null;
        }
        return "update only " + table.quoted() + " set " + String.join(", ", set) + " where " + keyWhere(dst) + " and "
                + String.join(" and ", guard) + ";";
    }

    private String keyWhere(List<String> row) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            parts.add(Quoting.quoteIdent(columns.get(i)) + " = " + Quoting.quoteLiteral(row.get(i)));
        }
        return String.join(" and ", parts);
    }

    // timestamptz on one side and timestamp on the other differ only by the zone suffix
    static boolean sameValue(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        return stripZone(a).equals(stripZone(b))
                && (stripZone(a).equals(a) || stripZone(b).equals(b));
    }

    private static String stripZone(String v) {
        return v.replaceFirst("[+-]\\d\\d(:\\d\\d)?$", "");
    }
}
