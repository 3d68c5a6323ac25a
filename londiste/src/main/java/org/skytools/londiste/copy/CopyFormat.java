package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skytools.common.db.FqName;
import org.skytools.londiste.table.SqlRows;

/**
 * Whether a table's rows may travel in COPY's binary format, which spares both servers the text
 * conversion of every value. Binary values carry no type of their own, and array and composite
 * values carry type oids that differ between databases, so it is used only when both servers are
 * of the same major version and every copied column has the same built-in base type on both
 * sides; anything else goes as text.
 */
final class CopyFormat {
    // oids below this are the ones initdb made, the same in every database of a major version
    private static final int FIRST_NORMAL_OID = 16384;

    private CopyFormat() {}

    static boolean binaryPossible(Connection src, FqName srcTable, Connection dst, FqName dstTable, List<String> cols)
            throws SQLException {
        if (cols.isEmpty() || major(src) != major(dst)) {
            return false;
        }
        Map<String, String> s = types(src, srcTable);
        Map<String, String> d = types(dst, dstTable);
        for (String c : cols) {
            String type = s.get(c);
            if (type == null || !type.equals(d.get(c))) {
                return false;
            }
        }
        return true;
    }

    private static int major(Connection c) throws SQLException {
        return ((Number) SqlRows.value(c, "select current_setting('server_version_num')::int / 10000")).intValue();
    }

    // column -> type as format_type shows it, or "" when the type is not a built-in base type
    private static Map<String, String> types(Connection c, FqName table) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (Map<String, Object> r : SqlRows.query(
                c,
                "select a.attname, case when t.oid < ? and t.typtype = 'b'"
                        + " and (t.typelem = 0 or t.typelem < ?) then format_type(a.atttypid, a.atttypmod)"
                        + " else '' end as type"
                        + " from pg_attribute a join pg_class cl on cl.oid = a.attrelid"
                        + " join pg_namespace n on n.oid = cl.relnamespace join pg_type t on t.oid = a.atttypid"
                        + " where n.nspname = ? and cl.relname = ? and a.attnum > 0 and not a.attisdropped",
                FIRST_NORMAL_OID,
                FIRST_NORMAL_OID,
                table.schema(),
                table.name())) {
            String type = (String) r.get("type");
            if (!type.isEmpty()) {
                out.put((String) r.get("attname"), type);
            }
        }
        return out;
    }
}
