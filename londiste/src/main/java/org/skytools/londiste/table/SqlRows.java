package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/** Small JDBC shortcuts shared by the table, copy and compare code: rows as maps, ret-code calls. */
public final class SqlRows {
    private SqlRows() {}

    /** Runs a query with positional parameters and returns every row as a column-name map. */
    public static List<Map<String, Object>> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public static Object value(Connection c, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = query(c, sql, params);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** Runs a statement that returns no rows. */
    public static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Calls a function returning {@code (ret_code, ret_note, ...)} and returns its first row; a code
     * of 400 or more becomes a STATE error carrying the note.
     */
    public static Map<String, Object> retCall(Connection c, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = query(c, sql, params);
        if (rows.isEmpty()) {
            throw new SkyToolsException(ErrorKind.INTERNAL, "no result from: " + sql);
        }
        Map<String, Object> row = rows.get(0);
        int code = ((Number) row.get("ret_code")).intValue();
        if (code >= 400) {
            throw SkyToolsException.state(lowerFirst(String.valueOf(row.get("ret_note"))) + " (code " + code + ")");
        }
        return row;
    }

    /** Ends a read-only transaction when the connection is not in autocommit mode. */
    public static void endRead(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** The ret_code of a row returned by {@link #retCall}. */
    public static int code(Map<String, Object> row) {
        return ((Number) row.get("ret_code")).intValue();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
