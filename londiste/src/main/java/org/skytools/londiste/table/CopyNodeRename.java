package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.skytools.common.db.Quoting;
import org.skytools.pgq.cascade.NodeRenameHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * rename-node in londiste's own tables: a table added with {@code --copy-node=OLD} copies from the
 * new name afterwards (a name left behind would fail its next copy or resync).
 */
public final class CopyNodeRename implements NodeRenameHook {
    private static final Logger log = LoggerFactory.getLogger(CopyNodeRename.class);

    @Override
    public void renamed(Connection member, String queue, String oldName, String newName) throws SQLException {
        // setadm groups have no londiste schema
        if (SqlRows.value(member, "select to_regclass('londiste.table_info')") == null) {
            return;
        }
        for (Map<String, Object> row : SqlRows.query(
                member,
                "select table_name, table_attrs from londiste.table_info"
                        + " where queue_name = ? and local and table_attrs is not null",
                queue)) {
            Map<String, String> attrs = new LinkedHashMap<>(Quoting.urlDecode((String) row.get("table_attrs")));
            if (!oldName.equals(attrs.get("copy_node"))) {
                continue;
            }
            attrs.put("copy_node", newName);
            String table = (String) row.get("table_name");
            SqlRows.retCall(
                    member,
                    "select * from londiste.local_set_table_attrs(?, ?, ?)",
                    queue,
                    table,
                    Quoting.urlEncode(attrs));
            log.info("table {} now copies from node \"{}\"", table, newName);
        }
    }
}
