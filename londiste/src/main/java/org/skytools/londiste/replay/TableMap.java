package org.skytools.londiste.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tables subscribed on this node, by their name in the queue. Immutable. */
public final class TableMap {
    private final Map<String, ReplayTable> tables;

    /** A map of the given tables. */
    public TableMap(Collection<ReplayTable> tables) {
        Map<String, ReplayTable> m = new LinkedHashMap<>();
        for (ReplayTable t : tables) {
            m.put(t.name(), t);
        }
        this.tables = Collections.unmodifiableMap(m);
    }

    /** No tables. */
    public static TableMap empty() {
        return new TableMap(java.util.List.of());
    }

    /**
     * The local tables of {@code queue} from {@code londiste.get_table_list} (every state: the
     * {@link ReplayFilter} decides which apply).
     */
    public static TableMap load(Connection dst, String queue) throws SQLException {
        java.util.List<ReplayTable> list = new java.util.ArrayList<>();
        try (PreparedStatement ps = dst.prepareStatement(
                "select table_name, table_attrs, dest_table from londiste.get_table_list(?) where local")) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(ReplayTable.fromTableInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return new TableMap(list);
    }

    /** The table with this queue name ({@code public.} assumed without a schema), or null. */
    public ReplayTable get(String name) {
        return tables.get(normalize(name));
    }

    /** Every table, in the order given. */
    public Collection<ReplayTable> all() {
        return tables.values();
    }

    /** This map without the named table. */
    public TableMap without(String name) {
        Map<String, ReplayTable> m = new LinkedHashMap<>(tables);
        m.remove(normalize(name));
        return new TableMap(m.values());
    }

    /** {@code public.} prefixed to a name without a dot, as londiste's {@code make_fqname}. */
    static String normalize(String name) {
        return name.indexOf('.') < 0 ? "public." + name : name;
    }
}
