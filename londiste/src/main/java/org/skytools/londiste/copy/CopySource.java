package org.skytools.londiste.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.skytools.common.error.SkyToolsException;
import org.skytools.londiste.table.LocalNode;
import org.skytools.londiste.table.MergeState;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;

/**
 * Where a table's copy reads from (behaviour.md L-16): the provider, the node named by the
 * {@code copy_node} attribute, or with {@code copy_node=?} the first node up the provider chain
 * that replicates the table and has it {@code ok}.
 *
 * @param node the source node's name
 * @param connection an open autocommit connection to it (the caller closes it)
 * @param provider whether the source is the local node's provider (the replay reads the same queue)
 */
record CopySource(String node, Connection connection, boolean provider) {

    static CopySource resolve(
            Connection dst, String queue, TableInfo t, ConnectionOpener providerOpener, LocationOpener nodes)
            throws SQLException {
        LocalNode self = LocalNode.read(dst, queue);
        String copyNode = t.copyNode();
        if (copyNode == null || copyNode.isEmpty() || copyNode.equals(self.providerNode())) {
            return new CopySource(self.providerNode(), providerOpener.open(), true);
        }
        if (nodes == null) {
            throw SkyToolsException.state("table \"" + t.name() + "\" is to be copied from node \"" + copyNode
                    + "\" but this copy can only reach the provider");
        }
        if (!copyNode.equals("?")) {
            String loc = LocalNode.location(dst, queue, copyNode);
            Connection c = nodes.open(loc);
            TableInfo there = new TableCatalog(queue).tables(c).get(t.name());
            if (there == null || !there.local() || there.state().phase() != MergeState.Phase.OK) {
                c.close();
                // the copy waits for the source (L-5): the copy loop retries later
                throw SkyToolsException.state(
                        "table \"" + t.name() + "\" is not in sync on copy node \"" + copyNode + "\" yet");
            }
            return new CopySource(copyNode, c, false);
        }
        // walk up: provider, its provider, ... until a node has the table ok
        String name = self.providerNode();
        String loc = self.providerLocation();
        for (int depth = 0; depth < 100; depth++) {
            Connection c = name.equals(self.providerNode()) ? providerOpener.open() : nodes.open(loc);
            TableInfo there = new TableCatalog(queue).tables(c).get(t.name());
            if (there != null && there.local() && there.state().phase() == MergeState.Phase.OK) {
                return new CopySource(name, c, name.equals(self.providerNode()));
            }
            Map<String, Object> info = SqlRows.query(c, "select * from pgq_node.get_node_info(?)", queue)
                    .get(0);
            c.close();
            if ("root".equals(info.get("node_type"))) {
                break;
            }
            name = (String) info.get("provider_node");
            loc = (String) info.get("provider_location");
        }
        throw SkyToolsException.state(
                "no node up the provider chain has table \"" + t.name() + "\" in sync; cannot find a copy source");
    }
}
