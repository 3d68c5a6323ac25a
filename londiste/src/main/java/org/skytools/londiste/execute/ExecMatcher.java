package org.skytools.londiste.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.skytools.common.db.FqName;

/** The EXECUTE attributes, in the order they are probed, and what makes each one match. */
public enum ExecMatcher {
    LOCAL_TABLE("Local-Table", true),
    LOCAL_SEQUENCE("Local-Sequence", true),
    LOCAL_DESTINATION("Local-Destination", true),
    NEED_TABLE("Need-Table", false),
    NEED_SEQUENCE("Need-Sequence", false),
    NEED_FUNCTION("Need-Function", false),
    NEED_SCHEMA("Need-Schema", false),
    NEED_VIEW("Need-View", false);

    private final String niceName;
    private final boolean renames;

    ExecMatcher(String niceName, boolean renames) {
        this.niceName = niceName;
        this.renames = renames;
    }

    /** The name as written in files: {@code Local-Table}. */
    public String niceName() {
        return niceName;
    }

    /** The lower-case key of the urlencoded form. */
    public String key() {
        return niceName.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether {@code @name@} tags of this attribute are replaced by the local name. */
    public boolean renames() {
        return renames;
    }

    static Optional<ExecMatcher> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }

    boolean matches(Connection db, String value, Map<String, String> tables, Map<String, String> seqs)
            throws SQLException {
        String fqName = FqName.parse(value).toString();
        return switch (this) {
            case LOCAL_TABLE -> tables.containsKey(fqName);
            case LOCAL_SEQUENCE -> seqs.containsKey(fqName);
            case LOCAL_DESTINATION -> tables.containsKey(fqName) && relation(db, tables.get(fqName), "r", "p");
            case NEED_TABLE -> relation(db, fqName, "r", "p");
            case NEED_SEQUENCE -> relation(db, fqName, "S");
            case NEED_VIEW -> relation(db, fqName, "v", "m");
            case NEED_SCHEMA -> ExecAttributes.exists(
                    db, "select 1 from pg_catalog.pg_namespace where nspname = ?", value);
            case NEED_FUNCTION -> function(db, fqName);
        };
    }

    private static boolean relation(Connection db, String fqName, String... kinds) throws SQLException {
        FqName n = FqName.parse(fqName);
        return ExecAttributes.exists(
                db,
                "select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace s on s.oid = c.relnamespace"
                        + " where s.nspname = ? and c.relname = ? and c.relkind = any (?::char[])",
                n.schema(),
                n.name(),
                "{" + String.join(",", kinds) + "}");
    }

    private static boolean function(Connection db, String spec) throws SQLException {
        String name = spec;
        int nargs = 0;
        int open = spec.indexOf('(');
        int close = spec.indexOf(')');
        if (open > 0 && close > open) {
            nargs = Integer.parseInt(spec.substring(open + 1, close).strip());
            name = spec.substring(0, open);
        }
        FqName n = FqName.parse(name);
        return ExecAttributes.exists(
                db,
                "select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace s on s.oid = p.pronamespace"
                        + " where s.nspname = ? and p.proname = ? and p.pronargs = ?",
                n.schema(),
                n.name(),
                nargs);
    }
}
