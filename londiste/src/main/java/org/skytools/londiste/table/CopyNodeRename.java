package org.skytools.londiste.table;

import java.sql.Connection;
import java.sql.SQLException;
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
        TableCatalog catalog = new TableCatalog(queue);
        for (TableInfo t : catalog.localTables(member)) {
            if (oldName.equals(t.copyNode())) {
                catalog.setAttr(member, t, "copy_node", newName);
                log.info("table {} now copies from node \"{}\"", t.name(), newName);
            }
        }
    }
}
