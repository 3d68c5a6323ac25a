package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skytools.common.db.Quoting;

/**
 * Applies {@link NetChanges} of one table with one statement per operation and column list: the
 * rows travel as text arrays (in the binary array format), {@code unnest} turns them back into rows
 * and each value is cast to its column's type (the same input function a quoted literal goes
 * through). Deletes go first, then inserts, then updates; the keys are distinct so no statement
 * sees another's rows.
 */
final class SetStatements {
    private final Connection conn;
    private final DestTableInfo info;
    private final List<String> pkey;
    private final String dest;
    private final int rowsPerStatement;
    private final ApplyCounters counters;

    SetStatements(
            Connection conn, DestTableInfo info, List<String> pkey, int rowsPerStatement, ApplyCounters counters) {
        this.conn = conn;
        this.info = info;
        this.pkey = pkey;
        this.dest = Quoting.quoteFqName(info.name());
        this.rowsPerStatement = rowsPerStatement;
        this.counters = counters;
    }

    void apply(NetChanges net) throws SQLException {
        if (!net.deletes.isEmpty()) {
            run(deleteSql(), pkey.size(), net.deletes);
        }
        for (NetChanges.RowSet set : net.inserts.values()) {
            run(insertSql(set.columns()), set.columns().size(), set.rows());
        }
        for (NetChanges.RowSet set : net.updates.values()) {
            String sql = updateSql(set.columns());
            if (sql != null) {
                run(sql, set.columns().size(), set.rows());
            }
        }
    }

    String deleteSql() {
        List<String> k = pkey;
        return "delete from " + info.onlyKeyword() + dest + " t using " + unnest(k.size()) + " where " + keyMatch(k, k);
    }

    String insertSql(List<String> cols) {
        List<String> vals = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            vals.add(cast(i, cols.get(i)));
        }
        return "insert into " + dest + " (" + Quoting.quoteIdentList(cols) + ") select " + String.join(", ", vals)
                + " from " + unnest(cols.size());
    }

    /** The update for rows of these columns, or null when they hold nothing but the key. */
    String updateSql(List<String> cols) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (!pkey.contains(cols.get(i))) {
                set.add(Quoting.quoteIdent(cols.get(i)) + " = " + cast(i, cols.get(i)));
            }
        }
        if (set.isEmpty()) {
            return null;
        }
        return "update " + info.onlyKeyword() + dest + " t set " + String.join(", ", set) + " from "
                + unnest(cols.size()) + " where " + keyMatch(pkey, cols);
    }

    private String keyMatch(List<String> pkey, List<String> cols) {
        List<String> parts = new ArrayList<>();
        for (String k : pkey) {
            parts.add("t." + Quoting.quoteIdent(k) + " = " + cast(cols.indexOf(k), k));
        }
        return String.join(" and ", parts);
    }

    private String cast(int pos, String col) {
        return "u.c" + pos + "::" + info.columnTypes().get(col);
    }

    private static String unnest(int n) {
        StringBuilder sb = new StringBuilder("unnest(");
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append("?::text[]");
        }
        sb.append(") as u(");
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append('c').append(i);
        }
        return sb.append(')').toString();
    }

    private void run(String sql, int ncols, List<List<String>> rows) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int from = 0; from < rows.size(); from += rowsPerStatement) {
                List<List<String>> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
                for (int c = 0; c < ncols; c++) {
                    String[] col = new String[chunk.size()];
                    for (int r = 0; r < col.length; r++) {
                        col[r] = chunk.get(r).get(c);
                    }
                    // a String[] parameter goes in the binary array format: no quoting to add
                    // here nor to parse on the server
                    ps.setObject(c + 1, col);
                }
                counters.roundTrip(1);
                ps.executeUpdate();
            }
        }
    }
}
