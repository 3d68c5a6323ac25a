package org.skytools.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.skytools.common.error.SkyToolsException;

/**
 * A query written with psycopg's named parameters ({@code insert into t values (%(id)s)}), turned
 * into a JDBC statement: each {@code %(name)s} becomes a bound parameter, never text pasted into
 * the SQL, and {@code %%} becomes {@code %}. Values are bound untyped, as psycopg's quoted
 * literals are, so the server casts them to what the query needs.
 */
public final class QueryTemplate {
    private final String sql;
    private final List<String> names;

    private QueryTemplate(String sql, List<String> names) {
        this.sql = sql;
        this.names = List.copyOf(names);
    }

    /** The JDBC text with {@code ?} placeholders. */
    public String sql() {
        return sql;
    }

    /** The parameter names in placeholder order (a name used twice appears twice). */
    public List<String> names() {
        return names;
    }

    /**
     * Parses {@code query}. Quoted strings, quoted identifiers, dollar quotes and comments are
     * copied as they are (only {@code %%} is unescaped there); a {@code ?} outside them is doubled so
     * that JDBC reads it as the operator it is.
     *
     * @throws SkyToolsException CONFIG when a parameter sits inside a quoted string or is unterminated
     */
    public static QueryTemplate parse(String query) {
        StringBuilder out = new StringBuilder(query.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"') {
                i = copyQuoted(query, i, c, out);
            } else if (c == '$' && dollarTag(query, i) != null) {
                String tag = dollarTag(query, i);
                int end = query.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                appendUnescaped(query, i, end, out);
                i = end;
            } else if (c == '-' && i + 1 < n && query.charAt(i + 1) == '-') {
                int end = query.indexOf('\n', i);
                end = end < 0 ? n : end;
                appendUnescaped(query, i, end, out);
                i = end;
            } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
                int end = query.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                appendUnescaped(query, i, end, out);
                i = end;
            } else if (c == '%' && i + 1 < n && query.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
            } else if (c == '%' && i + 1 < n && query.charAt(i + 1) == '(') {
                int close = query.indexOf(")s", i + 2);
                if (close < 0) {
                    throw SkyToolsException.config("dst_query has an unterminated parameter at \""
                            + query.substring(i, Math.min(n, i + 20)) + "\"; write %(name)s");
                }
                names.add(query.substring(i + 2, close));
                out.append('?');
                i = close + 2;
            } else if (c == '?') {
                out.append("??");
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return new QueryTemplate(out.toString(), names);
    }

    /** Copies a quoted string or identifier starting at {@code start}; returns the index after it. */
    private static int copyQuoted(String q, int start, char quote, StringBuilder out) {
        boolean backslashEscapes =
                quote == '\'' && start > 0 && (q.charAt(start - 1) == 'E' || q.charAt(start - 1) == 'e');
        int i = start + 1;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < q.length() && q.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            i++;
        }
        int end = Math.min(i, q.length());
        String text = q.substring(start, end);
        if (text.contains("%(")) {
            throw SkyToolsException.config(
                    "dst_query has a parameter inside a quoted string: " + text + "; put %(name)s outside the quotes");
        }
        appendUnescaped(q, start, end, out);
        return end;
    }

    private static void appendUnescaped(String q, int from, int to, StringBuilder out) {
        out.append(q.substring(from, to).replace("%%", "%"));
    }

    /** The dollar-quote tag ({@code $$} or {@code $tag$}) starting at {@code i}, or null. */
    private static String dollarTag(String q, int i) {
        if (i > 0 && (Character.isLetterOrDigit(q.charAt(i - 1)) || q.charAt(i - 1) == '_')) {
            return null; // part of an identifier such as a$b
        }
        int j = i + 1;
        while (j < q.length() && (Character.isLetterOrDigit(q.charAt(j)) || q.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(q.charAt(j))) {
                return null; // $1 is a positional parameter, not a quote
            }
            j++;
        }
        return j < q.length() && q.charAt(j) == '$' ? q.substring(i, j + 1) : null;
    }

    /**
     * Prepares the statement on {@code conn} with the values of {@code params} bound untyped.
     *
     * @throws SkyToolsException STATE when a parameter has no value
     */
    public PreparedStatement prepare(Connection conn, Map<String, String> params, String what) throws SQLException {
        PreparedStatement st = conn.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!params.containsKey(name)) {
                    throw SkyToolsException.state(
                            "dst_query needs parameter \"" + name + "\", which " + what + " does not have");
                }
                String v = params.get(name);
                if (v == null) {
                    st.setNull(i + 1, Types.OTHER);
                } else {
                    st.setObject(i + 1, v, Types.OTHER);
                }
            }
            return st;
        } catch (SQLException | RuntimeException e) {
            st.close();
            throw e;
        }
    }
}
