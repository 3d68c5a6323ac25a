package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.ErrorKind;
import org.skytools.common.error.SkyToolsException;

/**
 * The attributes of an EXECUTE script ({@code --*-- Local-Table: t1, t2} meta-comments, carried
 * urlencoded in {@code ev_extra2}): which objects the script is about, whether it must run on this
 * node, and the {@code @name@} tags replaced by local names.
 */
public final class ExecAttrs {
    /** The keys in the order they are probed, lower-case as stored. */
    static final List<String> KEYS = List.of(
            "local-table",
            "local-sequence",
            "local-destination",
            "need-table",
            "need-sequence",
            "need-function",
            "need-schema",
            "need-view");

    private static final String META_PREFIX = "--*--";

    private final Map<String, List<String>> attrs = new LinkedHashMap<>();

    /** The attributes of an {@code ev_extra2} value; null or empty gives none. */
    public static ExecAttrs fromUrlenc(String text) {
        ExecAttrs a = new ExecAttrs();
        if (text != null && !text.isEmpty()) {
            for (Map.Entry<String, String> e : Quoting.urlDecode(text).entrySet()) {
                String v = e.getValue() == null ? "" : e.getValue();
                for (String one : v.split(",", -1)) {
                    a.add(e.getKey(), one);
                }
            }
        }
        return a;
    }

    /** The attributes in the leading meta-comments of a script; parsing stops at the first statement. */
    public static ExecAttrs fromSql(String sql) {
        ExecAttrs a = new ExecAttrs();
        String curKey = null;
        for (String raw : sql.split("\r?\n|\r", -1)) {
            String ln = raw.strip();
            if (ln.isEmpty()) {
                continue;
            }
            if (!ln.startsWith("--")) {
                break;
            }
            if (!ln.startsWith(META_PREFIX)) {
                continue;
            }
            ln = ln.substring(META_PREFIX.length()).strip();
            if (ln.isEmpty()) {
                continue;
            }
            String key;
            String values;
            if (curKey != null) {
                key = curKey;
                values = ln;
            } else {
                int pos = ln.indexOf(':');
                if (pos < 0) {
                    continue;
                }
                key = ln.substring(0, pos).strip();
                values = ln.substring(pos + 1);
            }
            for (String v : values.split(",")) {
                if (!v.isBlank()) {
                    a.add(key, v);
                }
            }
            curKey = ln.endsWith(",") ? key : null;
        }
        return a;
    }

    private void add(String key, String value) {
        String k = key.toLowerCase(java.util.Locale.ROOT).strip();
        if (!KEYS.contains(k)) {
            throw SkyToolsException.usage("invalid EXECUTE attribute key \"" + key + "\"");
        }
        attrs.computeIfAbsent(k, x -> new ArrayList<>()).add(value.strip());
    }

    /** The values of a key (any case), empty when absent. */
    public List<String> get(String key) {
        return attrs.getOrDefault(key.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** True when no attribute is set. */
    public boolean isEmpty() {
        return attrs.isEmpty();
    }

    /** The urlencoded form stored in {@code applied_execute} and sent in {@code ev_extra2}. */
    public String toUrlenc() {
        Map<String, String> m = new LinkedHashMap<>();
        attrs.forEach((k, v) -> m.put(k, String.join(",", v)));
        return Quoting.urlEncode(m);
    }

    /**
     * Whether the script runs here: no attributes, or every named object matches; none matching
     * means no. Throws when some match and some do not.
     *
     * @param tables local tables, queue name to local (dest) name
     * @param seqs local sequences, name to local name
     */
    public boolean needExecute(Connection conn, Map<String, String> tables, Map<String, String> seqs)
            throws SQLException {
        if (attrs.isEmpty()) {
            return true;
        }
        List<String> good = new ArrayList<>();
        List<String> miss = new ArrayList<>();
        for (String k : KEYS) {
            for (String v : attrs.getOrDefault(k, List.of())) {
                (matches(conn, k, TableMap.normalize(v), tables, seqs) ? good : miss).add(v);
            }
        }
        if (!good.isEmpty() && !miss.isEmpty()) {
            throw new SkyToolsException(
                    ErrorKind.RUNTIME, "SQL only partially matches local setup: matches=" + good + " misses=" + miss);
        }
        return miss.isEmpty();
    }

    private static boolean matches(
            Connection conn, String key, String fq, Map<String, String> tables, Map<String, String> seqs)
            throws SQLException {
        return switch (key) {
            case "local-table" -> tables.containsKey(fq);
            case "local-sequence" -> seqs.containsKey(fq);
            case "local-destination" -> tables.containsKey(fq) && relExists(conn, tables.get(fq), "r", "p");
            case "need-table" -> relExists(conn, fq, "r", "p");
            case "need-sequence" -> relExists(conn, fq, "S");
            case "need-view" -> relExists(conn, fq, "v");
            case "need-schema" -> exists(conn, "select 1 from pg_namespace where nspname = ?", stripPublic(fq));
            default -> functionExists(conn, fq);
        };
    }

    private static String stripPublic(String fq) {
        // Need-Schema names a schema, which normalize() has prefixed with "public."
        return fq.startsWith("public.") ? fq.substring(7) : fq;
    }

    private static boolean relExists(Connection conn, String fq, String... kinds) throws SQLException {
        FqName n = FqName.parse(fq);
        return exists(
                conn,
                "select 1 from pg_class c join pg_namespace s on s.oid = c.relnamespace"
                        + " where s.nspname = ? and c.relname = ? and c.relkind::text = any(?)",
                n.schema(),
                n.name(),
                conn.createArrayOf("text", kinds));
    }

    private static boolean functionExists(Connection conn, String spec) throws SQLException {
        int nargs = 0;
        String name = spec;
        int p1 = spec.indexOf('(');
        if (p1 > 0) {
            int p2 = spec.indexOf(')', p1);
            if (p2 > 0) {
                nargs = Integer.parseInt(spec.substring(p1 + 1, p2).strip());
                name = spec.substring(0, p1);
            }
        }
        FqName n = FqName.parse(name);
        return exists(
                conn,
                "select 1 from pg_proc p join pg_namespace s on s.oid = p.pronamespace"
                        + " where s.nspname = ? and p.proname = ? and p.pronargs = ?",
                n.schema(),
                n.name(),
                nargs);
    }

    private static boolean exists(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The script with each {@code @name@} of a Local-* attribute replaced by the quoted local name. */
    public String processSql(String sql, Map<String, String> tables, Map<String, String> seqs) {
        String out = sql;
        for (String k : List.of("local-table", "local-sequence", "local-destination")) {
            for (String v : attrs.getOrDefault(k, List.of())) {
                String fq = TableMap.normalize(v);
                String local = tables.containsKey(fq) ? tables.get(fq) : seqs.get(fq);
                if (local == null) {
                    throw new SkyToolsException(ErrorKind.INTERNAL, "lost table \"" + v + "\" in EXECUTE attributes");
                }
                out = out.replace("@" + v + "@", Quoting.quoteFqName(local));
            }
        }
        return out;
    }
}
