package org.skytools.londiste.compare;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.skytools.londiste.copy.ConnectionOpener;
import org.skytools.londiste.copy.LocationOpener;
import org.skytools.londiste.replay.HandlerSpec;
import org.skytools.londiste.table.HandlerTraits;
import org.skytools.londiste.table.MergeState;
import org.skytools.londiste.table.SqlRows;
import org.skytools.londiste.table.TableCatalog;
import org.skytools.londiste.table.TableInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node compare and repair read a table from (behaviour L-17): the provider when it holds the
 * table's data, else the first node up the provider chain that does. A node holds the data when
 * the table is local and {@code ok} there and its handler keeps rows (not {@code vtable}, {@code
 * qtable}, {@code qsplitter}): a queue-only branch passes events on without the table.
 *
 * @param node the node's name
 * @param opener opens connections to it
 */
record DataSource(String node, ConnectionOpener opener) {
    private static final Logger log = LoggerFactory.getLogger(DataSource.class);

    /**
     * The source of {@code table} for the local node {@code node}: its provider or a node above;
     * logs when it is not the provider. Ends the read transaction on {@code node}.
     */
    static Optional<DataSource> forTable(
            Connection node, String queue, String table, ConnectionOpener provider, LocationOpener nodes)
            throws SQLException {
        String providerNode =
                String.valueOf(SqlRows.value(node, "select provider_node from pgq_node.get_node_info(?)", queue));
        SqlRows.endRead(node);
        Optional<DataSource> found = find(queue, table, providerNode, provider, nodes);
        if (found.isPresent() && !found.get().node().equals(providerNode)) {
            log.info(
                    "{}: provider \"{}\" does not hold the table, reading it from \"{}\"",
                    table,
                    providerNode,
                    found.get().node());
        }
        return found;
    }

    /** Why a table has no source, as compare and repair report it. */
    static String missing(LocationOpener nodes) {
        return "table not ready on provider" + (nodes == null ? "" : " nor on any node above it");
    }

    /** The source of {@code table}, or empty when no node up to the root holds it. */
    static Optional<DataSource> find(
            String queue, String table, String providerNode, ConnectionOpener provider, LocationOpener nodes)
            throws SQLException {
        String name = providerNode;
        ConnectionOpener opener = provider;
        for (int depth = 0; depth < 100; depth++) {
            Map<String, Object> info;
            try (Connection c = opener.open()) {
                TableInfo there = new TableCatalog(queue).tables(c).get(table);
                if (there != null
                        && there.local()
                        && there.state().phase() == MergeState.Phase.OK
                        && HandlerTraits.needsTable(handlerName(there))) {
                    return Optional.of(new DataSource(name, opener));
                }
                info = SqlRows.query(c, "select * from pgq_node.get_node_info(?)", queue)
                        .get(0);
            }
            if ("root".equals(info.get("node_type")) || nodes == null) {
                return Optional.empty();
            }
            name = (String) info.get("provider_node");
            String location = (String) info.get("provider_location");
            opener = () -> nodes.open(location);
        }
        return Optional.empty();
    }

    private static String handlerName(TableInfo t) {
        String h = t.handler();
        return h == null || h.isEmpty() ? null : HandlerSpec.parse(h).name();
    }
}
