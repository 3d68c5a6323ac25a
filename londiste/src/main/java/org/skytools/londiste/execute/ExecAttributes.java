package org.skytools.londiste.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skytools.common.db.FqName;
import org.skytools.common.db.Quoting;
import org.skytools.common.error.SkyToolsException;

/**
 * The attributes of an EXECUTE file: {@code --*-- Key: v1, v2} meta-comments before the first
 * statement (a line ending in a comma continues on the next meta-comment line). They travel with
 * the EXECUTE event urlencoded ({@code local-table=a%2Cb}) and decide on each node whether the SQL
 * runs there (behaviour L-34, L-36).
 */
public final class ExecAttributes {
    static final String PREFIX = "--*--";

    private final Map<ExecMatcher, List<String>> values = new LinkedHashMap<>();

    /** Attributes from the meta-comments at the top of {@code sql}. */
    public static ExecAttributes fromSql(String sql) {
        ExecAttributes attrs = new ExecAttributes();
        String continuedKey = null;
        for (String raw : sql.split("\r?\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("--")) {
                break;
            }
            if (!line.startsWith(PREFIX)) {
                continue;
            }
            line = line.substring(PREFIX.length()).strip();
            if (line.isEmpty()) {
                continue;
            }
            String key;
            String rest;
            if (continuedKey != null) {
                key = continuedKey;
                rest = line;
            } else {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                key = line.substring(0, colon).strip();
                rest = line.substring(colon + 1);
            }
            for (String v : rest.split(",")) {
                if (!v.isBlank()) {
                    attrs.add(key, v);
                }
            }
            continuedKey = line.endsWith(",") ? key : null;
        }
        return attrs;
    }

    /** Attributes from their urlencoded event form; null or empty means none. */
    public static ExecAttributes fromUrlenc(String text) {
        ExecAttributes attrs = new ExecAttributes();
        if (text == null || text.isEmpty()) {
            return attrs;
        }
        for (Map.Entry<String, String> e : Quoting.urlDecode(text).entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            for (String v : e.getValue().split(",")) {
                attrs.add(e.getKey(), v);
            }
        }
        return attrs;
    }

    /** Adds one value; an unknown key is a usage error naming it. */
    public void add(String key, String value) {
        ExecMatcher m = ExecMatcher.byKey(key.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> SkyToolsException.usage("invalid EXECUTE attribute \"" + key.strip()
                        + "\"; known: Local-Table, Local-Sequence, Local-Destination, Need-Table,"
                        + " Need-Sequence, Need-Function, Need-Schema, Need-View"));
        values.computeIfAbsent(m, k -> new ArrayList<>()).add(value.strip());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The values given for one attribute, in file order. */
    public List<String> get(ExecMatcher matcher) {
        return values.getOrDefault(matcher, List.of());
    }

    /** The urlencoded form stored with the EXECUTE event and in {@code applied_execute}. */
    public String toUrlenc() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((m, v) -> map.put(m.key(), String.join(",", v)));
        return Quoting.urlEncode(map);
    }

    /**
     * Whether the SQL applies on this node: no attributes, or every listed object matches. None
     * matching means skip; a mix is an error, as the node's setup differs from the file's intent.
     *
     * @param localTables registered tables: source name to local (destination) name
     * @param localSeqs registered sequences: name to local name
     */
    public boolean needExecute(Connection db, Map<String, String> localTables, Map<String, String> localSeqs)
            throws SQLException {
        if (values.isEmpty()) {
            return true;
        }
        List<String> matched = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Map.Entry<ExecMatcher, List<String>> e : values.entrySet()) {
            for (String v : e.getValue()) {
                boolean ok = e.getKey().matches(db, v, localTables, localSeqs);
                (ok ? matched : missed).add(v);
            }
        }
        if (!matched.isEmpty() && !missed.isEmpty()) {
            throw SkyToolsException.state(
                    "SQL only partially matches local setup: matches=" + matched + " misses=" + missed);
        }
        return missed.isEmpty();
    }

    /** Replaces each {@code @name@} of a Local-* attribute by the quoted local name. */
    public String processSql(String sql, Map<String, String> localTables, Map<String, String> localSeqs) {
        String result = sql;
        for (Map.Entry<ExecMatcher, List<String>> e : values.entrySet()) {
            if (!e.getKey().renames()) {
                continue;
            }
            for (String v : e.getValue()) {
                String fq = FqName.parse(v).toString();
                String local = localTables.containsKey(fq) ? localTables.get(fq) : localSeqs.get(fq);
                if (local == null) {
                    throw SkyToolsException.state("EXECUTE names \"" + v + "\" but it is not registered on this node");
                }
                result = result.replace("@" + v + "@", Quoting.quoteFqIdent(local));
            }
        }
        return result;
    }

    static boolean exists(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
