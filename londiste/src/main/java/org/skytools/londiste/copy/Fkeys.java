package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.skytools.londiste.table.SqlRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Foreign keys around a copy (behaviour.md F-1, F-2): drop with the definition saved, restore when both sides are ok. */
final class Fkeys {
    private static final Logger log = LoggerFactory.getLogger(Fkeys.class);

    private Fkeys() {}

    /** Drops every foreign key to or from {@code destTable}, saving it in {@code londiste.pending_fkeys}. */
    static int dropAll(Connection dst, String destTable) throws SQLException {
        int n = 0;
        for (Map<String, Object> r : SqlRows.query(dst, "select * from londiste.find_table_fkeys(?)", destTable)) {
            log.info("dropping fkey \"{}\" ({} -> {})", r.get("fkey_name"), r.get("from_table"), r.get("to_table"));
            SqlRows.query(dst, "select londiste.drop_table_fkey(?, ?)", r.get("from_table"), r.get("fkey_name"));
            n++;
        }
        return n;
    }

    /** Re-creates the saved foreign keys whose both tables are ok with no copy snapshot. */
    static int restoreValid(Connection dst, String queue) throws SQLException {
        int n = 0;
        for (Map<String, Object> r : SqlRows.query(dst, "select * from londiste.get_valid_pending_fkeys(?)", queue)) {
            log.info("creating fkey \"{}\" ({} -> {})", r.get("fkey_name"), r.get("from_table"), r.get("to_table"));
            SqlRows.query(dst, "select londiste.restore_table_fkey(?, ?)", r.get("from_table"), r.get("fkey_name"));
            n++;
        }
        return n;
    }
}
