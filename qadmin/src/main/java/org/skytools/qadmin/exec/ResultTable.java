package org.skytools.qadmin.exec;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A result set laid out as psql's aligned format: centred headers, a dashed rule, cells padded to
 * the widest value with numbers right-aligned, {@code +} where a value continues on the next line,
 * NULL as an empty cell, and a {@code (N rows)} footer.
 */
public final class ResultTable {
    private final List<String> headers;
    private final List<Boolean> numeric;
    private final List<List<String>> rows;

    /**
     * @param headers column names
     * @param numeric per column, whether values are right-aligned
     * @param rows the values, null for NULL
     */
    public ResultTable(List<String> headers, List<Boolean> numeric, List<List<String>> rows) {
        this.headers = List.copyOf(headers);
        this.numeric = List.copyOf(numeric);
        this.rows = rows.stream()
                .map(r -> r.stream().map(v -> v == null ? "" : v).toList())
                .toList();
    }

    /** Reads every row of {@code rs} as text. */
    public static ResultTable of(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> headers = new ArrayList<>(n);
        List<Boolean> numeric = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            headers.add(meta.getColumnLabel(i));
            numeric.add(isNumeric(meta.getColumnType(i)));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return new ResultTable(headers, numeric, rows);
    }

    private static boolean isNumeric(int type) {
        return switch (type) {
            case Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.NUMERIC,
                    Types.DECIMAL,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE,
                    Types.TINYINT -> true;
            default -> false;
        };
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows.size();
    }

    /** The rendered lines, footer included. */
    public List<String> render() {
        int n = headers.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = headers.get(i).length();
            for (List<String> row : rows) {
                for (String line : row.get(i).split("\n", -1)) {
                    width[i] = Math.max(width[i], line.length());
                }
            }
        }
        List<String> out = new ArrayList<>();
        List<String> head = new ArrayList<>(n);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            head.add(centre(headers.get(i), width[i]));
            rule.append(i == 0 ? "" : "+").append("-".repeat(width[i] + 2));
        }
        out.add(joinLine(head, new boolean[n]));
        out.add(rule.toString());
        for (List<String> row : rows) {
            renderRow(row, width, out);
        }
        out.add(rows.size() == 1 ? "(1 row)" : "(" + rows.size() + " rows)");
        return out;
    }

    private void renderRow(List<String> row, int[] width, List<String> out) {
        int n = row.size();
        String[][] lines = new String[n][];
        int height = 1;
        for (int i = 0; i < n; i++) {
            lines[i] = row.get(i).split("\n", -1);
            height = Math.max(height, lines[i].length);
        }
        for (int h = 0; h < height; h++) {
            List<String> cells = new ArrayList<>(n);
            boolean[] more = new boolean[n];
            for (int i = 0; i < n; i++) {
                String piece = h < lines[i].length ? lines[i][h] : "";
                more[i] = h + 1 < lines[i].length;
                cells.add(numeric.get(i) ? padLeft(piece, width[i]) : padRight(piece, width[i]));
            }
            out.add(joinLine(cells, more));
        }
    }

    private static String joinLine(List<String> cells, boolean[] more) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(i == 0 ? " " : "| ").append(cells.get(i)).append(more[i] ? '+' : ' ');
        }
        // psql leaves no trailing blanks after the last column
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    private static String centre(String s, int width) {
        int left = (width - s.length()) / 2;
        return " ".repeat(left) + s + " ".repeat(width - s.length() - left);
    }

    private static String padRight(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
