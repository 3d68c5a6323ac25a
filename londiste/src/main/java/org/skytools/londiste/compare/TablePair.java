package org.skytools.londiste.compare;

import java.sql.Connection;
import java.sql.SQLException;
import org.skytools.common.db.FqName;
import org.skytools.londiste.table.MergeState;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;
import org.skytools.londiste.table.TableStructures;

/**
 * The two tables compare and check read for a subscribed table: its table on the source node,
 * which must be there and in sync, and the local destination table; or why they cannot be read.
 *
 * @param source the table on the source node (its dest name there)
 * @param dest the local table
 * @param skipReason null when both can be read
 */
record TablePair(FqName source, FqName dest, String skipReason) {

    static TablePair find(Connection src, Connection node, String queue, TableInfo local) throws SQLException {
        TableInfo p = new TableCatalog(queue).tables(src).get(local.name());
        if (p == null || !p.local() || p.state().phase() != MergeState.Phase.OK) {
            return skipped("table not ready on provider");
        }
        FqName srcTable = FqName.parse(p.destTable());
        FqName dstTable = local.dest();
        if (!TableStructures.tableExists(src, srcTable)) {
            return skipped("table \"" + srcTable + "\" does not exist on provider side");
        }
        if (!TableStructures.tableExists(node, dstTable)) {
            return skipped("table \"" + dstTable + "\" does not exist on subscriber side");
        }
        return new TablePair(srcTable, dstTable, null);
    }

    private static TablePair skipped(String why) {
        return new TablePair(null, null, why);
    }
}
